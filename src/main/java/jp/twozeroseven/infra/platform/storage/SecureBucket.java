package jp.twozeroseven.infra.platform.storage;

import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.PolicyDocuments;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An S3 bucket with the defaults every 207 bucket needs: public access blocked, encryption (KMS with bucket keys
 * where a key is given), versioning, server access logs, and a policy that refuses plain HTTP.
 *
 * @see BucketSpec for what may differ between buckets
 */
public final class SecureBucket extends ComponentResource {

    public static final String TYPE = "platform207:storage:SecureBucket";

    private final BucketV2 bucket;
    private final BucketPolicy policy;
    private final BucketOwnershipControls ownership;

    /**
     * @param name    the component's name; also the suffix of the bucket's physical name
     * @param props   what to build
     * @param options the component's own options: its parent
     */
    public SecureBucket(String name, SecureBucketProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        BucketSpec spec = props.bucket();
        String physical = scope.name(name);
        CustomResourceOptions stateful = spec.stateful() ? scope.statefulOptions() : scope.options();
        bucket = new BucketV2(physical, BucketV2Args.builder()
                .bucket(physical)
                .forceDestroy(false)
                .tags(scope.tags(physical, spec.extraTags()))
                .build(), stateful);
        var publicAccess = new BucketPublicAccessBlock(physical, BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.bucket())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), scope.options());
        ownership = new BucketOwnershipControls(physical, BucketOwnershipControlsArgs.builder()
                .bucket(bucket.bucket())
                .rule(BucketOwnershipControlsRuleArgs.builder()
                        .objectOwnership(spec.aclsForLogDelivery() ? "BucketOwnerPreferred" : "BucketOwnerEnforced")
                        .build())
                .build(), scope.options());
        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        spec.kmsKeyArn().ifPresentOrElse(
                key -> byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(key),
                () -> byDefault.sseAlgorithm("AES256"));
        new BucketServerSideEncryptionConfigurationV2(physical, BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.bucket())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(byDefault.build())
                        .bucketKeyEnabled(spec.kmsKeyArn().isPresent())
                        .build())
                .build(), scope.options());
        new BucketVersioningV2(physical, BucketVersioningV2Args.builder()
                .bucket(bucket.bucket())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled").build())
                .build(), scope.options());
        spec.accessLogBucket().ifPresent(target -> new BucketLoggingV2(physical, BucketLoggingV2Args.builder()
                .bucket(bucket.bucket())
                .targetBucket(target)
                .targetPrefix(physical + "/")
                .build(), scope.options()));
        // The ARN is derived from the name (S3 bucket ARNs are arn:aws:s3:::<name>, IAM User Guide, "ARN format for
        // S3"), and the companions take the name, an input, rather than the provider's id: the same values after
        // apply, but known in a first preview too, so the pack can judge the policy before the bucket exists.
        Output<String> arn = Output.of("arn:aws:s3:::" + physical);
        Output<String> policyJson = Output.tuple(arn, spec.extraStatements().apply(arn))
                .applyValue(t -> {
                    List<Statement> statements = new ArrayList<>(
                            PolicyDocuments.tlsOnlyBucketPolicy(t.t1).statements());
                    statements.addAll(t.t2);
                    return new PolicyDocument(statements).toJson();
                });
        policy = new BucketPolicy(physical, BucketPolicyArgs.builder()
                .bucket(bucket.bucket())
                .policy(policyJson)
                .build(), CustomResourceOptions.builder().parent(this).provider(scope.aws())
                .dependsOn(publicAccess).build());
        this.registerOutputs(Map.of("bucket", bucket.bucket(), "arn", bucket.arn()));
    }

    public BucketV2 bucket() {
        return bucket;
    }

    public Output<String> name() {
        return bucket.bucket();
    }

    /**
     * The bucket's global domain name, {@code <bucket>.s3.amazonaws.com} (what the provider computes as
     * bucketDomainName), derived from the name so that it is known in a first preview too.
     */
    public Output<String> domainName() {
        return bucket.bucket().applyValue(b -> b + ".s3.amazonaws.com");
    }

    public Output<String> arn() {
        return bucket.arn();
    }

    public BucketPolicy policy() {
        return policy;
    }

    /**
     * The bucket's object-ownership setting. A writer that needs ACLs (CloudFront standard logging) must wait for
     * it: a new bucket starts with ACLs disabled (Amazon S3 User Guide, "Controlling ownership of objects and
     * disabling ACLs": BucketOwnerEnforced is the default for new buckets since April 2023).
     */
    public BucketOwnershipControls ownershipControls() {
        return ownership;
    }

    /**
     * What may differ between buckets.
     *
     * @param kmsKeyArn           SSE-KMS with bucket keys; empty means SSE-S3, which ALB log delivery requires.
     *                            @default the factories {@link #of} (KMS) and {@link #s3Managed} (SSE-S3) say
     * @param accessLogBucket     where server access logs go; empty only for the access-log bucket itself
     * @param stateful            protect and retain it when the scope protects stateful resources (production): it
     *                            holds data that cannot be recreated. @default true; {@link #notStateful()} clears it
     * @param aclsForLogDelivery  object ownership BucketOwnerPreferred, because CloudFront standard logs still write
     *                            with ACLs; @default false (BucketOwnerEnforced, ACLs disabled)
     * @param extraTags           tags beside {@code Service} and {@code Name}; @default none
     * @param extraStatements     statements added after the TLS-only deny, given the bucket ARN; @default none
     */
    public record BucketSpec(Optional<Output<String>> kmsKeyArn, Optional<Output<String>> accessLogBucket,
                             boolean stateful, boolean aclsForLogDelivery, Map<String, String> extraTags,
                             Function<Output<String>, Output<List<Statement>>> extraStatements) {

        public static BucketSpec of(Output<String> kmsKeyArn, Output<String> accessLogBucket) {
            return new BucketSpec(Optional.of(kmsKeyArn), Optional.of(accessLogBucket), true, false, Map.of(),
                    arn -> Output.of(List.of()));
        }

        public BucketSpec withStatements(Function<Output<String>, Output<List<Statement>>> statements) {
            return new BucketSpec(kmsKeyArn, accessLogBucket, stateful, aclsForLogDelivery, extraTags, statements);
        }

        public BucketSpec withTags(Map<String, String> tags) {
            return new BucketSpec(kmsKeyArn, accessLogBucket, stateful, aclsForLogDelivery, tags, extraStatements);
        }

        /** SSE-S3: for readers that cannot be granted a KMS key, such as CloudFront through OAC. */
        public static BucketSpec s3Managed(Output<String> accessLogBucket) {
            return new BucketSpec(Optional.empty(), Optional.of(accessLogBucket), true, false, Map.of(),
                    arn -> Output.of(List.of()));
        }

        public BucketSpec notStateful() {
            return new BucketSpec(kmsKeyArn, accessLogBucket, false, aclsForLogDelivery, extraTags, extraStatements);
        }
    }
}
