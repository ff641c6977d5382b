package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.observability.alerts.HeartbeatCondition;
import jp.twozeroseven.infra.support.PipelineEvents;
import jp.twozeroseven.infra.settings.ObservabilityRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EtlStateMachineDefinitionTest {
    private static final String FAMILY = "platform-207-prod-embulk";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CONNECTION_ARN =
            "arn:aws:events:ap-northeast-1:123456789012:connection/prod-etl-newrelic-heartbeat/0b0c0d0e-1111-2222-3333-444455556666";

    static EtlWorkflowSpec spec() {
        return new EtlWorkflowSpec(
                "arn:aws:ecs:ap-northeast-1:123456789012:cluster/prod-etl",
                "platform-207-prod-embulk",
                "embulk",
                List.of("subnet-0aaa", "subnet-0bbb", "subnet-0ccc"),
                List.of("sg-0embulk"),
                CapacityStrategy.spotFirst(), 5,
                new NotifyEndpoint("a1b2c3d4e5", "prod", "ap-northeast-1", "/notify/etl-failure", "/notify/etl-summary"),
                HeartbeatEndpoint.newRelic("3456789", ObservabilityRegion.US, CONNECTION_ARN, "prod"),
                List.of("embulk", "run", "/embulk/tables/{table}.yml.liquid", "--log-level", "info"), 14_400, 16_200,
                "/platform-207-prod/data/embulk");
    }

    private static JsonNode itemStates() {
        return EtlStateMachineDefinition.render(spec()).path("States").path(EtlStateMachineDefinition.MAP)
                .path("ItemProcessor").path("States");
    }

    @Test
    void generatedDefinitionPassesAslValidator(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("etl.asl.json");
        Files.writeString(file, EtlStateMachineDefinition.renderJson(spec()), StandardCharsets.UTF_8);

        AslValidator.Result result = AslValidator.validate(file);

        assertThat(result.exitCode()).as(result.output()).isZero();
        EtlWorkflowSpec s = spec();
        Path onDemand = dir.resolve("on-demand.asl.json");
        Files.writeString(onDemand, EtlStateMachineDefinition.renderJson(new EtlWorkflowSpec(s.clusterArn(),
                s.taskDefinitionFamily(), s.containerName(), s.subnets(), s.securityGroups(), CapacityStrategy.onDemandOnly(),
                s.maxConcurrency(), s.notifyEndpoint(), s.heartbeat(), s.commandTemplate(), s.taskTimeoutSeconds(),
                s.executionTimeoutSeconds(), s.logGroup())), StandardCharsets.UTF_8);
        AslValidator.Result onDemandResult = AslValidator.validate(onDemand);
        assertThat(onDemandResult.exitCode()).as(onDemandResult.output()).isZero();
    }

    @Test
    void validatorRejectsABrokenDefinition(@TempDir Path dir) throws Exception {
        // Proves the validator is really consulted: a Next to a missing state must fail.
        var definition = EtlStateMachineDefinition.render(spec());
        ((com.fasterxml.jackson.databind.node.ObjectNode) definition.path("States").path("Summarize")).put("Next", "Nowhere");
        Path file = dir.resolve("broken.asl.json");
        Files.writeString(file, MAPPER.writeValueAsString(definition), StandardCharsets.UTF_8);

        assertThat(AslValidator.validate(file).exitCode()).isNotZero();
    }

    @Test
    void definitionDoesNotDependOnTheTablesAtAll() {
        // The definition has no table input; rendering twice for "10" and "500" table runs is identical bytes.
        String forTen = EtlStateMachineDefinition.renderJson(spec());
        String forFiveHundred = EtlStateMachineDefinition.renderJson(spec());
        String tenInput = EtlExecutionInput.render(tables(10));
        String fiveHundredInput = EtlExecutionInput.render(tables(500));

        assertThat(forTen.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(forFiveHundred.getBytes(StandardCharsets.UTF_8));
        assertThat(forTen).isEqualTo(forFiveHundred);
        assertThat(fiveHundredInput.length()).isGreaterThan(tenInput.length() * 10);
        assertThat(forTen).doesNotContain("table_0");
    }

    private static List<TableRun> tables(int count) {
        return IntStream.range(0, count).mapToObj(i -> new TableRun("table_" + i, i % 2 == 0 ? "daily" : "hourly", FAMILY)).toList();
    }

    @Test
    void mapRunsEachTableWithBoundedConcurrency() {
        JsonNode map = EtlStateMachineDefinition.render(spec()).path("States").path(EtlStateMachineDefinition.MAP);
        assertThat(map.path("Type").asText()).isEqualTo("Map");
        assertThat(map.path("ItemsPath").asText()).isEqualTo("$.tables");
        assertThat(map.path("MaxConcurrency").asInt()).isEqualTo(5);
        assertThat(map.path("ItemSelector").path("executionArn.$").asText()).isEqualTo("$$.Execution.Id");
    }

    @Test
    void commandIsBuiltFromTheItem() {
        JsonNode spot = itemStates().path(EtlStateMachineDefinition.RUN_ON_SPOT);
        assertThat(spot.path("Resource").asText()).isEqualTo("arn:aws:states:::ecs:runTask.sync");
        JsonNode override = spot.path("Parameters").path("Overrides").path("ContainerOverrides").get(0);
        assertThat(override.path("Name").asText()).isEqualTo("embulk");
        assertThat(override.path("Command.$").asText()).isEqualTo(
                "States.Array('embulk', 'run', States.Format('/embulk/tables/{}.yml.liquid', $.name), '--log-level', 'info')");
    }

    @Test
    void spotFirstThenOnDemandFallback() {
        JsonNode spot = itemStates().path(EtlStateMachineDefinition.RUN_ON_SPOT);
        JsonNode onDemand = itemStates().path(EtlStateMachineDefinition.RUN_ON_DEMAND);

        assertThat(spot.path("Parameters").path("CapacityProviderStrategy").get(0).path("CapacityProvider").asText())
                .isEqualTo("FARGATE_SPOT");
        assertThat(onDemand.path("Parameters").path("CapacityProviderStrategy"))
                .extracting(s -> s.path("CapacityProvider").asText()).containsExactly("FARGATE");
        JsonNode fallback = spot.path("Catch").get(0);
        // States.ALL: States.TaskFailed would be a wildcard for every error but States.Timeout (developer guide,
        // "Error names"), so the Choice, not the Catch, tells an API error from a stopped task.
        assertThat(fallback.path("ErrorEquals")).extracting(JsonNode::asText).containsExactly("States.ALL");
        // Not straight to on-demand: the Choice decides whether Spot was lost or the export failed.
        assertThat(fallback.path("Next").asText()).isEqualTo(EtlStateMachineDefinition.SPOT_LOST);
        assertThat(fallback.path("ResultPath").asText()).isEqualTo("$.error");
        JsonNode choice = itemStates().path(EtlStateMachineDefinition.SPOT_LOST);
        assertThat(choice.path("Type").asText()).isEqualTo("Choice");
        assertThat(choice.path("Choices").get(0).path("Next").asText()).isEqualTo(EtlStateMachineDefinition.RUN_ON_DEMAND);
        assertThat(choice.path("Default").asText()).isEqualTo(EtlStateMachineDefinition.DESCRIBE_FAILURE);
    }

    private static boolean spotLost(String cause) throws Exception {
        return spotLost("States.TaskFailed", cause);
    }

    static boolean spotLost(String error, String cause) throws Exception {
        var input = MAPPER.createObjectNode().put("name", "deliveries");
        var caught = input.putObject("error").put("Error", error);
        if (cause != null) {
            caught.put("Cause", cause);
        }
        String condition = itemStates().path(EtlStateMachineDefinition.SPOT_LOST).path("Choices").get(0)
                .path("Condition").asText();
        Jsonata.Result result = Jsonata.evaluate(condition, input, "2024-05-01T16:30:00.000Z");
        assertThat(result.ok()).as(result.error()).isTrue();
        return result.value().asBoolean();
    }

    @Test
    void onlyASpotInterruptionOrMissingCapacityFallsBackToOnDemand() throws Exception {
        assertThat(spotLost("{\"Attachments\":[],\"StopCode\":\"SpotInterruption\",\"StoppedReason\":\"Your Spot Task was interrupted.\"}"))
                .isTrue();
        assertThat(spotLost("{\"StopCode\" : \"SpotInterruption\"}")).isTrue();
        assertThat(spotLost("Capacity is unavailable at this time. Please try again later or in a different availability zone"))
                .isTrue();
        assertThat(spotLost("{\"StopCode\":\"TaskFailedToStart\",\"StoppedReason\":\"RESOURCE:FARGATE capacity is unavailable\"}"))
                .isTrue();
        // The export itself failed: running it again on on-demand would fail the same way, later and dearer.
        assertThat(spotLost("{\"StopCode\":\"EssentialContainerExited\",\"StoppedReason\":\"Essential container in task exited\"}"))
                .isFalse();
        assertThat(spotLost("{\"StopCode\":\"TaskFailedToStart\",\"StoppedReason\":\"CannotPullContainerError: not found\"}"))
                .isFalse();
        // A timeout is too slow for on-demand as well.
        assertThat(spotLost("States.Timeout", null)).isFalse();
        assertThat(spotLost("States.Timeout", "{\"TaskArn\":\"arn:aws:ecs:ap-northeast-1:1:task/c/1\"}")).isFalse();
    }

    @Test
    void bothRunTaskStatesStopAHungExportAndSendNoHeartbeat() {
        for (String name : List.of(EtlStateMachineDefinition.RUN_ON_SPOT, EtlStateMachineDefinition.RUN_ON_DEMAND)) {
            JsonNode state = itemStates().path(name);
            assertThat(state.path("TimeoutSeconds").asInt()).as(name).isEqualTo(14_400);
            // ECS .sync never heartbeats; a HeartbeatSeconds would fail every task.
            assertThat(state.has("HeartbeatSeconds")).as(name).isFalse();
        }
        EtlWorkflowSpec ok = spec();
        assertThatThrownBy(() -> new EtlWorkflowSpec(ok.clusterArn(), ok.taskDefinitionFamily(), ok.containerName(), ok.subnets(),
                ok.securityGroups(), ok.capacity(), ok.maxConcurrency(), ok.notifyEndpoint(), ok.heartbeat(),
                ok.commandTemplate(), 0, 16_200, ok.logGroup())).hasMessageContaining("timeout 0 s");
    }

    @Test
    void eachTaskGetsTheRunsJstDateAsExportDate() {
        JsonNode map = EtlStateMachineDefinition.render(spec()).path("States").path(EtlStateMachineDefinition.MAP);
        assertThat(map.path("ItemSelector").path("exportDate.$").asText()).isEqualTo("$.exportDate");
        for (String name : List.of(EtlStateMachineDefinition.RUN_ON_SPOT, EtlStateMachineDefinition.RUN_ON_DEMAND)) {
            JsonNode environment = itemStates().path(name).path("Parameters").path("Overrides").path("ContainerOverrides")
                    .get(0).path("Environment");
            assertThat(environment).extracting(e -> e.path("Name").asText())
                .containsExactly("EXPORT_DATE", "EXPORT_RUN_ID", "EXPORT_MODE", "EXPORT_CATCH_UP_WINDOW");
            assertThat(environment.get(0).path("Value.$").asText()).isEqualTo("$.exportDate");
            assertThat(environment.get(1).path("Value.$").asText()).isEqualTo("$.runId");
        }
        assertThat(map.path("ItemSelector").path("runId.$").asText()).isEqualTo("$$.Execution.Name");
        assertThat(EtlStateMachineDefinition.render(spec()).path("StartAt").asText())
                .isEqualTo(EtlStateMachineDefinition.CHECK_NO_OTHER_RUN);
    }

    private static Jsonata.Result exportDate(JsonNode input, String startTime) throws Exception {
        String output = EtlStateMachineDefinition.render(spec()).path("States")
                .path(EtlStateMachineDefinition.RESOLVE_EXPORT_DATE).path("Output").asText();
        return Jsonata.evaluate(output, input, startTime);
    }

    @Test
    void theExportDateIsTheJstDateOfTheExecutionStart() throws Exception {
        JsonNode input = MAPPER.readTree(EtlExecutionInput.render(List.of(new TableRun("deliveries", "daily", FAMILY))));
        // 01:30 JST on 2024-05-02 is 16:30 UTC on 2024-05-01.
        Jsonata.Result night = exportDate(input, "2024-05-01T16:30:00.123Z");
        assertThat(night.ok()).as(night.error()).isTrue();
        assertThat(night.value().path("exportDate").asText()).isEqualTo("2024-05-02");
        assertThat(night.value().path("tables")).isEqualTo(input.path("tables"));
        assertThat(exportDate(input, "2024-05-01T14:59:59.999Z").value().path("exportDate").asText()).isEqualTo("2024-05-01");
        assertThat(exportDate(input, "2024-12-31T15:00:00.000Z").value().path("exportDate").asText()).isEqualTo("2025-01-01");
    }

    @Test
    void aBackfillMayNameItsDateButOnlyAsYyyyMmDd() throws Exception {
        var input = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(
                EtlExecutionInput.render(List.of(new TableRun("deliveries", "daily", FAMILY))));
        input.put("exportDate", "2024-04-20").put("mode", "backfill");
        assertThat(exportDate(input, "2024-05-01T16:30:00.000Z").value().path("exportDate").asText()).isEqualTo("2024-04-20");
        input.put("exportDate", "2024/04/20");
        Jsonata.Result bad = exportDate(input, "2024-05-01T16:30:00.000Z");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.error()).contains("yyyy-MM-dd");
    }

    @Test
    void ecsStatesRetryWithBackoffAndCatchEverything() {
        for (String name : List.of(EtlStateMachineDefinition.RUN_ON_SPOT, EtlStateMachineDefinition.RUN_ON_DEMAND)) {
            JsonNode state = itemStates().path(name);
            assertThat(state.path("Retry")).as(name).isNotEmpty();
            assertThat(state.path("Retry")).allSatisfy(r -> {
                assertThat(r.path("IntervalSeconds").asInt()).isPositive();
                assertThat(r.path("BackoffRate").asDouble()).isGreaterThan(1.0);
                assertThat(r.path("MaxAttempts").asInt()).isBetween(1, 5);
            });
            JsonNode lastCatch = state.path("Catch").get(state.path("Catch").size() - 1);
            assertThat(lastCatch.path("ErrorEquals").get(0).asText()).as(name).isEqualTo("States.ALL");
        }
        assertThat(itemStates().path(EtlStateMachineDefinition.RUN_ON_DEMAND).path("Retry").get(0).path("ErrorEquals"))
                .extracting(JsonNode::asText).contains("ECS.AmazonECSException", "ECS.ServerException");
    }

    @Test
    void everyFailurePathOfAnItemReachesTheNotificationThenMarksItFailed() {
        JsonNode states = itemStates();
        // Every Catch target of a RunTask state, followed onwards, must pass NotifyTableFailure before MarkFailed.
        List<String> catchTargets = new ArrayList<>();
        states.fields().forEachRemaining(e -> {
            if (e.getValue().path("Resource").asText().contains("ecs:runTask")) {
                e.getValue().path("Catch").forEach(c -> catchTargets.add(c.path("Next").asText()));
            }
        });
        assertThat(catchTargets).isNotEmpty();
        for (String start : catchTargets) {
            Set<String> reachableOnFailure = failureClosure(states, start);
            assertThat(reachableOnFailure).as("from %s", start).contains(EtlStateMachineDefinition.NOTIFY_TABLE_FAILURE);
        }
        JsonNode notify = states.path(EtlStateMachineDefinition.NOTIFY_TABLE_FAILURE);
        assertThat(notify.path("Resource").asText()).isEqualTo("arn:aws:states:::apigateway:invoke");
        assertThat(notify.path("Next").asText()).isEqualTo(EtlStateMachineDefinition.MARK_FAILED);
        assertThat(notify.path("Catch").get(0).path("Next").asText()).isEqualTo(EtlStateMachineDefinition.MARK_FAILED);
        assertThat(states.path(EtlStateMachineDefinition.MARK_FAILED).path("End").asBoolean()).isTrue();
        assertThat(states.path(EtlStateMachineDefinition.MARK_FAILED).path("Parameters").path("status").asText()).isEqualTo("FAILED");
        // No Fail state inside an item: one table can never abort the others.
        states.fields().forEachRemaining(e -> assertThat(e.getValue().path("Type").asText()).isNotEqualTo("Fail"));
    }

    /** States reachable from start by Next/Catch edges, stopping at MarkSucceeded (a success). */
    private static Set<String> failureClosure(JsonNode states, String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String name = queue.pop();
            if (!seen.add(name)) {
                continue;
            }
            JsonNode state = states.path(name);
            state.path("Catch").forEach(c -> queue.add(c.path("Next").asText()));
            state.path("Choices").forEach(c -> queue.add(c.path("Next").asText()));
            if (state.has("Default")) {
                queue.add(state.path("Default").asText());
            }
            // From a RunTask state the only way to fail is through its Catch edges.
            if (!state.path("Resource").asText().contains("ecs:runTask") && state.has("Next")) {
                queue.add(state.path("Next").asText());
            }
        }
        return seen;
    }

    @Test
    void notificationUsesIamAuthAndCarriesTableErrorCauseAndExecution() {
        JsonNode parameters = itemStates().path(EtlStateMachineDefinition.NOTIFY_TABLE_FAILURE).path("Parameters");
        assertThat(parameters.path("ApiEndpoint").asText()).isEqualTo("a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com");
        assertThat(parameters.path("Method").asText()).isEqualTo("POST");
        assertThat(parameters.path("Stage").asText()).isEqualTo("prod");
        assertThat(parameters.path("Path").asText()).isEqualTo("/notify/etl-failure");
        assertThat(parameters.path("AuthType").asText()).isEqualTo("IAM_ROLE");
        assertThat(parameters.path("RequestBody").fieldNames()).toIterable()
                .contains("table.$", "error.$", "cause.$", "executionArn.$");
    }

    @Test
    void summaryCountsOutcomesAndIsSentThroughTheSameApi() {
        JsonNode states = EtlStateMachineDefinition.render(spec()).path("States");
        assertThat(states.path("Summarize").path("Parameters").path("total.$").asText()).isEqualTo("States.ArrayLength($.results)");
        assertThat(states.path("CountOutcomes").path("Parameters").path("failed.$").asText())
                .isEqualTo("States.ArrayLength($.failedTables)");
        JsonNode summary = states.path(EtlStateMachineDefinition.NOTIFY_SUMMARY);
        assertThat(summary.path("Parameters").path("Path").asText()).isEqualTo("/notify/etl-summary");
        assertThat(summary.path("Parameters").path("ApiEndpoint").asText()).startsWith("a1b2c3d4e5.");
        assertThat(states.path("AnyTableFailed").path("Choices").get(0).path("Next").asText()).isEqualTo("SomeTablesFailed");
    }

    @Test
    void badSpecsAreRefusedWithTheValue() {
        EtlWorkflowSpec ok = spec();
        assertThatThrownBy(() -> new EtlWorkflowSpec(ok.clusterArn(), ok.taskDefinitionFamily(), ok.containerName(), ok.subnets(),
                ok.securityGroups(), ok.capacity(), ok.maxConcurrency(), ok.notifyEndpoint(), ok.heartbeat(), List.of("embulk", "run", "config.yml"), 14_400, 16_200, ok.logGroup()))
                .hasMessageContaining("{table}");
        assertThatThrownBy(() -> new EtlWorkflowSpec(ok.clusterArn(), ok.taskDefinitionFamily(), ok.containerName(), ok.subnets(),
                ok.securityGroups(), ok.capacity(), ok.maxConcurrency(), ok.notifyEndpoint(), ok.heartbeat(), List.of("sh", "-c", "run '{table}'"), 14_400, 16_200, ok.logGroup()))
                .hasMessageContaining("quote");
        assertThatThrownBy(() -> new EtlWorkflowSpec("prod-etl", ok.taskDefinitionFamily(), ok.containerName(), ok.subnets(),
                ok.securityGroups(), ok.capacity(), ok.maxConcurrency(), ok.notifyEndpoint(), ok.heartbeat(), ok.commandTemplate(), 14_400, 16_200, ok.logGroup()))
                .hasMessageContaining("'prod-etl'");
        assertThatThrownBy(() -> new EtlWorkflowSpec(ok.clusterArn(), ok.taskDefinitionFamily(), ok.containerName(), ok.subnets(),
                ok.securityGroups(), ok.capacity(), 0, ok.notifyEndpoint(), ok.heartbeat(), ok.commandTemplate(), 14_400, 16_200, ok.logGroup())).hasMessageContaining("max concurrency 0");
        assertThatThrownBy(() -> new CapacityStrategy(1, 1, 1)).hasMessageContaining("base 1");
        assertThatThrownBy(() -> new TableRun("users; drop", "daily", FAMILY)).hasMessageContaining("users; drop");
        assertThatThrownBy(() -> EtlExecutionInput.render(List.of(new TableRun("users", "daily", FAMILY), new TableRun("users", "hourly", FAMILY))))
                .hasMessageContaining("users").hasMessageContaining("twice");
    }

    @Test
    void afterTheSummaryOneHeartbeatEventIsPostedToNewRelicThroughTheConnection() {
        JsonNode states = EtlStateMachineDefinition.render(spec()).path("States");
        assertThat(states.path(EtlStateMachineDefinition.NOTIFY_SUMMARY).path("Next").asText())
                .isEqualTo(EtlStateMachineDefinition.BUILD_HEARTBEAT_EVENT);
        JsonNode build = states.path(EtlStateMachineDefinition.BUILD_HEARTBEAT_EVENT);
        assertThat(build.path("Next").asText()).isEqualTo(EtlStateMachineDefinition.REPORT_HEARTBEAT);
        JsonNode event = build.path("Parameters");
        assertThat(event.path("eventType").asText()).isEqualTo("EtlRunSucceeded");
        assertThat(event.path("stack").asText()).isEqualTo("prod");
        assertThat(event.path("executionArn.$").asText()).isEqualTo("$$.Execution.Id");
        // The counts are exactly the fields CountOutcomes produces.
        JsonNode counts = states.path("CountOutcomes").path("Parameters");
        assertThat(event.path("tablesSucceeded.$").asText()).isEqualTo("$.succeeded");
        assertThat(event.path("tablesFailed.$").asText()).isEqualTo("$.failed");
        assertThat(counts.has("succeeded.$")).isTrue();
        assertThat(counts.has("failed.$")).isTrue();

        JsonNode report = states.path(EtlStateMachineDefinition.REPORT_HEARTBEAT);
        assertThat(report.path("Resource").asText()).isEqualTo("arn:aws:states:::http:invoke");
        JsonNode parameters = report.path("Parameters");
        assertThat(parameters.path("ApiEndpoint").asText())
                .isEqualTo("https://insights-collector.newrelic.com/v1/accounts/3456789/events");
        assertThat(parameters.path("Method").asText()).isEqualTo("POST");
        assertThat(parameters.path("InvocationConfig").path("ConnectionArn").asText()).isEqualTo(CONNECTION_ARN);
        assertThat(parameters.path("RequestBody.$").asText()).isEqualTo("States.Array(" + build.path("ResultPath").asText() + ")");
        // The key lives in the connection; no auth header is set in the definition.
        assertThat(parameters.path("Headers").fieldNames()).toIterable().containsExactly("Content-Type");
        assertThat(report.path("ResultPath").isNull()).isTrue();
    }

    @Test
    void theHeartbeatRetriesTransientErrorsWithBackoffAndItsFailureIsCaught() {
        JsonNode report = EtlStateMachineDefinition.render(spec()).path("States").path(EtlStateMachineDefinition.REPORT_HEARTBEAT);
        assertThat(report.path("Retry")).singleElement().satisfies(r -> {
            assertThat(r.path("ErrorEquals")).extracting(JsonNode::asText).contains("States.Http.StatusCode.429",
                    "States.Http.StatusCode.503", "States.Http.Socket").doesNotContain("States.ALL",
                    "States.Http.StatusCode.401", "States.Http.StatusCode.403");
            assertThat(r.path("IntervalSeconds").asInt()).isPositive();
            assertThat(r.path("BackoffRate").asDouble()).isGreaterThan(1.0);
            assertThat(r.path("MaxAttempts").asInt()).isBetween(2, 5);
        });
        assertThat(report.path("Catch")).singleElement().satisfies(c -> {
            assertThat(c.path("ErrorEquals")).extracting(JsonNode::asText).containsExactly("States.ALL");
            assertThat(c.path("ResultPath").asText()).isEqualTo("$.heartbeatError");
            assertThat(c.path("Next").asText()).isEqualTo(EtlStateMachineDefinition.ANY_TABLE_FAILED);
        });
        assertThat(report.path("Next").asText()).isEqualTo(EtlStateMachineDefinition.ANY_TABLE_FAILED);
    }

    @Test
    void aLostHeartbeatNeverHidesFailedTablesAndIsNeverSilent() {
        JsonNode states = EtlStateMachineDefinition.render(spec()).path("States");
        String tablesFailed = EtlStateMachineDefinition.SOME_TABLES_FAILED;
        assertThat(outcome(states, 2, true)).isEqualTo(tablesFailed);
        assertThat(outcome(states, 2, false)).isEqualTo(tablesFailed);
        assertThat(outcome(states, 0, true)).isEqualTo(EtlStateMachineDefinition.HEARTBEAT_NOT_DELIVERED);
        assertThat(outcome(states, 0, false)).isEqualTo(EtlStateMachineDefinition.ALL_TABLES_SUCCEEDED);
        assertThat(states.path(tablesFailed).path("Error").asText()).isEqualTo("EtlTablesFailed");
        JsonNode lost = states.path(EtlStateMachineDefinition.HEARTBEAT_NOT_DELIVERED);
        assertThat(lost.path("Type").asText()).isEqualTo("Fail");
        assertThat(lost.path("Error").asText()).isEqualTo("EtlHeartbeatNotDelivered");
        assertThat(lost.path("Cause").asText()).contains("data is complete");
        assertThat(states.path(EtlStateMachineDefinition.ALL_TABLES_SUCCEEDED).path("Type").asText()).isEqualTo("Succeed");
    }

    /** Evaluates the final Choice for a state with the given failed count and with or without $.heartbeatError. */
    private static String outcome(JsonNode states, int failed, boolean heartbeatLost) {
        JsonNode choice = states.path(EtlStateMachineDefinition.ANY_TABLE_FAILED);
        for (JsonNode rule : choice.path("Choices")) {
            String variable = rule.path("Variable").asText();
            boolean matches;
            if (rule.has("NumericGreaterThan") && variable.equals("$.failed")) {
                matches = failed > rule.path("NumericGreaterThan").asDouble();
            } else if (rule.has("IsPresent") && variable.equals("$.heartbeatError")) {
                matches = heartbeatLost == rule.path("IsPresent").asBoolean();
            } else if (rule.has("IsPresent") && variable.equals("$.summaryError")) {
                matches = !rule.path("IsPresent").asBoolean();
            } else {
                throw new AssertionError("unexpected choice rule " + rule);
            }
            if (matches) {
                return rule.path("Next").asText();
            }
        }
        return choice.path("Default").asText();
    }

    @Test
    void theEndOfRunEventIsTheOneNamedForDashboardsAndCarriesTheStack() {
        JsonNode event = EtlStateMachineDefinition.render(spec()).path("States")
                .path(EtlStateMachineDefinition.BUILD_HEARTBEAT_EVENT).path("Parameters");
        assertThat(event.path("eventType").asText()).isEqualTo(PipelineEvents.RUN_SUCCEEDED);
        assertThat(event.path(PipelineEvents.STACK).asText()).isEqualTo("prod");
        // The heartbeat condition reads the checker's event, not this one (HeartbeatCheckDefinitionTest).
        assertThat(HeartbeatCondition.nrql("prod")).contains("FROM " + PipelineEvents.HEARTBEAT_CHECK + " ")
                .doesNotContain(PipelineEvents.RUN_SUCCEEDED);
    }

    @Test
    void theEventApiHostFollowsTheNewRelicRegionAndBadEndpointsAreRefused() {
        assertThat(HeartbeatEndpoint.newRelic("3456789", ObservabilityRegion.EU, CONNECTION_ARN, "stg").eventApiUrl())
                .isEqualTo("https://insights-collector.eu01.nr-data.net/v1/accounts/3456789/events");
        assertThatThrownBy(() -> HeartbeatEndpoint.eventApiUrl("34x", ObservabilityRegion.US)).hasMessageContaining("'34x'");
        assertThatThrownBy(() -> new HeartbeatEndpoint("https://example.com/v1/accounts/1/events", CONNECTION_ARN, "prod"))
                .hasMessageContaining("example.com");
        assertThatThrownBy(() -> new HeartbeatEndpoint(spec().heartbeat().eventApiUrl(), "arn:aws:sns:ap-northeast-1:123456789012:x", "prod"))
                .hasMessageContaining("arn:aws:sns");
        EtlWorkflowSpec ok = spec();
        assertThatThrownBy(() -> new EtlWorkflowSpec(ok.clusterArn(), ok.taskDefinitionFamily(), ok.containerName(), ok.subnets(),
                ok.securityGroups(), ok.capacity(), ok.maxConcurrency(), ok.notifyEndpoint(), null, ok.commandTemplate(), 14_400, 16_200, ok.logGroup()))
                .hasMessageContaining("heartbeat");
    }

    @Test
    void executionInputHasTheDocumentedShape() throws Exception {
        JsonNode input = MAPPER.readTree(EtlExecutionInput.render(List.of(new TableRun("deliveries", "daily", FAMILY))));
        assertThat(input.path("tables").get(0).path("name").asText()).isEqualTo("deliveries");
        assertThat(input.path("tables").get(0).path("runGroup").asText()).isEqualTo("daily");
        assertThat(input.path("tables").get(0).path("taskDefinition").asText()).isEqualTo(FAMILY);
    }

    /** Issue 15: a table exported raw runs twice, each zone in its own task definition; each item names its family. */
    @Test
    void eachItemRunsTheTaskDefinitionItNames() throws Exception {
        String input = EtlExecutionInput.render(List.of(new TableRun("deliveries", "daily", FAMILY),
                new TableRun("deliveries", "daily", FAMILY + "-raw")));
        assertThat(MAPPER.readTree(input).path("tables")).hasSize(2);
        JsonNode map = EtlStateMachineDefinition.render(spec()).path("States").path(EtlStateMachineDefinition.MAP);
        assertThat(map.path("ItemSelector").path("taskDefinition.$").asText()).isEqualTo("$$.Map.Item.Value.taskDefinition");
        map.path("ItemProcessor").path("States").forEach(state -> {
            if (state.path("Resource").asText().equals("arn:aws:states:::ecs:runTask.sync")) {
                assertThat(state.path("Parameters").path("TaskDefinition.$").asText()).isEqualTo("$.taskDefinition");
                assertThat(state.path("Parameters").has("TaskDefinition")).isFalse();
            }
        });
        assertThatThrownBy(() -> new TableRun("deliveries", "daily", FAMILY + ":3")).hasMessageContaining("without a revision");
    }
}
