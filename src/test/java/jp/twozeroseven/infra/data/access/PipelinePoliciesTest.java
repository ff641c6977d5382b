package jp.twozeroseven.infra.data.access;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.DataClass;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.settings.AccessAudience;
import jp.twozeroseven.infra.settings.AccessMatrix;
import jp.twozeroseven.infra.settings.AccessZone;
import jp.twozeroseven.infra.settings.StackFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelinePoliciesTest {

    private static final Catalog CATALOG = CatalogLoader.load(StackFixture.PROJECT.resolve("data/catalog.yaml"));
    private static final PipelineArns ARNS = new PipelineArns("ap-northeast-1", "123456789012",
            "arn:aws:kms:ap-northeast-1:123456789012:key/k", "p-raw", "p-masked", "p-results", "p_raw", "p_masked");
    private static final Set<DataClass> MASKED_VIEW = EnumSet.of(DataClass.PUBLIC, DataClass.INTERNAL, DataClass.IDENTIFIER,
            DataClass.CONTACT, DataClass.ADDRESS, DataClass.LOCATION, DataClass.BIRTH_DATE, DataClass.TIMESTAMP_IDENTIFYING);
    private static final AccessAudience ANALYSTS = new AccessAudience("analysts", Set.of(AccessZone.MASKED), MASKED_VIEW, 1L << 30);
    private static final AccessAudience INVESTIGATORS = new AccessAudience("investigators",
            Set.of(AccessZone.MASKED, AccessZone.RAW), EnumSet.complementOf(EnumSet.of(DataClass.SECRET)), 1L << 30);

    private static final String DEPLOY = "arn:aws:iam::123456789012:role/deploy";
    private static final String BREAK_GLASS = "arn:aws:iam::123456789012:role/break-glass";

    private static AccessPlan plan(Set<String> readers, Set<String> rawTables) {
        return new AccessPlan(CATALOG, new AccessMatrix(List.of(ANALYSTS, INVESTIGATORS), readers, rawTables, DEPLOY, BREAK_GLASS));
    }

    private static List<String> allowed(PolicyDocument doc, String action) {
        List<String> resources = new ArrayList<>();
        for (JsonNode s : doc.toJsonNode().get("Statement")) {
            if (s.get("Effect").asText().equals("Allow")) {
                s.get("Action").forEach(a -> {
                    if (a.asText().equals(action)) {
                        s.get("Resource").forEach(r -> resources.add(r.asText()));
                    }
                });
            }
        }
        return resources;
    }

    private static JsonNode statementWith(PolicyDocument doc, String action) {
        for (JsonNode s : doc.toJsonNode().get("Statement")) {
            for (JsonNode a : s.get("Action")) {
                if (a.asText().equals(action)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no statement grants " + action);
    }

    private static List<String> actions(PolicyDocument doc) {
        List<String> out = new ArrayList<>();
        doc.toJsonNode().get("Statement").forEach(s -> s.get("Action").forEach(a -> out.add(a.asText())));
        return out;
    }

    /** Only s3:ListBucket (and its versions variant) is evaluated with the s3:prefix key; any other action never matches. */
    private static void assertPrefixConditionsOnlyGuardListing(PolicyDocument doc) {
        doc.toJsonNode().get("Statement").forEach(s -> {
            if (s.has("Condition") && s.get("Condition").toString().contains("s3:prefix")) {
                s.get("Action").forEach(a -> assertThat(a.asText())
                        .as("action in statement %s conditioned on s3:prefix", s.get("Sid").asText())
                        .isIn("s3:ListBucket", "s3:ListBucketVersions"));
            }
        });
    }

    private static List<String> unconditionallyAllowed(PolicyDocument doc, String action) {
        List<String> out = new ArrayList<>();
        doc.toJsonNode().get("Statement").forEach(s -> {
            boolean grants = "Allow".equals(s.get("Effect").asText()) && !s.has("Condition");
            s.get("Action").forEach(a -> {
                if (grants && a.asText().equals(action)) {
                    s.get("Resource").forEach(r -> out.add(r.asText()));
                }
            });
        });
        return out;
    }

    @Test
    void athenaCanLocateEveryBucketAnAudienceUsesWithoutAPrefixCondition() {
        PolicyDocument analysts = PipelinePolicies.audience(ARNS, plan(Set.of("investigators"), Set.of("deliveries")),
                ANALYSTS, "wg-analysts");
        PolicyDocument investigators = PipelinePolicies.audience(ARNS, plan(Set.of("investigators"), Set.of("deliveries")),
                INVESTIGATORS, "wg-investigators");
        assertPrefixConditionsOnlyGuardListing(analysts);
        assertPrefixConditionsOnlyGuardListing(investigators);
        assertThat(unconditionallyAllowed(analysts, "s3:GetBucketLocation"))
                .containsExactlyInAnyOrder("arn:aws:s3:::p-results", "arn:aws:s3:::p-masked");
        assertThat(unconditionallyAllowed(investigators, "s3:GetBucketLocation"))
                .containsExactlyInAnyOrder("arn:aws:s3:::p-results", "arn:aws:s3:::p-masked", "arn:aws:s3:::p-raw");
        // Listing stays narrowed to the audience's own results prefix.
        assertThat(unconditionallyAllowed(analysts, "s3:ListBucket")).isEmpty();
    }

    @Test
    void theEmbulkTaskListsOnlyUnderPrefixConditionsThatCanMatch() {
        assertPrefixConditionsOnlyGuardListing(PipelinePolicies.embulkTask(ARNS, ExportZone.MASKED, List.of("deliveries")));
        assertPrefixConditionsOnlyGuardListing(PipelinePolicies.embulkTask(ARNS, ExportZone.RAW, List.of("deliveries")));
    }

    @Test
    void analystsReadTheMaskedZoneOnlyAndTheirOwnResults() {
        PolicyDocument doc = PipelinePolicies.audience(ARNS, plan(Set.of("investigators"), Set.of("deliveries")), ANALYSTS,
                "wg-analysts");
        assertThat(allowed(doc, "s3:GetObject")).containsExactlyInAnyOrder("arn:aws:s3:::p-masked/masked/*",
                "arn:aws:s3:::p-results/analysts/*");
        assertThat(allowed(doc, "s3:PutObject")).containsExactly("arn:aws:s3:::p-results/analysts/*");
        assertThat(allowed(doc, "athena:StartQueryExecution"))
                .containsExactly("arn:aws:athena:ap-northeast-1:123456789012:workgroup/wg-analysts");
        assertThat(doc.toJson()).doesNotContain("p-raw", "p_raw", "secretsmanager");
        assertThat(actions(doc)).noneMatch(a -> a.endsWith(":*") || a.startsWith("glue:Create") || a.startsWith("glue:Delete"));
    }

    @Test
    void aListedRawReaderGetsExactlyTheAllowedRawTables() {
        PolicyDocument doc = PipelinePolicies.audience(ARNS, plan(Set.of("investigators"), Set.of("deliveries")),
                INVESTIGATORS, "wg-investigators");
        assertThat(allowed(doc, "s3:GetObject")).contains("arn:aws:s3:::p-raw/raw/deliveries/*")
                .noneMatch(r -> r.equals("arn:aws:s3:::p-raw/*") || r.startsWith("arn:aws:s3:::p-raw/raw/drivers"));
        assertThat(allowed(doc, "glue:GetTable")).contains("arn:aws:glue:ap-northeast-1:123456789012:table/p_raw/deliveries")
                .doesNotContain("arn:aws:glue:ap-northeast-1:123456789012:table/p_raw/*");
    }

    @Test
    void anAudienceNotListedAsRawReaderGetsNoRawGrantEvenIfItsZonesSayRaw() {
        PolicyDocument doc = PipelinePolicies.audience(ARNS, plan(Set.of(), Set.of("deliveries")), INVESTIGATORS, "wg");
        assertThat(doc.toJson()).doesNotContain("p-raw", "p_raw");
    }

    @Test
    void aMaskedTableWithAClassTheAudienceMayNotSeeIsNotGranted() {
        AccessAudience narrow = new AccessAudience("narrow", Set.of(AccessZone.MASKED), EnumSet.of(DataClass.PUBLIC,
                DataClass.INTERNAL), 1L << 30);
        AccessPlan plan = new AccessPlan(CATALOG, new AccessMatrix(List.of(narrow), Set.of(), Set.of(), DEPLOY, BREAK_GLASS));
        List<String> readable = plan.readableTables(narrow, AccessZone.MASKED);
        assertThat(readable).doesNotContain("drivers", "deliveries");
        PolicyDocument doc = PipelinePolicies.audience(ARNS, plan, narrow, "wg");
        assertThat(allowed(doc, "s3:GetObject")).doesNotContain("arn:aws:s3:::p-masked/masked/*");
    }

    @Test
    void eachZonesEmbulkTaskReadsItsConfigsAndWritesOnlyItsZonePrefixes() {
        PolicyDocument masked = PipelinePolicies.embulkTask(ARNS, ExportZone.MASKED, List.of("deliveries"));
        assertThat(allowed(masked, "s3:GetObject")).containsExactlyInAnyOrder("arn:aws:s3:::p-masked/config/embulk/masked/*",
                "arn:aws:s3:::p-masked/state/masked/*");
        assertThat(allowed(masked, "s3:PutObject")).containsExactlyInAnyOrder("arn:aws:s3:::p-masked/masked/*",
                "arn:aws:s3:::p-masked/state/masked/*");
        assertThat(masked.toJson()).doesNotContain("p-raw", "p_raw");
        PolicyDocument raw = PipelinePolicies.embulkTask(ARNS, ExportZone.RAW, List.of("deliveries"));
        assertThat(allowed(raw, "s3:GetObject")).containsExactlyInAnyOrder("arn:aws:s3:::p-masked/config/embulk/raw/*",
                "arn:aws:s3:::p-masked/state/raw/*");
        assertThat(allowed(raw, "s3:PutObject")).containsExactlyInAnyOrder("arn:aws:s3:::p-raw/raw/deliveries/*",
                "arn:aws:s3:::p-masked/state/raw/*");
        assertThat(raw.toJson()).doesNotContain("p-masked/masked/", "p_masked");
        for (PolicyDocument doc : List.of(masked, raw)) {
            assertThat(actions(doc)).noneMatch(a -> a.startsWith("glue:Create") || a.startsWith("glue:Delete")
                    || a.startsWith("glue:Update") || a.equals("s3:DeleteObject") || a.startsWith("secretsmanager"));
        }
        assertThatThrownBy(() -> PipelinePolicies.embulkTask(ARNS, ExportZone.RAW, List.of())).hasMessageContaining("rawZoneTables");
    }

    private static final String STATE_MACHINE = "arn:aws:states:ap-northeast-1:123456789012:stateMachine:prod-etl";
    private static final String EVENT_API = "https://insights-collector.newrelic.com/v1/accounts/3456789/events";
    private static final String CONNECTION = "arn:aws:events:ap-northeast-1:123456789012:connection/prod-etl-newrelic-heartbeat/abc";

    private static PolicyDocument stateMachinePolicy() {
        String taskDef = "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/p-embulk:1";
        String cluster = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/p";
        return PipelinePolicies.stateMachine(List.of(taskDef), cluster, List.of("arn:aws:iam::123456789012:role/t",
                "arn:aws:iam::123456789012:role/e"), List.of("arn:aws:execute-api:ap-northeast-1:123456789012:a/etl/POST/notify/etl-failure"),
                new HeartbeatHttpAccess(HeartbeatHttpAccess.stateMachineArn("ap-northeast-1", "123456789012", "prod-etl"),
                        EVENT_API, CONNECTION, HeartbeatHttpAccess.connectionSecretArn("ap-northeast-1", "123456789012",
                        "prod-etl-newrelic-heartbeat")),
                "ap-northeast-1", "123456789012");
    }

    @Test
    void theStateMachineRunsOneTaskDefinitionAndInvokesOnlyTheNotifyPaths() {
        PolicyDocument doc = stateMachinePolicy();
        assertThat(allowed(doc, "ecs:RunTask")).containsExactly("arn:aws:ecs:ap-northeast-1:123456789012:task-definition/p-embulk:1");
        assertThat(allowed(doc, "iam:PassRole")).containsExactly("arn:aws:iam::123456789012:role/t", "arn:aws:iam::123456789012:role/e");
        assertThat(allowed(doc, "events:PutRule"))
                .containsExactly("arn:aws:events:ap-northeast-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule");
        assertThat(allowed(doc, "execute-api:Invoke")).hasSize(1).allMatch(r -> r.endsWith("/POST/notify/etl-failure"));
        assertThat(doc.toJson()).contains("iam:PassedToService", "ecs-tasks.amazonaws.com");
    }

    @Test
    void theStateMachineMayPostOnlyTheHeartbeatUrlThroughOnlyItsConnection() {
        PolicyDocument doc = stateMachinePolicy();
        assertThat(allowed(doc, "states:InvokeHTTPEndpoint")).containsExactly(STATE_MACHINE);
        JsonNode invoke = statementWith(doc, "states:InvokeHTTPEndpoint");
        assertThat(invoke.path("Condition").path("StringEquals").path("states:HTTPEndpoint").asText()).isEqualTo(EVENT_API);
        assertThat(invoke.path("Condition").path("StringEquals").path("states:HTTPMethod").asText()).isEqualTo("POST");
        assertThat(invoke.path("Condition").has("StringLike")).isFalse();
        assertThat(allowed(doc, "events:RetrieveConnectionCredentials")).containsExactly(CONNECTION);
        assertThat(allowed(doc, "secretsmanager:GetSecretValue")).containsExactly(
                "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:events!connection/prod-etl-newrelic-heartbeat/*");
        assertThat(allowed(doc, "secretsmanager:DescribeSecret")).isEqualTo(allowed(doc, "secretsmanager:GetSecretValue"));
        // Nothing else of EventBridge connections or Secrets Manager, and no other HTTP method or URL.
        assertThat(actions(doc)).filteredOn(a -> a.startsWith("secretsmanager:") || a.startsWith("states:")
                        || a.startsWith("events:") && !a.endsWith("Rule") && !a.equals("events:PutTargets"))
                .containsExactlyInAnyOrder("states:InvokeHTTPEndpoint", "events:RetrieveConnectionCredentials",
                        "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "states:ListExecutions");
        // The run lock lists only this state machine's executions.
        assertThat(allowed(doc, "states:ListExecutions")).containsExactly(STATE_MACHINE);
    }

    @Test
    void heartbeatGrantsRefuseWildcardsAndForeignShapes() {
        assertThatThrownBy(() -> new HeartbeatHttpAccess(STATE_MACHINE, "https://insights-collector.newrelic.com/*", CONNECTION,
                HeartbeatHttpAccess.connectionSecretArn("ap-northeast-1", "123456789012", "c")))
                .hasMessageContaining("heartbeat endpoint");
        assertThatThrownBy(() -> new HeartbeatHttpAccess(STATE_MACHINE, EVENT_API, CONNECTION,
                "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:*"))
                .hasMessageContaining("connection secret ARN");
        assertThatThrownBy(() -> new HeartbeatHttpAccess("*", EVENT_API, CONNECTION,
                HeartbeatHttpAccess.connectionSecretArn("ap-northeast-1", "123456789012", "c")))
                .hasMessageContaining("state machine ARN '*'");
    }

    @Test
    void theSchedulerMayOnlyStartThisMachine() {
        PolicyDocument doc = PipelinePolicies.scheduler("arn:aws:states:ap-northeast-1:123456789012:stateMachine:etl",
                "arn:aws:sqs:ap-northeast-1:123456789012:dlq", "arn:aws:kms:ap-northeast-1:123456789012:key/q");
        assertThat(allowed(doc, "states:StartExecution")).containsExactly("arn:aws:states:ap-northeast-1:123456789012:stateMachine:etl");
        assertThat(actions(doc)).containsExactly("states:StartExecution", "sqs:SendMessage", "kms:GenerateDataKey", "kms:Decrypt");
    }

    @Test
    void theRawBucketDeniesReadsToEveryoneButTheListedReaders() {
        JsonNode guard = new PolicyDocument(List.of(PipelinePolicies.rawReadGuard("arn:aws:s3:::p-raw",
                List.of("arn:aws:iam::123456789012:role/r")))).toJsonNode().get("Statement").get(0);
        assertThat(guard.get("Effect").asText()).isEqualTo("Deny");
        assertThat(guard.get("Action").get(0).asText()).isEqualTo("s3:GetObject*");
        assertThat(guard.get("Condition").get("ArnNotEquals").get("aws:PrincipalArn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/r");
        JsonNode nobody = new PolicyDocument(List.of(PipelinePolicies.rawReadGuard("arn:aws:s3:::p-raw", List.of())))
                .toJsonNode().get("Statement").get(0);
        assertThat(nobody.has("Condition")).isFalse();
    }

    @Test
    void theNotifyApiAdmitsOnlyTheStateMachineRole() {
        String json = PipelinePolicies.notifyApiResourcePolicy("arn:aws:execute-api:ap-northeast-1:123456789012:abc",
                "arn:aws:iam::123456789012:role/sm").toJson();
        assertThat(json).contains("\"Effect\" : \"Deny\"", "ArnNotEquals", "arn:aws:iam::123456789012:role/sm");
    }
}
