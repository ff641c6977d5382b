package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.List;

/**
 * CloudFront standard logging (legacy) writes to a bucket through ACLs: the bucket must have ACLs enabled
 * (ownership BucketOwnerPreferred or ObjectWriter) before the distribution is created, and new buckets start with
 * ACLs disabled. So the distribution depends on the log bucket's ownership controls, not only on the bucket.
 */
public final class CloudFrontLoggingAfterBucketAcls extends AwsRule {

    public CloudFrontLoggingAfterBucketAcls() {
        super("cloudfront-logging-after-bucket-acls",
                "The S3 bucket for CloudFront standard logs must have ACLs enabled; buckets created since April 2023 "
                        + "have S3 Object Ownership BucketOwnerEnforced (ACLs disabled) by default.",
                "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html "
                        + "(Choose an Amazon S3 bucket for your standard logs)");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<SynthesizedResource> logging = stack.ofType("aws:cloudfront/distribution:Distribution").stream()
                .filter(d -> !logDomain(d).isEmpty()).toList();
        return each(logging, (distribution, problem) -> {
            String bucketName = logDomain(distribution).replaceFirst("\\.s3\\.amazonaws\\.com$", "");
            List<SynthesizedResource> controls = stack.ofType("aws:s3/bucketOwnershipControls:BucketOwnershipControls")
                    .stream().filter(c -> c.inputs().path("bucket").asText().equals(bucketName)).toList();
            if (controls.isEmpty()) {
                problem.accept("its log bucket " + bucketName + " has no ownership controls");
            }
            for (SynthesizedResource c : controls) {
                String ownership = c.inputs().path("rule").path("objectOwnership").asText();
                if ("BucketOwnerEnforced".equals(ownership)) {
                    problem.accept("its log bucket " + bucketName + " has ACLs disabled");
                }
                if (!distribution.options().dependsOn().contains(c.urn())) {
                    problem.accept("does not depend on " + c.urn() + ", so it can be created before the bucket accepts "
                            + "ACLs");
                }
            }
        });
    }

    /** The bucket domain the distribution's standard logs go to; empty when it does not log. */
    private static String logDomain(SynthesizedResource distribution) {
        return distribution.inputs().path("loggingConfig").path("bucket").asText("");
    }
}
