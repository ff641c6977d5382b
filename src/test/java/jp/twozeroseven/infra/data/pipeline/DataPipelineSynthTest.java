package jp.twozeroseven.infra.data.pipeline;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.policycheck.PolicyCheck;
import jp.twozeroseven.infra.policycheck.PolicyReport;
import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.Synthesizer;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod synth carries the whole pipeline, and both stacks pass the real policy pack. */
class DataPipelineSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PACK = StackFixture.PROJECT.resolve("policy");
    private static SynthResult prod;
    private static SynthResult stg;

    @BeforeAll
    static void synth() {
        prod = synth("prod");
        stg = synth("stg");
    }

    private static SynthResult synth(String stack) {
        return SynthedStacks.synth(stack);
    }

    private static JsonNode inputs(SynthesizedResource r) {
        return r.toJson().get("inputs");
    }

    /** The ETL state machine, not the heartbeat checker. */
    private static List<SynthesizedResource> etl() {
        return prod.ofType("aws:sfn/stateMachine:StateMachine").stream()
                .filter(m -> !m.name().endsWith("-heartbeat-check")).toList();
    }

    private static JsonNode definition() throws Exception {
        List<SynthesizedResource> machines = etl();
        assertThat(machines).hasSize(1);
        assertThat(inputs(machines.get(0)).get("type").asText()).isEqualTo("STANDARD");
        return JSON.readTree(inputs(machines.get(0)).get("definition").asText());
    }

    @Test
    void theHeartbeatGoesThroughAnApiKeyConnectionWhoseKeyIsSecret() throws Exception {
        // (the observability component's deploy-marker connection to NerdGraph is not the pipeline's)
        List<SynthesizedResource> connections = prod.ofType("aws:cloudwatch/eventConnection:EventConnection").stream()
                .filter(c -> !c.name().endsWith("-deploy-markers")).toList();
        assertThat(connections).hasSize(1);
        JsonNode connection = inputs(connections.get(0));
        assertThat(connection.get("authorizationType").asText()).isEqualTo("API_KEY");
        assertThat(connection.get("authParameters").get("apiKey").get("key").asText()).isEqualTo("Api-Key");
        assertThat(connection.get("authParameters").get("apiKey").get("value").asText()).isEqualTo("[secret]");
        JsonNode report = definition().get("States").get("ReportHeartbeat");
        assertThat(report.get("Parameters").get("InvocationConfig").get("ConnectionArn").asText())
                .contains(":connection/" + connection.get("name").asText() + "/");
        assertThat(report.get("Parameters").get("ApiEndpoint").asText())
                .isEqualTo("https://insights-collector.newrelic.com/v1/accounts/3456789/events");
        assertThat(definition().toString()).doesNotContain("offline-placeholder");
    }

    @Test
    void theNotifyDeploymentWaitsForThePolicyAndIsTriggeredByEveryPartOfTheRequestPath() {
        List<SynthesizedResource> deployments = prod.ofType("aws:apigateway/deployment:Deployment");
        assertThat(deployments).hasSize(1);
        SynthesizedResource deployment = deployments.get(0);
        SynthesizedResource policy = prod.ofType("aws:apigateway/restApiPolicy:RestApiPolicy").get(0);
        assertThat(deployment.toJson().get("options").get("dependsOn").toString()).contains(policy.urn());
        for (SynthesizedResource integration : prod.ofType("aws:apigateway/integration:Integration")) {
            assertThat(deployment.toJson().get("options").get("dependsOn").toString()).contains(integration.urn());
        }
        // The triggers carry the webhook's hash, so the whole map is a secret.
        assertThat(inputs(deployment).get("triggers").asText()).isEqualTo("[secret]");
    }

    @Test
    void onlyAStackWithRawTablesHasTheRawExportUser() {
        assertThat(prod.ofType("aws:secretsmanager/secret:Secret")).extracting(r -> inputs(r).get("name").asText())
                .contains("platform-207-prod/etl/database-raw");
        // The raw export is its own task definition: only it receives the raw user, and it never gets the key.
        assertThat(prod.ofType("aws:ecs/taskDefinition:TaskDefinition")).extracting(r -> inputs(r).get("family").asText())
                .filteredOn(f -> f.contains("embulk")).containsExactly("platform-207-prod-embulk", "platform-207-prod-embulk-raw");
        String masked = containers(prod, "platform-207-prod-embulk");
        String raw = containers(prod, "platform-207-prod-embulk-raw");
        assertThat(masked).doesNotContain("EMBULK_RAW_DB_USER", "etl/database-raw").contains("EMBULK_PSEUDONYM_KEY");
        assertThat(raw).contains("EMBULK_RAW_DB_USER").doesNotContain("EMBULK_PSEUDONYM_KEY", "pseudonym-key", "etl/database:")
                .contains("{\"name\":\"EMBULK_EXPORT_ZONE\",\"value\":\"raw\"}");
        assertThat(masked).contains("{\"name\":\"EMBULK_EXPORT_ZONE\",\"value\":\"masked\"}");
        // stg exports no raw table: no raw user, no raw task definition, nothing to fill, nothing injected.
        assertThat(stg.ofType("aws:secretsmanager/secret:Secret")).extracting(r -> inputs(r).get("name").asText())
                .noneMatch(n -> n.endsWith("etl/database-raw"));
        SynthesizedResource stgTask = stg.ofType("aws:ecs/taskDefinition:TaskDefinition").stream()
                .filter(r -> r.name().contains("embulk")).findFirst().orElseThrow();
        assertThat(inputs(stgTask).get("containerDefinitions").asText()).doesNotContain("EMBULK_RAW_DB_USER");
        assertThat(stg.ofType("aws:ecs/taskDefinition:TaskDefinition")).extracting(r -> inputs(r).get("family").asText())
                .noneMatch(f -> f.endsWith("-embulk-raw"));
    }

    private static String containers(SynthResult result, String family) {
        return result.ofType("aws:ecs/taskDefinition:TaskDefinition").stream().map(DataPipelineSynthTest::inputs)
                .filter(t -> t.get("family").asText().equals(family)).findFirst().orElseThrow()
                .get("containerDefinitions").asText();
    }

    @Test
    void oneMapRunsEmbulkSyncWithAPerTableCommand() throws Exception {
        JsonNode map = definition().get("States").get("EtlEachTable");
        assertThat(map.get("Type").asText()).isEqualTo("Map");
        assertThat(map.get("MaxConcurrency").asInt()).isEqualTo(6);
        JsonNode spot = map.get("ItemProcessor").get("States").get("RunOnSpot");
        assertThat(spot.get("Resource").asText()).isEqualTo("arn:aws:states:::ecs:runTask.sync");
        assertThat(spot.get("Parameters").get("CapacityProviderStrategy").get(0).get("CapacityProvider").asText())
                .isEqualTo("FARGATE_SPOT");
        JsonNode override = spot.get("Parameters").get("Overrides").get("ContainerOverrides").get(0);
        assertThat(override.get("Name").asText()).isEqualTo("embulk");
        assertThat(override.get("Command.$").asText()).isEqualTo("States.Array('run-export', $.name)");
        JsonNode notify = map.get("ItemProcessor").get("States").get("NotifyTableFailure");
        assertThat(notify.get("Resource").asText()).isEqualTo("arn:aws:states:::apigateway:invoke");
        assertThat(notify.get("Parameters").get("AuthType").asText()).isEqualTo("IAM_ROLE");
        assertThat(map.get("ItemProcessor").get("States").get("RunOnDemand").get("Catch").get(0).get("Next").asText())
                .isEqualTo("DescribeFailure");
        // The item's family, so ECS starts its latest revision; IAM allows every revision of the two families only.
        assertThat(spot.get("Parameters").get("TaskDefinition.$").asText()).isEqualTo("$.taskDefinition");
        JsonNode machine = inputs(etl().get(0));
        assertThat(machine.get("loggingConfiguration").get("level").asText()).isEqualTo("ALL");
        assertThat(machine.get("tracingConfiguration").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void theHeartbeatCheckerReadsTheEtlEveryQuarterHourAndPostsThroughTheSameConnection() throws Exception {
        SynthesizedResource checker = prod.ofType("aws:sfn/stateMachine:StateMachine").stream()
                .filter(m -> m.name().endsWith("-heartbeat-check")).findFirst().orElseThrow();
        JsonNode machine = inputs(checker);
        assertThat(machine.get("type").asText()).isEqualTo("EXPRESS");
        assertThat(machine.get("loggingConfiguration").get("level").asText()).isEqualTo("ALL");
        assertThat(machine.get("tracingConfiguration").get("enabled").asBoolean()).isTrue();
        assertThat(machine.get("tags").get("Name").asText()).isEqualTo("platform-207-prod-etl-heartbeat-check");
        assertThat(checker.parent()).endsWith("platform207:data:HeartbeatCheck::heartbeat-check");
        JsonNode states = JSON.readTree(machine.get("definition").asText()).get("States");
        assertThat(states.get("ListRuns").get("Arguments").get("StateMachineArn").asText())
                .isEqualTo(inputs(etl().get(0)).get("name").asText().transform(
                        n -> "arn:aws:states:ap-northeast-1:123456789012:stateMachine:" + n));
        assertThat(states.get("Report").get("Arguments").get("InvocationConfig").get("ConnectionArn").asText())
                .isEqualTo(definition().get("States").get("ReportHeartbeat").get("Parameters").get("InvocationConfig")
                        .get("ConnectionArn").asText());
        // window 01:30 -> deadline 06:00 in prod, in the JSONata as milliseconds
        assertThat(states.get("ListRuns").get("Output").asText()).contains("+ 5400000;", "+ 16200000 <= $now");
        JsonNode schedule = inputs(prod.ofType("aws:scheduler/schedule:Schedule").stream()
                .filter(r -> r.name().endsWith("-etl-heartbeat-check")).findFirst().orElseThrow());
        assertThat(schedule.get("scheduleExpression").asText()).isEqualTo("cron(0/15 * * * ? *)");
        assertThat(schedule.get("scheduleExpressionTimezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(schedule.get("target").get("arn").asText()).endsWith(":stateMachine:platform-207-prod-etl-heartbeat-check");
    }

    @Test
    void aNightlyTokyoScheduleStartsTheMachineWithEveryTable() throws Exception {
        JsonNode schedule = inputs(prod.ofType("aws:scheduler/schedule:Schedule").stream()
                .filter(r -> r.name().endsWith("-etl-nightly")).findFirst().orElseThrow());
        assertThat(schedule.get("scheduleExpression").asText()).isEqualTo("cron(30 1 * * ? *)");
        assertThat(schedule.get("scheduleExpressionTimezone").asText()).isEqualTo("Asia/Tokyo");
        JsonNode target = schedule.get("target");
        assertThat(target.get("retryPolicy").get("maximumRetryAttempts").asInt()).isPositive();
        assertThat(target.get("deadLetterConfig").get("arn").asText()).contains(":sqs:");
        // Every table on the masked export, and the two rawZoneTables a second time on the raw export.
        JsonNode tables = JSON.readTree(target.get("input").asText()).get("tables");
        assertThat(tables).hasSize(8 + 2);
        assertThat(tables.findValuesAsText("taskDefinition")).filteredOn(f -> f.endsWith("-embulk-raw")).hasSize(2);
        List<String> rawItems = new java.util.ArrayList<>();
        tables.forEach(t -> {
            if (t.get("taskDefinition").asText().equals("platform-207-prod-embulk-raw")) {
                rawItems.add(t.get("name").asText());
            }
        });
        assertThat(rawItems).containsExactlyInAnyOrder("deliveries", "delivery_events");
        assertThat(inputs(prod.ofType("aws:sqs/queue:Queue").get(0)).get("kmsMasterKeyId").asText()).startsWith("arn:aws:kms:");
    }

    @Test
    void glueTablesUseProjectionAndCarryColumnClasses() {
        List<SynthesizedResource> tables = prod.ofType("aws:glue/catalogTable:CatalogTable");
        assertThat(tables).hasSize(8 + 2);
        for (SynthesizedResource table : tables) {
            JsonNode parameters = inputs(table).get("parameters");
            assertThat(parameters.get("projection.enabled").asText()).isEqualTo("true");
            assertThat(parameters.get("projection.dt.type").asText()).isEqualTo("date");
            assertThat(parameters.get("platform207.column_classes").asText()).contains("\"class\"");
            assertThat(inputs(table).get("storageDescriptor").get("serDeInfo").get("serializationLibrary").asText())
                    .contains("ParquetHiveSerDe");
        }
        assertThat(prod.ofType("aws:glue/catalogDatabase:CatalogDatabase")).hasSize(2);
    }

    @Test
    void athenaWorkgroupsAreEnforcedAndEncrypted() {
        List<SynthesizedResource> workgroups = prod.ofType("aws:athena/workgroup:Workgroup");
        assertThat(workgroups).hasSize(3);
        for (SynthesizedResource wg : workgroups) {
            JsonNode configuration = inputs(wg).get("configuration");
            assertThat(configuration.get("enforceWorkgroupConfiguration").asBoolean()).isTrue();
            assertThat(configuration.get("bytesScannedCutoffPerQuery").asLong()).isPositive();
            assertThat(configuration.get("resultConfiguration").get("encryptionConfiguration").get("encryptionOption").asText())
                    .isEqualTo("SSE_KMS");
            assertThat(configuration.get("resultConfiguration").get("outputLocation").asText())
                    .startsWith("s3://platform-207-prod-data-query-results/");
        }
    }

    @Test
    void everyTableHasAnEmbulkConfigObjectAndTheTaskTakesSecretsOnly() throws Exception {
        List<SynthesizedResource> configs = prod.ofType("aws:s3/bucketObjectv2:BucketObjectv2",
                "platform207:data:DataPipeline");
        assertThat(configs).hasSize(8 + 2);
        // Pulumi owns the Glue tables: no config asks the plugin to touch Glue (out.catalog).
        assertThat(configs).allSatisfy(c -> assertThat(inputs(c).get("content").asText()).doesNotContain("catalog:")
                .contains("driver_path: \"" + jp.twozeroseven.infra.data.embulk.EmbulkImage.pinned().driverPath() + "\"")
                .contains("platform-207-prod-aurora-etl.cluster-custom-"));
        // The ETL's own READER endpoint: in prod one static member, the last instance (the highest promotion tier).
        JsonNode endpoint = inputs(prod.ofType("aws:rds/clusterEndpoint:ClusterEndpoint").get(0));
        assertThat(endpoint.get("customEndpointType").asText()).isEqualTo("READER");
        assertThat(endpoint.get("staticMembers")).extracting(JsonNode::asText).containsExactly("platform-207-prod-aurora-3");
        JsonNode task = prod.ofType("aws:ecs/taskDefinition:TaskDefinition").stream()
                .map(DataPipelineSynthTest::inputs).filter(t -> t.get("family").asText().endsWith("-embulk")).findFirst().orElseThrow();
        // Fargate Spot runs only X86_64 tasks (ECS developer guide, "AWS Fargate capacity providers").
        assertThat(task.get("runtimePlatform").get("cpuArchitecture").asText()).isEqualTo("X86_64");
        JsonNode container = JSON.readTree(task.get("containerDefinitions").asText()).get(0);
        assertThat(container.get("secrets").findValuesAsText("name"))
                .containsExactly("EMBULK_DB_USER", "EMBULK_DB_PASSWORD", "EMBULK_PSEUDONYM_KEY");
        assertThat(container.get("environment").findValuesAsText("name")).noneMatch(n -> n.contains("KEY") || n.contains("PASSWORD"));
    }

    @Test
    void noLambdaAndNoKeyMaterialAnywhere() {
        for (SynthResult result : List.of(prod, stg)) {
            assertThat(result.resources()).noneMatch(r -> r.type().startsWith("aws:lambda"));
            String text = result.toJsonText();
            assertThat(text).doesNotContain("offline-placeholder-secret");
            // The key is only ever referenced by name, through the environment Secrets Manager fills.
            assertThat(text).doesNotContainPattern("pseudonym_key=[0-9a-f]{16}");
            assertThat(text).doesNotContain("hooks.slack.com");
        }
        JsonNode integration = inputs(prod.ofType("aws:apigateway/integration:Integration").get(0));
        assertThat(integration.get("uri").asText()).isEqualTo("[secret]");
    }

    @Test
    void theRawZoneReadersAreNamedInTheOutputs() {
        assertThat(prod.outputs().get("rawZoneReaders").fieldNames()).toIterable().containsExactly("delivery-investigations");
        assertThat(stg.outputs().get("rawZoneReaders")).isEmpty();
        assertThat(prod.resources()).filteredOn(r -> r.type().equals("aws:iam/role:Role"))
                .filteredOn(r -> inputs(r).path("tags").path("RawZoneReader").asText().equals("true")).hasSize(1);
    }

    @Test
    void bothStacksPassThePolicyPackForEveryDataPipelineResource() throws Exception {
        for (SynthResult result : List.of(prod, stg)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PolicyReport report = PolicyCheck.run(PACK, PACK.resolve("config/" + result.stack() + ".json"),
                    JSON.readTree(result.toJsonText()), new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(report.violations()).as(result.stack() + ":\n" + printed.toString(StandardCharsets.UTF_8))
                    .filteredOn(v -> v.mandatory() && v.urn().contains("platform207:data:DataPipeline")).isEmpty();
            assertThat(report.policies()).isGreaterThanOrEqualTo(39);
        }
    }
}
