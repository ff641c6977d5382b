package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.twozeroseven.infra.data.orchestration.EtlStateMachineDefinition.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures of a real night, walked through the generated definition: errors are routed by the ASL rules
 * (AslErrorHandling) and every JSONata expression is evaluated with the jsonata version Step Functions' validator
 * pins (tools/asl-validator).
 */
class EtlNightBehaviourTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXECUTION = "arn:aws:states:ap-northeast-1:123456789012:execution:platform-207-prod-etl:night-1";
    private static final String MACHINE = "arn:aws:states:ap-northeast-1:123456789012:stateMachine:platform-207-prod-etl";

    private static JsonNode root() {
        return EtlStateMachineDefinition.render(EtlStateMachineDefinitionTest.spec());
    }

    private static JsonNode item(String name) {
        return root().path("States").path(MAP).path("ItemProcessor").path("States").path(name);
    }

    /** After RunOnSpot raised error (with cause): the state the item goes to, walking the Choice too. */
    private static String afterSpot(String error, String cause) throws Exception {
        String next = AslErrorHandling.afterRetries(item(RUN_ON_SPOT), error);
        assertThat(next).isEqualTo(SPOT_LOST);
        return EtlStateMachineDefinitionTest.spotLost(error, cause) ? RUN_ON_DEMAND : DESCRIBE_FAILURE;
    }

    @Test
    void everyRunTaskApiErrorGoesToTheOnDemandAttempt() throws Exception {
        // Step Functions developer guide, "Run Amazon ECS or Fargate tasks": a non-empty Failures list fails a .sync
        // task with AmazonECS.Unknown.
        assertThat(afterSpot("AmazonECS.Unknown", "RESOURCE:FARGATE")).isEqualTo(RUN_ON_DEMAND);
        // Throttling that outlasted the retries; EC2 throttling arrives as ECS.InvalidParameterException.
        assertThat(afterSpot("ECS.AmazonECSException", "Rate exceeded (Service: AmazonECS; Status Code: 400)"))
                .isEqualTo(RUN_ON_DEMAND);
        assertThat(afterSpot("ECS.InvalidParameterException", "Error retrieving subnet information for [subnet-0aaa]: "
                + "Rate exceeded (ErrorCode: Throttling)")).isEqualTo(RUN_ON_DEMAND);
        assertThat(afterSpot("ECS.AccessDeniedException", null)).isEqualTo(RUN_ON_DEMAND);
        assertThat(afterSpot("States.TaskFailed", "Task could not be placed")).isEqualTo(RUN_ON_DEMAND);
        // The task ran: a lost Spot task goes on-demand, an export that failed does not; a timeout never does.
        assertThat(afterSpot("States.TaskFailed", "{\"StopCode\":\"SpotInterruption\",\"TaskArn\":\"arn:aws:ecs:x\"}"))
                .isEqualTo(RUN_ON_DEMAND);
        assertThat(afterSpot("States.TaskFailed", "{\"StopCode\":\"EssentialContainerExited\",\"Containers\":"
                + "[{\"ExitCode\":1}]}")).isEqualTo(DESCRIBE_FAILURE);
        assertThat(afterSpot("States.Timeout", null)).isEqualTo(DESCRIBE_FAILURE);
    }

    @Test
    void throttlingIsRetriedWithFullJitterBeforeAnyFallback() {
        for (String error : List.of("ECS.AmazonECSException", "ECS.InvalidParameterException", "ECS.ServerException")) {
            for (String state : List.of(RUN_ON_SPOT, RUN_ON_DEMAND)) {
                AslErrorHandling.Route first = AslErrorHandling.route(item(state), error, 1);
                assertThat(first.retried()).as(state + " " + error).isTrue();
                assertThat(first.retrier().path("JitterStrategy").asText()).isEqualTo("FULL");
                assertThat(first.retrier().path("MaxDelaySeconds").asInt()).isPositive();
            }
        }
        // On on-demand a Failures list (no capacity right now) is retried too, then reported.
        assertThat(AslErrorHandling.route(item(RUN_ON_DEMAND), "AmazonECS.Unknown", 1).retried()).isTrue();
        assertThat(AslErrorHandling.afterRetries(item(RUN_ON_DEMAND), "AmazonECS.Unknown")).isEqualTo(DESCRIBE_FAILURE);
        // The names the issue found wrong are gone; they are never raised for RunTask.
        assertThat(root().toString()).doesNotContain("ECS.ThrottlingException");
    }

    @Test
    void aSlackFailureStillReachesTheHeartbeatAndTheOutcome() {
        JsonNode states = root().path("States");
        // The summary's retries run out, then the Catch carries on to the heartbeat.
        assertThat(AslErrorHandling.afterRetries(states.path(NOTIFY_SUMMARY), "ApiGateway.502")).isEqualTo(BUILD_HEARTBEAT_EVENT);
        assertThat(AslErrorHandling.afterRetries(states.path(NOTIFY_SUMMARY), "States.TaskFailed")).isEqualTo(BUILD_HEARTBEAT_EVENT);
        assertThat(states.path(BUILD_HEARTBEAT_EVENT).path("Next").asText()).isEqualTo(REPORT_HEARTBEAT);
        // A table's Slack message failing never stops the table's result from being counted.
        JsonNode item = root().path("States").path(MAP).path("ItemProcessor").path("States");
        assertThat(AslErrorHandling.afterRetries(item.path(NOTIFY_TABLE_FAILURE), "ApiGateway.500")).isEqualTo(MARK_FAILED);
        // And the run still ends as a failure a person sees, with the data complete.
        JsonNode summaryChoice = states.path(ANY_TABLE_FAILED).path("Choices");
        assertThat(summaryChoice).anySatisfy(c -> {
            assertThat(c.path("Variable").asText()).isEqualTo("$.summaryError");
            assertThat(c.path("Next").asText()).isEqualTo(SUMMARY_NOT_DELIVERED);
        });
        assertThat(summaryChoice.get(0).path("Variable").asText()).isEqualTo("$.failed");
        assertThat(states.path(SUMMARY_NOT_DELIVERED).path("Cause").asText()).contains("data is complete");
    }

    private static Jsonata.Result describe(JsonNode error) throws Exception {
        ObjectNode states = MAPPER.createObjectNode();
        ObjectNode input = states.putObject("input").put("name", "deliveries").put("runGroup", "nightly");
        if (error != null) {
            input.set("error", error);
        }
        return Jsonata.evaluate(item(DESCRIBE_FAILURE).path("Output").asText(), states);
    }

    @Test
    void aFailureWithoutCauseIsDescribedInsteadOfRaisingStatesRuntime() throws Exception {
        Jsonata.Result bare = describe(MAPPER.createObjectNode().put("Error", "States.Timeout"));
        assertThat(bare.ok()).as(bare.error()).isTrue();
        JsonNode failure = bare.value().path("failure");
        for (String field : List.of("error", "cause", "stopReason", "exitCode", "logUrl")) {
            assertThat(failure.path(field).isTextual()).as(field).isTrue();
        }
        assertThat(failure.path("stopReason").asText()).contains("task timeout");
        assertThat(failure.path("exitCode").asText()).startsWith("none");
        // Nothing at all caught (cannot happen, but nothing may raise States.Runtime): still fields.
        Jsonata.Result nothing = describe(null);
        assertThat(nothing.ok()).as(nothing.error()).isTrue();
        assertThat(nothing.value().path("failure").path("error").asText()).isEqualTo("unknown error");
        // NotifyTableFailure reads only what DescribeFailure always writes.
        item(NOTIFY_TABLE_FAILURE).path("Parameters").path("RequestBody").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("table.$") && !e.getKey().equals("runGroup.$") && !e.getKey().equals("executionArn.$")) {
                assertThat(e.getValue().asText()).startsWith("$.failure.");
            }
        });
    }

    @Test
    void aStoppedTaskIsDescribedByItsStopReasonExitCodeAndLogStream() throws Exception {
        // The Cause of a failed ecs:runTask.sync is the stopped task as JSON, fields in PascalCase.
        String task = "{\"TaskArn\":\"arn:aws:ecs:ap-northeast-1:123456789012:task/platform-207-prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0\","
                + "\"StopCode\":\"EssentialContainerExited\",\"StoppedReason\":\"Essential container in task exited\","
                + "\"Containers\":[{\"Name\":\"embulk\",\"ExitCode\":137,\"Reason\":\"OutOfMemoryError\"}]}";
        Jsonata.Result result = describe(MAPPER.createObjectNode().put("Error", "States.TaskFailed").put("Cause", task));
        assertThat(result.ok()).as(result.error()).isTrue();
        JsonNode failure = result.value().path("failure");
        assertThat(failure.path("stopReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(failure.path("exitCode").asText()).isEqualTo("137");
        // awslogs streams are <prefix>/<container>/<task id> (ECS developer guide, "Using the awslogs log driver").
        assertThat(failure.path("logUrl").asText()).isEqualTo("https://ap-northeast-1.console.aws.amazon.com/cloudwatch/"
                + "home?region=ap-northeast-1#logsV2:log-groups/log-group/$252Fplatform-207-prod$252Fdata$252Fembulk"
                + "/log-events/embulk$252Fembulk$252F0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        assertThat(result.value().path("name").asText()).isEqualTo("deliveries");
        // An API error has no task: the reason is its message, the link is the log group.
        Jsonata.Result api = describe(MAPPER.createObjectNode().put("Error", "AmazonECS.Unknown").put("Cause", "RESOURCE:FARGATE"));
        assertThat(api.value().path("failure").path("stopReason").asText()).isEqualTo("RESOURCE:FARGATE");
        assertThat(api.value().path("failure").path("logUrl").asText()).endsWith("$252Fdata$252Fembulk");
    }

    private static Jsonata.Result lock(String... runningArns) throws Exception {
        ObjectNode states = MAPPER.createObjectNode();
        states.putObject("input").putArray("tables").addObject().put("name", "deliveries");
        states.putObject("context").putObject("Execution").put("Id", EXECUTION);
        ((ObjectNode) states.path("context")).putObject("StateMachine").put("Id", MACHINE);
        // ListExecutions answers most recent first (Step Functions API reference, ListExecutions).
        var executions = states.putObject("result").putArray("Executions");
        for (String arn : runningArns) {
            executions.addObject().put("ExecutionArn", arn).put("Status", "RUNNING");
        }
        Jsonata.Result listed = Jsonata.evaluate(root().path("States").path(CHECK_NO_OTHER_RUN).path("Output").asText(), states);
        assertThat(listed.ok()).as(listed.error()).isTrue();
        ObjectNode choice = MAPPER.createObjectNode();
        choice.set("input", listed.value());
        return Jsonata.evaluate(root().path("States").path(OTHER_RUN_ACTIVE).path("Choices").get(0).path("Condition").asText(), choice);
    }

    @Test
    void aSecondStartWhileARunIsActiveIsRefusedAndTheOldestGoesOn() throws Exception {
        JsonNode check = root().path("States").path(CHECK_NO_OTHER_RUN);
        assertThat(check.path("Resource").asText()).isEqualTo("arn:aws:states:::aws-sdk:sfn:listExecutions");
        assertThat(check.path("Arguments").path("StatusFilter").asText()).isEqualTo("RUNNING");
        assertThat(check.path("Arguments").path("StateMachineArn").asText()).contains("$states.context.StateMachine.Id");
        assertThat(root().path("States").path(OTHER_RUN_ACTIVE).path("Choices").get(0).path("Next").asText())
                .isEqualTo(ANOTHER_RUN_ACTIVE);
        String older = EXECUTION.replace("night-1", "night-0");
        String newer = EXECUTION.replace("night-1", "night-2");
        assertThat(lock(EXECUTION, older).value().asBoolean()).as("an older run is active").isTrue();
        assertThat(lock(newer, EXECUTION).value().asBoolean()).as("this is the oldest").isFalse();
        assertThat(lock(EXECUTION).value().asBoolean()).as("alone").isFalse();
        // Eventually consistent: this execution may not be listed yet; an older one still stops it.
        assertThat(lock().value().asBoolean()).isFalse();
        assertThat(lock(older).value().asBoolean()).isTrue();
        assertThat(root().path("States").path(OTHER_RUN_ACTIVE).path("Output").asText()).isEqualTo("{% $states.input.input %}");
    }

    @Test
    void theExecutionAsAWholeHasATimeout() {
        assertThat(root().path("TimeoutSeconds").asInt()).isEqualTo(16_200);
    }

    private static Jsonata.Result resolve(String extra) throws Exception {
        ObjectNode input = (ObjectNode) MAPPER.readTree(EtlExecutionInput.render(List.of(
                new TableRun("deliveries", "nightly", true, 40, 43, "platform-207-prod-embulk"),
                new TableRun("vehicles", "nightly", false, 21, 0, "platform-207-prod-embulk"))));
        if (extra != null) {
            input.setAll((ObjectNode) MAPPER.readTree(extra));
        }
        return Jsonata.evaluate(root().path("States").path(RESOLVE_EXPORT_DATE).path("Output").asText(), input,
                "2024-05-01T16:30:00.000Z");
    }

    @Test
    void exportDateMustBeARealPastDateAndNeedsBackfillModeForIncrementalTables() throws Exception {
        assertThat(resolve(null).value().path("mode").asText()).isEqualTo("nightly");
        assertThat(resolve("{\"exportDate\": \"2024-13-45\", \"mode\": \"backfill\"}").error()).contains("yyyy-MM-dd")
                .contains("2024-13-45");
        assertThat(resolve("{\"exportDate\": \"2024-02-30\", \"mode\": \"backfill\"}").error())
                .contains("2024-02-30 is not a calendar date");
        // 01:30 JST on 2024-05-02: the 3rd is tomorrow.
        assertThat(resolve("{\"exportDate\": \"2024-05-03\", \"mode\": \"backfill\"}").error())
                .contains("in the future").contains("2024-05-02");
        assertThat(resolve("{\"exportDate\": \"2024-05-02\", \"mode\": \"backfill\", \"tables\": [{\"name\": \"vehicles\", "
                + "\"runGroup\": \"nightly\"}]}").value().path("exportDate").asText())
                .isEqualTo("2024-05-02");
        assertThat(resolve("{\"exportDate\": \"2024-04-20\"}").error()).contains("deliveries").contains("mode: backfill")
                .doesNotContain("vehicles");
        assertThat(resolve("{\"mode\": \"backfill\"}").error()).contains("needs an exportDate");
        assertThat(resolve("{\"mode\": \"replay\"}").error()).contains("nightly or backfill");
        // The schedule's input as copied: deliveries has a catch-up window, which a backfill cannot advance.
        assertThat(resolve("{\"exportDate\": \"2024-02-29\", \"mode\": \"backfill\"}").error())
                .contains("set catchUpWindow to 0 for deliveries").doesNotContain("vehicles");
        Jsonata.Result backfill = resolve("{\"exportDate\": \"2024-02-29\", \"mode\": \"backfill\", \"tables\": ["
                + "{\"name\": \"deliveries\", \"runGroup\": \"nightly\", \"ephemeralStorageGiB\": 40, \"catchUpWindow\": 0}]}");
        assertThat(backfill.value().path("exportDate").asText()).isEqualTo("2024-02-29");
        assertThat(backfill.value().path("tables").get(0).path("ephemeralStorageGiB").asInt()).isEqualTo(40);
    }

    @Test
    void aHandWrittenInputGetsSafeDefaultsPerTable() throws Exception {
        ObjectNode input = (ObjectNode) MAPPER.readTree("{\"tables\": [{\"name\": \"drivers\", \"runGroup\": \"nightly\"}]}");
        Jsonata.Result result = Jsonata.evaluate(root().path("States").path(RESOLVE_EXPORT_DATE).path("Output").asText(),
                input, "2024-05-01T16:30:00.000Z");
        JsonNode table = result.value().path("tables").get(0);
        // Unknown means incremental: a dated export of it then needs the explicit backfill mode.
        assertThat(table.path("incremental").asBoolean()).isTrue();
        assertThat(table.path("ephemeralStorageGiB").asInt()).isEqualTo(21);
        assertThat(table.path("catchUpWindow").asLong()).isZero();
        // A hand-written item without a family runs the masked export; the raw one must be named.
        assertThat(table.path("taskDefinition").asText()).isEqualTo("platform-207-prod-embulk");
        assertThat(Jsonata.evaluate(root().path("States").path(RESOLVE_EXPORT_DATE).path("Output").asText(),
                MAPPER.readTree("{\"tables\": []}"), "2024-05-01T16:30:00.000Z").error()).contains("needs tables");
    }

    @Test
    void eachTaskGetsItsDiskAndTheFamilyNotARevision() {
        JsonNode parameters = item(RUN_ON_SPOT).path("Parameters");
        // The item's family (masked or raw export), never a revision: EtlExecutionInput refuses one with ':'.
        assertThat(parameters.path("TaskDefinition.$").asText()).isEqualTo("$.taskDefinition");
        assertThat(parameters.path("Overrides").path("EphemeralStorage").path("SizeInGiB.$").asText())
                .isEqualTo("$.ephemeralStorageGiB");
    }

    @Test
    void anOnDemandOnlyStackHasNoSpotStates() {
        EtlWorkflowSpec s = EtlStateMachineDefinitionTest.spec();
        JsonNode processor = EtlStateMachineDefinition.render(new EtlWorkflowSpec(s.clusterArn(), s.taskDefinitionFamily(),
                        s.containerName(), s.subnets(), s.securityGroups(), CapacityStrategy.onDemandOnly(), s.maxConcurrency(),
                        s.notifyEndpoint(), s.heartbeat(), s.commandTemplate(), s.taskTimeoutSeconds(),
                        s.executionTimeoutSeconds(), s.logGroup()))
                .path("States").path(MAP).path("ItemProcessor");
        assertThat(processor.path("StartAt").asText()).isEqualTo(RUN_ON_DEMAND);
        assertThat(processor.path("States").has(RUN_ON_SPOT)).isFalse();
        assertThat(processor.toString()).doesNotContain("FARGATE_SPOT");
    }
}
