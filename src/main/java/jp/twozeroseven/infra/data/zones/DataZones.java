package jp.twozeroseven.infra.data.zones;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.data.access.PipelinePolicies;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.platform.storage.SecureBucketProps;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three storage zones: raw (restricted), masked (analytics) and Athena query results, each a SecureBucket under
 * one customer-managed data key with a {@code DataClassification} tag and lifecycle rules.
 */
public final class DataZones extends ComponentResource {

    public static final String TYPE = "platform207:data:DataZones";
    public static final String CLASSIFICATION_TAG = "DataClassification";

    private final Key dataKey;
    private final SecureBucket raw;
    private final SecureBucket masked;
    private final SecureBucket results;

    /**
     * @param scope             provider, naming and tags of the zones' resources. Required.
     * @param namePrefix        {@code <project>-<stack>}, named in the data key's description. Required.
     * @param accessLogBucket   the platform's access-log bucket: every zone bucket logs there. Required.
     * @param rawReaderRoleArns roles the access matrix lists as raw-zone readers, by audience; the raw bucket and each
     *                          reader's query-results prefix deny reads to anyone else. Empty: nobody reads raw.
     * @param guardianRoleArns  the deploying and the break-glass role ({@code dataPipeline.access.deployRoleArn},
     *                          {@code breakGlassRoleArn}): the only principals that may rewrite the buckets' policies
     *                          or the Embulk configs. Required, non-empty.
     * @param resultExpiryDays  Athena results are deleted after this many days ({@code dataPipeline.resultExpiryDays})
     * @param replacedVersionDays how long the raw and masked zones keep a replaced export's previous version (30 in
     *                          production, 7 otherwise)
     */
    public record Props(Scope scope, String namePrefix, Output<String> accessLogBucket,
                        Map<String, String> rawReaderRoleArns, List<String> guardianRoleArns, int resultExpiryDays,
                        int replacedVersionDays) {
        public Props {
            Required.components(Props.class, scope, namePrefix, accessLogBucket, rawReaderRoleArns, guardianRoleArns,
                    resultExpiryDays, replacedVersionDays);
            if (guardianRoleArns.isEmpty()) {
                throw new IllegalArgumentException("guardianRoleArns must name the deploy and break-glass roles");
            }
            rawReaderRoleArns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rawReaderRoleArns));
            guardianRoleArns = List.copyOf(guardianRoleArns);
            if (resultExpiryDays < 1 || replacedVersionDays < 1) {
                throw new IllegalArgumentException("resultExpiryDays and replacedVersionDays must be positive");
            }
        }
    }

    public DataZones(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        Output<String> accessLogBucket = props.accessLogBucket();
        Map<String, String> rawReaderRoleArns = props.rawReaderRoleArns();
        List<String> guardianRoleArns = props.guardianRoleArns();
        String keyName = scope.name("data");
        dataKey = new Key(keyName, KeyArgs.builder()
                .description("Data pipeline zones: raw, masked and query results (" + props.namePrefix() + ")")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .tags(scope.tags(keyName))
                .build(), scope.statefulOptions());
        new Alias(keyName, AliasArgs.builder().name("alias/" + keyName).targetKeyId(dataKey.keyId()).build(), scope.options());

        raw = bucket(scope, "data-raw", accessLogBucket, "restricted",
                arn -> arn.applyValue(a -> List.of(PipelinePolicies.rawReadGuard(a, List.copyOf(rawReaderRoleArns.values())),
                        PipelinePolicies.rawReplicationGuard(a), PipelinePolicies.policyWriteGuard(a, guardianRoleArns))));
        masked = bucket(scope, "data-masked", accessLogBucket, "analytics",
                arn -> arn.applyValue(a -> List.of(PipelinePolicies.configWriteGuard(a, guardianRoleArns),
                        PipelinePolicies.policyWriteGuard(a, guardianRoleArns))));
        results = bucket(scope, "data-query-results", accessLogBucket, "query-results",
                arn -> arn.applyValue(a -> {
                    List<Statement> statements = new ArrayList<>(rawReaderRoleArns.entrySet().stream()
                            .map(e -> PipelinePolicies.rawResultsGuard(a, e.getKey(), e.getValue())).toList());
                    statements.add(PipelinePolicies.policyWriteGuard(a, guardianRoleArns));
                    return statements;
                }));

        int keepVersions = props.replacedVersionDays();
        lifecycle(scope, "data-raw", raw, rule("expire-replaced-exports", Optional.empty(), keepVersions));
        lifecycle(scope, "data-masked", masked, rule("expire-replaced-exports", Optional.empty(), keepVersions));
        lifecycle(scope, "data-query-results", results, rule("expire-query-results", Optional.of(props.resultExpiryDays()), 1));
        this.registerOutputs(Map.of("raw", raw.name(), "masked", masked.name(), "results", results.name()));
    }

    private SecureBucket bucket(Scope scope, String name, Output<String> accessLogBucket, String classification,
                                java.util.function.Function<Output<String>, Output<List<Statement>>> statements) {
        return new SecureBucket(name, new SecureBucketProps(scope, SecureBucket.BucketSpec.of(dataKey.arn(),
                accessLogBucket).withTags(Map.of(CLASSIFICATION_TAG, classification)).withStatements(statements)),
                ComponentResourceOptions.builder().parent(scope.parent()).build());
    }

    private static BucketLifecycleConfigurationV2RuleArgs rule(String id, Optional<Integer> expireAfterDays,
                                                              int noncurrentDays) {
        var rule = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id(id)
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                        .builder().daysAfterInitiation(1).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(noncurrentDays).build());
        expireAfterDays.ifPresent(days -> rule.expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                .days(days).build()));
        return rule.build();
    }

    private static void lifecycle(Scope scope, String name, SecureBucket bucket, BucketLifecycleConfigurationV2RuleArgs rule) {
        List<BucketLifecycleConfigurationV2RuleArgs> rules = new ArrayList<>(List.of(rule));
        new BucketLifecycleConfigurationV2(scope.name(name), BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.bucket().id())
                .rules(rules)
                .build(), scope.options());
    }

    /** The key that encrypts every zone's bucket. */
    public Output<String> dataKeyArn() {
        return dataKey.arn();
    }

    /** The zones' bucket names, under the names the stack exports them by. */
    public Map<String, Output<String>> bucketNames() {
        // In a fixed order: it becomes the dataBuckets stack output, and the synth must be the same on every run.
        Map<String, Output<String>> names = new java.util.LinkedHashMap<>();
        names.put("raw", raw.name());
        names.put("masked", masked.name());
        names.put("queryResults", results.name());
        return java.util.Collections.unmodifiableMap(names);
    }
}
