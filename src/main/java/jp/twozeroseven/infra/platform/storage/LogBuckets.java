package jp.twozeroseven.infra.platform.storage;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
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

    public static LogBuckets create(Scope scope) {
        SecureBucket accessLogs = new SecureBucket("access-logs", scope, new SecureBucket.BucketSpec(
                Optional.empty(), Optional.empty(), true, true, Map.of("LogRole", "access-log-target"),
                arn -> arn.applyValue(a -> List.of(s3LogDelivery(scope.settings().accountId(), a)))));
        SecureBucket albLogs = new SecureBucket("alb-logs", scope, new SecureBucket.BucketSpec(
                Optional.empty(), Optional.of(accessLogs.name()), true, false, Map.of(),
                arn -> arn.applyValue(a -> List.of(elbDelivery(scope.settings().region(), a)))));
        // Logs are kept as long as the stack keeps CloudWatch logs, then expire (versioning keeps an overwritten or
        // deleted log 30 more days). An audit flags log buckets that grow forever.
        expire(scope, accessLogs, "access-logs");
        expire(scope, albLogs, "alb-logs");
        return new LogBuckets(accessLogs, albLogs);
    }

    /** The lifecycle rule of a log bucket: expire after the stack's log retention (S3 User Guide, "Lifecycle"). */
    static void expire(Scope scope, SecureBucket bucket, String name) {
        new BucketLifecycleConfigurationV2(scope.name(name), BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.name())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .days(scope.settings().logRetentionDays()).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                                .builder().noncurrentDays(30).build())
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
