package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The log buckets (S3 server access logs, ALB and CloudFront logs) have a lifecycle rule that expires objects,
 * their old versions and incomplete uploads; otherwise they grow forever (FSBP S3.13 asks every bucket for a
 * lifecycle configuration).
 */
public final class LogBucketsExpire extends AwsRule {

    public LogBucketsExpire() {
        super("log-buckets-expire",
                "S3 general purpose buckets should have lifecycle configurations (control S3.13).",
                "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-13");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        for (String suffix : List.of("-access-logs", "-alb-logs")) {
            String bucket = settings.namePrefix() + suffix;
            boolean expires = stack.ofType("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")
                    .stream().filter(l -> l.inputs().path("bucket").asText().equals(bucket))
                    .flatMap(l -> StreamSupport.stream(l.inputs().path("rules").spliterator(), false))
                    .anyMatch(r -> "Enabled".equals(r.path("status").asText()) && r.path("expiration").path("days").asInt() > 0
                            && r.path("noncurrentVersionExpiration").path("noncurrentDays").asInt() > 0);
            if (!expires) {
                problems.add("bucket " + bucket + ": no lifecycle rule expires its logs and their old versions");
            }
        }
        return problems;
    }
}
