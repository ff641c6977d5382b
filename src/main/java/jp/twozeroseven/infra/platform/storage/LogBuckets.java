package jp.twozeroseven.infra.platform.storage;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.iam.Condition;
import jp.twozeroseven.infra.iam.Effect;
import jp.twozeroseven.infra.iam.Principal;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two log buckets every other bucket and the load balancer depend on: S3 server access logs (which cannot log
 * to themselves) and ALB access logs (which ELB writes only with SSE-S3).
 */
public record LogBuckets(SecureBucket accessLogs, SecureBucket loadBalancerLogs) {

    /** ELB's log-delivery accounts for regions that predate the service principal (AWS ELB documentation). */
    private static final Map<String, String> ELB_ACCOUNT = Map.of(
            "ap-northeast-1", "582318560864", "ap-northeast-3", "383597477331", "us-east-1", "127311923021");

    /**
     * Not a component: the two buckets are direct children of the caller.
     *
     * @param scope the caller's child scope (the platform's); the region picks ELB's log-delivery principal
     */
    public static LogBuckets create(Scope scope, LogBucketsProps props) {
        var options = ComponentResourceOptions.builder().parent(scope.parent()).build();
        SecureBucket accessLogs = new SecureBucket("access-logs", new SecureBucketProps(scope, new SecureBucket.BucketSpec(
                Optional.empty(), Optional.empty(), true, true, Map.of("LogRole", "access-log-target"),
                arn -> arn.applyValue(a -> List.of(s3LogDelivery(scope.accountId(), a))))), options);
        SecureBucket albLogs = new SecureBucket("alb-logs", new SecureBucketProps(scope, new SecureBucket.BucketSpec(
                Optional.empty(), Optional.of(accessLogs.name()), true, false, Map.of(),
                arn -> arn.applyValue(a -> List.of(elbDelivery(scope.region(), a))))), options);
        // Logs are kept as long as the stack keeps CloudWatch logs, then expire (versioning keeps an overwritten or
        // deleted log 30 more days). An audit flags log buckets that grow forever.
        expire(scope, accessLogs, "access-logs", props);
        expire(scope, albLogs, "alb-logs", props);
        return new LogBuckets(accessLogs, albLogs);
    }

    /** The lifecycle rule of a log bucket: expire after the stack's log retention (S3 User Guide, "Lifecycle"). */
    static void expire(Scope scope, SecureBucket bucket, String name, LogBucketsProps props) {
        new BucketLifecycleConfigurationV2(scope.name(name), BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.name())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .days(props.expireAfterDays()).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                                .builder().noncurrentDays(props.noncurrentVersionDays()).build())
                        .abortIncompleteMultipartUpload(
                                BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                        .daysAfterInitiation(1).build())
                        .build())
                .build(), scope.options());
    }

    private static Statement s3LogDelivery(String accountId, String bucketArn) {
        return new Statement("S3ServerAccessLogDelivery", Effect.ALLOW, List.of("s3:PutObject"),
                List.of(bucketArn + "/*"), List.of(Principal.service("logging.s3.amazonaws.com")),
                List.of(Condition.of("StringEquals", "aws:SourceAccount", accountId)));
    }

    private static Statement elbDelivery(String region, String bucketArn) {
        String account = ELB_ACCOUNT.get(region);
        Principal principal = account != null ? Principal.aws("arn:aws:iam::" + account + ":root")
                : Principal.service("logdelivery.elasticloadbalancing.amazonaws.com");
        return new Statement("ElbAccessLogDelivery", Effect.ALLOW, List.of("s3:PutObject"),
                List.of(bucketArn + "/alb/*"), List.of(principal), List.of());
    }
}
