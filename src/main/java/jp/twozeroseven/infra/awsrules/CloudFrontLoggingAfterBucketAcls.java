package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudFront standard logging (legacy) writes to a bucket through ACLs: the bucket must have ACLs enabled
 * (ownership BucketOwnerPreferred or ObjectWriter) before the distribution is created, and new buckets start with
 * ACLs disabled. So the distribution depends on the log bucket's ownership controls, not only on the bucket.
 */
public final class CloudFrontLoggingAfterBucketAcls implements AwsRule {

    @Override
    public String id() {
        return "cloudfront-logging-after-bucket-acls";
    }

    @Override
    public String requirement() {
        return "The S3 bucket for CloudFront standard logs must have ACLs enabled; buckets created since April 2023 "
                + "have S3 Object Ownership BucketOwnerEnforced (ACLs disabled) by default.";
    }

    @Override
    public String source() {
        return "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html "
                + "(Choose an Amazon S3 bucket for your standard logs)";
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        for (SynthesizedResource distribution : stack.ofType("aws:cloudfront/distribution:Distribution")) {
            String logDomain = distribution.inputs().path("loggingConfig").path("bucket").asText("");
            if (logDomain.isEmpty()) {
                continue;
            }
            String bucketName = logDomain.replaceFirst("\\.s3\\.amazonaws\\.com$", "");
            List<SynthesizedResource> controls = stack.ofType("aws:s3/bucketOwnershipControls:BucketOwnershipControls")
                    .stream().filter(c -> c.inputs().path("bucket").asText().equals(bucketName)).toList();
            if (controls.isEmpty()) {
                problems.add(distribution.urn() + ": its log bucket " + bucketName + " has no ownership controls");
                continue;
            }
            for (SynthesizedResource c : controls) {
                String ownership = c.inputs().path("rule").path("objectOwnership").asText();
                if ("BucketOwnerEnforced".equals(ownership)) {
                    problems.add(distribution.urn() + ": its log bucket " + bucketName + " has ACLs disabled");
                }
                if (!distribution.options().dependsOn().contains(c.urn())) {
                    problems.add(distribution.urn() + ": does not depend on " + c.urn()
                            + ", so it can be created before the bucket accepts ACLs");
                }
            }
        }
        return problems;
    }
}
