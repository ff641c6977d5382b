package jp.twozeroseven.infra.data.access;

import jp.twozeroseven.infra.support.JsonTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.twozeroseven.infra.settings.AccessAudience;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;

/**
 * Who can reach the raw zone, evaluated on the synthesized bucket policies with the worst case for every principal:
 * each role of the stack, and a role outside it, holds an identity policy that allows every action on every
 * resource. The model is the IAM User Guide's "Policy evaluation logic"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): an explicit Deny in
 * any applicable policy (here the bucket policy) overrides every Allow; for a principal of the bucket's own account
 * an identity-policy Allow suffices otherwise. So what is left readable is exactly what the resource policy does not
 * deny, whatever IAM says elsewhere.
 */
class RawZoneReachTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every object read a caller could use on the raw zone (Service Authorization Reference, Amazon S3 actions). */
    private static final List<String> OBJECT_READS = List.of("s3:GetObject", "s3:GetObjectVersion",
            "s3:GetObjectVersionForReplication", "s3:GetObjectAttributes", "s3:GetObjectTagging", "s3:GetObjectAcl",
            "s3:GetObjectVersionAttributes", "s3:GetObjectLegalHold");
    private static final String OUTSIDER = "someone-granted-administrator-access";

    @Test
    void onlyTheListedRawReadersCanReadTheRawZoneOrTheirResultsEvenIfIamGrantedEveryoneEverything() throws Exception {
        SynthResult prod = SynthedStacks.synth("prod");
        String account = account(prod);
        List<String> principals = new ArrayList<>(prod.ofType("aws:iam/role:Role").stream()
                .map(r -> "arn:aws:iam::" + account + ":role/" + inputs(r).get("name").asText()).toList());
        principals.add("arn:aws:iam::" + account + ":role/" + OUTSIDER);
        // The deploying and break-glass roles live outside the stack; they too hold Allow * on * here.
        List<String> guardians = SynthedStacks.settings("prod").dataPipeline().access().guardianRoleArns();
        principals.addAll(guardians);
        List<AccessAudience> rawReaders = SynthedStacks.settings("prod").dataPipeline().access().rawReaders();
        Set<String> matrix = new TreeSet<>(rawReaders.stream()
                .map(a -> "arn:aws:iam::" + account + ":role/platform-207-prod-redash-" + a.name()).toList());
        assertThat(matrix).as("prod lists raw readers").isNotEmpty();
        DocumentedReach documented = DocumentedReach.of("prod", account);
        assertThat(documented.principals("raw zone objects")).as("docs/data-governance.md reach table").isEqualTo(matrix);

        String rawBucket = bucketNamed(prod, "data-raw");
        JsonNode rawPolicy = bucketPolicy(prod, rawBucket);
        for (String action : OBJECT_READS) {
            assertThat(reach(principals, rawPolicy, action, "arn:aws:s3:::" + rawBucket + "/raw/deliveries/dt=2024-05-01/x.parquet"))
                    .as(action + " on the raw zone").isEqualTo(matrix);
        }
        assertThat(reach(principals, rawPolicy, "s3:PutReplicationConfiguration", "arn:aws:s3:::" + rawBucket))
                .as("replication of the raw zone, break-glass included")
                .isEqualTo(documented.principals("raw zone replication")).isEmpty();
        // Rewriting a data bucket's policy would lift its guards: only the deploying and the break-glass role may.
        // (The account root always may: Amazon S3 API Reference, PutBucketPolicy, so nobody is locked out.)
        for (String bucket : List.of(rawBucket, bucketNamed(prod, "data-masked"), bucketNamed(prod, "data-query-results"))) {
            for (String action : List.of("s3:PutBucketPolicy", "s3:DeleteBucketPolicy")) {
                assertThat(reach(principals, bucketPolicy(prod, bucket), action, "arn:aws:s3:::" + bucket))
                        .as(action + " on " + bucket).containsExactlyInAnyOrderElementsOf(guardians)
                        .isEqualTo(documented.principals("data bucket policies"));
            }
        }
        // The Embulk configs hold the masking SQL: the same two roles alone may put or delete them; the export task
        // itself only reads them. Other objects of the masked bucket are not guarded this way.
        String maskedBucket = bucketNamed(prod, "data-masked");
        JsonNode maskedPolicy = bucketPolicy(prod, maskedBucket);
        String config = "arn:aws:s3:::" + maskedBucket + "/config/embulk/masked/customers.yml.liquid";
        for (String action : List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:ReplicateObject",
                "s3:ReplicateDelete")) {
            assertThat(reach(principals, maskedPolicy, action, config)).as(action + " on an Embulk config")
                    .containsExactlyInAnyOrderElementsOf(guardians).isEqualTo(documented.principals("Embulk config writes"));
        }
        assertThat(reach(principals, maskedPolicy, "s3:PutObject", "arn:aws:s3:::" + maskedBucket + "/masked/customers/x.parquet"))
                .as("the masked zone itself").hasSameSizeAs(principals);

        String results = bucketNamed(prod, "data-query-results");
        JsonNode resultsPolicy = bucketPolicy(prod, results);
        for (AccessAudience reader : rawReaders) {
            assertThat(reach(principals, resultsPolicy, "s3:GetObject", "arn:aws:s3:::" + results + "/" + reader.name() + "/q.csv"))
                    .as("results of raw reader " + reader.name())
                    .containsExactly("arn:aws:iam::" + account + ":role/platform-207-prod-redash-" + reader.name())
                    .isEqualTo(documented.principals("a raw reader's query results"));
        }
        // A raw reader's role is assumed only with its External ID; the other audiences' roles need none.
        for (SynthesizedResource role : prod.ofType("aws:iam/role:Role")) {
            String name = inputs(role).get("name").asText();
            if (!name.startsWith("platform-207-prod-redash-")) {
                continue;
            }
            JsonNode trust = JSON.readTree(inputs(role).get("assumeRolePolicy").asText()).get("Statement").get(0);
            boolean raw = matrix.contains("arn:aws:iam::" + account + ":role/" + name);
            assertThat(trust.path("Condition").path("StringEquals").has("sts:ExternalId")).as(name).isEqualTo(raw);
        }
        // docs/data-governance.md's matrix names the same readers.
        String docs = Files.readString(SynthedStacks.PROJECT.resolve("docs/data-governance.md"));
        rawReaders.forEach(a -> assertThat(docs).contains("Prod lists one reader,\n`" + a.name() + "`"));
        assertThat(rawReaders).hasSize(1);
    }

    @Test
    void onlyEachZonesExecutionRoleCanReadItsSecretsEvenIfIamGrantedEveryoneEverything()
            throws Exception {
        for (String stack : List.of("prod", "stg")) {
            SynthResult result = SynthedStacks.synth(stack);
            String account = account(result);
            List<String> principals = new ArrayList<>(result.ofType("aws:iam/role:Role").stream()
                    .map(r -> "arn:aws:iam::" + account + ":role/" + inputs(r).get("name").asText()).toList());
            principals.add("arn:aws:iam::" + account + ":role/" + OUTSIDER);
            String execution = "arn:aws:iam::" + account + ":role/platform-207-" + stack + "-embulk-execution";
            assertThat(principals).contains(execution);
            List<String> secrets = result.ofType("aws:secretsmanager/secret:Secret").stream()
                    .map(r -> inputs(r).get("name").asText()).filter(n -> n.contains("/etl/")).toList();
            assertThat(secrets).as(stack).contains("platform-207-" + stack + "/etl/pseudonym-key",
                    "platform-207-" + stack + "/etl/database");
            assertThat(secrets.contains("platform-207-" + stack + "/etl/database-raw")).isEqualTo(stack.equals("prod"));
            // The raw export has its own execution role: the masked one never reads the raw user, nor the raw one the key.
            String rawExecution = "arn:aws:iam::" + account + ":role/platform-207-" + stack + "-embulk-raw-execution";
            assertThat(principals.contains(rawExecution)).as(stack).isEqualTo(stack.equals("prod"));
            List<SynthesizedResource> policies = result.ofType("aws:secretsmanager/secretPolicy:SecretPolicy");
            assertThat(policies).as(stack + ": one resource policy per ETL secret").hasSize(secrets.size());
            for (SynthesizedResource policy : policies) {
                JsonNode document = JSON.readTree(inputs(policy).get("policy").asText());
                assertThat(reach(principals, document, "secretsmanager:GetSecretValue", "*"))
                        .as(stack + " " + policy.name())
                        .containsExactly(policy.name().endsWith("-etl-database-raw") ? rawExecution : execution);
                if (stack.equals("prod")) {
                    assertThat(reach(principals, document, "secretsmanager:GetSecretValue", "*")).as("docs reach table")
                            .isEqualTo(DocumentedReach.of(stack, account).principals(policy.name().endsWith("-etl-database-raw")
                                    ? "raw-export credentials" : "pseudonym key and masked user"));
                }
            }
        }
    }

    /**
     * The ETL secrets' KMS key: a principal may use it when the key policy allows it directly, or allows the account
     * root (delegation to IAM, where each principal here holds Allow * on *); AWS KMS Developer Guide, "Key policies
     * in AWS KMS". Requests are evaluated as if made through Secrets Manager (the condition every grant carries).
     */
    @Test
    void onlyTheExecutionRolesCanDecryptWithTheEtlSecretsKeyAndNobodyCanGrantIt() throws Exception {
        for (String stack : List.of("prod", "stg")) {
            SynthResult result = SynthedStacks.synth(stack);
            String account = account(result);
            List<String> principals = new ArrayList<>(result.ofType("aws:iam/role:Role").stream()
                    .map(r -> "arn:aws:iam::" + account + ":role/" + inputs(r).get("name").asText()).toList());
            principals.add("arn:aws:iam::" + account + ":role/" + OUTSIDER);
            SynthesizedResource key = result.ofType("aws:kms/key:Key").stream()
                    .filter(r -> r.name().endsWith("-etl-secrets")).findFirst().orElseThrow();
            JsonNode policy = JSON.readTree(inputs(key).get("policy").asText());
            String execution = "arn:aws:iam::" + account + ":role/platform-207-" + stack + "-embulk-execution";
            List<String> executionRoles = stack.equals("prod")
                    ? List.of(execution, "arn:aws:iam::" + account + ":role/platform-207-prod-embulk-raw-execution")
                    : List.of(execution);
            assertThat(keyReach(principals, policy, "kms:Decrypt", account)).as(stack)
                    .containsExactlyInAnyOrderElementsOf(executionRoles);
            if (stack.equals("prod")) {
                assertThat(keyReach(principals, policy, "kms:Decrypt", account)).as("docs reach table")
                        .isEqualTo(DocumentedReach.of(stack, account).principals("ETL secrets key"));
            }
            for (String action : List.of("kms:CreateGrant", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKeyWithoutPlaintext")) {
                assertThat(keyReach(principals, policy, action, account)).as(stack + " " + action).isEmpty();
            }
            // Administration stays with the account's IAM, so the deploying role can manage the key: no lockout.
            assertThat(keyReach(principals, policy, "kms:PutKeyPolicy", account)).hasSameSizeAs(principals);
            // The ETL secrets share one key of their own, used by no other secret of the stack.
            Set<String> etlKeys = new TreeSet<>();
            Set<String> otherKeys = new TreeSet<>();
            for (SynthesizedResource secret : result.ofType("aws:secretsmanager/secret:Secret")) {
                (inputs(secret).get("name").asText().contains("/etl/") ? etlKeys : otherKeys)
                        .add(inputs(secret).get("kmsKeyId").asText());
            }
            assertThat(etlKeys).as(stack).hasSize(1).doesNotContainAnyElementsOf(otherKeys);
            assertThat(otherKeys).as(stack + ": the app secrets keep the platform key").isNotEmpty();
        }
    }

    /** Every row of the documented reach table is one that this class or EtlTaskReachTest compares. */
    @Test
    void theDocumentedReachTableHasExactlyTheCheckedTargets() throws Exception {
        DocumentedReach documented = DocumentedReach.of("prod", "123456789012");
        List<String> checked = List.of("raw zone objects", "a raw reader's query results", "raw zone replication",
                "data bucket policies", "Embulk config writes", "pseudonym key and masked user", "raw-export credentials",
                "ETL secrets key", "starting an export task");
        assertThat(documented.targets()).hasSameSizeAs(checked);
        checked.forEach(documented::principals);
    }

    private static Set<String> keyReach(List<String> principals, JsonNode policy, String action, String account) {
        Set<String> allowed = new TreeSet<>();
        for (String principal : principals) {
            boolean allow = false;
            boolean deny = false;
            for (JsonNode s : policy.get("Statement")) {
                assertThat(s.has("NotAction") || s.has("NotPrincipal")).isFalse();
                List<String> named = JsonTexts.of(s.get("Principal").path("AWS"));
                boolean principalMatches = named.contains(principal) || named.contains("arn:aws:iam::" + account + ":root");
                boolean actionMatches = JsonTexts.of(s.get("Action")).stream().anyMatch(p -> glob(p, action));
                boolean conditions = true;
                for (var op : (Iterable<Map.Entry<String, JsonNode>>) s.path("Condition")::fields) {
                    for (var k : (Iterable<Map.Entry<String, JsonNode>>) op.getValue()::fields) {
                        assertThat(op.getKey() + " " + k.getKey()).isEqualTo("StringEquals kms:ViaService");
                        conditions &= JsonTexts.of(k.getValue()).stream().allMatch(v -> v.startsWith("secretsmanager."));
                    }
                }
                if (principalMatches && actionMatches && conditions) {
                    if (s.get("Effect").asText().equals("Deny")) {
                        deny = true;
                    } else {
                        allow = true;
                    }
                }
            }
            if (allow && !deny) {
                allowed.add(principal);
            }
        }
        return allowed;
    }

    /** The principals the bucket policy does not explicitly deny for this request (each holds Allow * on *). */
    private static Set<String> reach(List<String> principals, JsonNode policy, String action, String resource) {
        Set<String> allowed = new TreeSet<>();
        for (String principal : principals) {
            boolean denied = false;
            for (JsonNode statement : policy.get("Statement")) {
                if (statement.get("Effect").asText().equals("Deny") && applies(statement, principal, action, resource)) {
                    denied = true;
                }
            }
            if (!denied) {
                allowed.add(principal);
            }
        }
        return allowed;
    }

    private static boolean applies(JsonNode s, String principal, String action, String resource) {
        assertThat(s.has("NotAction") || s.has("NotResource") || s.has("NotPrincipal")).as("model covers " + s).isFalse();
        boolean principalMatches = s.get("Principal").isTextual() ? s.get("Principal").asText().equals("*")
                : JsonTexts.of(s.get("Principal").path("AWS")).contains(principal);
        return principalMatches && JsonTexts.of(s.get("Action")).stream().anyMatch(p -> glob(p, action))
                && JsonTexts.of(s.get("Resource")).stream().anyMatch(p -> glob(p, resource))
                && conditionsHold(s.path("Condition"), principal);
    }

    /** The condition operators the synthesized guards use; any other fails the test rather than guess. */
    private static boolean conditionsHold(JsonNode condition, String principal) {
        for (var op : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
            for (var key : (Iterable<Map.Entry<String, JsonNode>>) op.getValue()::fields) {
                List<String> expected = JsonTexts.of(key.getValue());
                String actual = switch (key.getKey()) {
                    case "aws:PrincipalArn" -> principal;
                    case "aws:SecureTransport" -> "true"; // every request of ours is TLS
                    default -> throw new AssertionError("condition key not modelled: " + key.getKey());
                };
                boolean holds = switch (op.getKey()) {
                    case "ArnEquals", "StringEquals", "Bool" -> expected.contains(actual);
                    case "ArnNotEquals", "StringNotEquals" -> !expected.contains(actual);
                    case "ArnLike", "StringLike" -> expected.stream().anyMatch(p -> glob(p, actual));
                    case "ArnNotLike", "StringNotLike" -> expected.stream().noneMatch(p -> glob(p, actual));
                    default -> throw new AssertionError("condition operator not modelled: " + op.getKey());
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    /** IAM wildcards: * any run of characters, ? one character; action names are case-insensitive. */
    static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }


    private static JsonNode inputs(SynthesizedResource r) {
        return r.toJson().get("inputs");
    }

    private static String account(SynthResult result) throws Exception {
        SynthesizedResource provider = result.resources().stream().filter(r -> r.type().startsWith("pulumi:providers:aws"))
                .findFirst().orElseThrow();
        return JSON.readTree(inputs(provider).get("allowedAccountIds").asText()).get(0).asText();
    }

    private static String bucketNamed(SynthResult result, String suffix) {
        return result.ofType("aws:s3/bucketV2:BucketV2").stream().map(r -> inputs(r).get("bucket").asText())
                .filter(b -> b.endsWith("-" + suffix)).findFirst().orElseThrow();
    }

    private static JsonNode bucketPolicy(SynthResult result, String bucket) throws Exception {
        SynthesizedResource policy = result.ofType("aws:s3/bucketPolicy:BucketPolicy").stream()
                .filter(r -> inputs(r).get("bucket").asText().equals(bucket)).findFirst().orElseThrow();
        return JSON.readTree(inputs(policy).get("policy").asText());
    }
}
