package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The Standard Step Functions workflow that runs one Embulk container per table.
 *
 * <pre>
 * ResolveExportDate (JSONata Pass): $.exportDate = the JST date of $$.Execution.StartTime, or the input's own
 *   exportDate (yyyy-MM-dd) for a backfill
 * Map over $.tables (MaxConcurrency); each item carries name, runGroup, exportDate
 *   RunOnSpot (EXPORT_DATE in the container environment, TimeoutSeconds from settings) --ok--> MarkSucceeded
 *     | Retry ECS API/server errors; Catch ECS.AmazonECSException or States.TaskFailed -> $.error -> SpotLost?
 *     | Catch States.ALL (incl. States.Timeout) -> NotifyTableFailure
 *   SpotLost? (JSONata Choice on the Cause): StopCode SpotInterruption, or "capacity is unavailable"
 *     -> RunOnDemand; anything else (the export itself failed) -> NotifyTableFailure
 *   RunOnDemand --ok--> MarkSucceeded
 *     | Retry ECS API/server errors with backoff; Catch States.ALL -> NotifyTableFailure
 *   NotifyTableFailure (apigateway:invoke, IAM auth) -> MarkFailed   (its own failure also -> MarkFailed)
 * Summarize -> CountOutcomes -> NotifySummary -> BuildHeartbeatEvent -> ReportHeartbeat (http:invoke, New Relic)
 *   | Retry throttling/5xx/socket errors with backoff; Catch States.ALL -> $.heartbeatError, carry on
 * AnyTableFailed? -> SomeTablesFailed (Fail) | HeartbeatNotDelivered (Fail) | AllTablesSucceeded
 * </pre>
 * A table's failure ends as a normal item result, so it never stops the other tables.
 *
 * <p>The heartbeat means "the nightly run went through to the end and reported", so it is sent whether or not
 * tables failed (their names already went to Slack; the event carries the counts). A heartbeat that cannot be
 * delivered never hides table results: failed tables still end the run as {@code EtlTablesFailed}, and only a run
 * whose tables all succeeded ends as {@code EtlHeartbeatNotDelivered}, a distinct error whose cause says the data
 * is complete. A failing Slack summary ends the run before the heartbeat on purpose: New Relic's missing-heartbeat
 * incident is then the only alarm that still reaches people when Slack is down.
 */
public final class EtlStateMachineDefinition {

    public static final String RESOLVE_EXPORT_DATE = "ResolveExportDate";
    public static final String SPOT_LOST = "SpotLost";
    public static final String RUN_ON_SPOT = "RunOnSpot";
    public static final String RUN_ON_DEMAND = "RunOnDemand";
    public static final String NOTIFY_TABLE_FAILURE = "NotifyTableFailure";
    public static final String MARK_SUCCEEDED = "MarkSucceeded";
    public static final String MARK_FAILED = "MarkFailed";
    public static final String MAP = "EtlEachTable";
    public static final String NOTIFY_SUMMARY = "NotifySummary";
    public static final String BUILD_HEARTBEAT_EVENT = "BuildHeartbeatEvent";
    public static final String REPORT_HEARTBEAT = "ReportHeartbeat";
    public static final String ANY_TABLE_FAILED = "AnyTableFailed";
    public static final String SOME_TABLES_FAILED = "SomeTablesFailed";
    public static final String HEARTBEAT_NOT_DELIVERED = "HeartbeatNotDelivered";
    public static final String ALL_TABLES_SUCCEEDED = "AllTablesSucceeded";
    /** The custom event New Relic's heartbeat condition counts (observability.alerts.HeartbeatCondition). */
    public static final String HEARTBEAT_EVENT_TYPE = "EtlRunSucceeded";

    private static final String RUN_TASK_SYNC = "arn:aws:states:::ecs:runTask.sync";
    private static final String API_GATEWAY_INVOKE = "arn:aws:states:::apigateway:invoke";
    private static final String HTTP_INVOKE = "arn:aws:states:::http:invoke";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EtlStateMachineDefinition() {
    }

    public static ObjectNode render(EtlWorkflowSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Comment", "Embulk ETL: one Fargate task per table, failures reported to Slack through API Gateway, "
                + "completion reported to New Relic");
        root.put("StartAt", RESOLVE_EXPORT_DATE);
        ObjectNode states = root.putObject("States");
        states.set(RESOLVE_EXPORT_DATE, resolveExportDate());
        states.set(MAP, mapState(spec));
        states.set("Summarize", summarize());
        states.set("CountOutcomes", countOutcomes());
        states.set(NOTIFY_SUMMARY, notifySummary(spec));
        states.set(BUILD_HEARTBEAT_EVENT, buildHeartbeatEvent(spec.heartbeat()));
        states.set(REPORT_HEARTBEAT, reportHeartbeat(spec.heartbeat()));
        states.set(ANY_TABLE_FAILED, anyTableFailed());
        states.set(SOME_TABLES_FAILED, MAPPER.createObjectNode().put("Type", "Fail")
                .put("Error", "EtlTablesFailed").put("Cause", "At least one table failed; see the Slack notification"));
        states.set(HEARTBEAT_NOT_DELIVERED, MAPPER.createObjectNode().put("Type", "Fail")
                .put("Error", "EtlHeartbeatNotDelivered")
                .put("Cause", "Every table succeeded and the Slack summary was sent, but the New Relic heartbeat could "
                        + "not be delivered (see $.heartbeatError in the ReportHeartbeat step); expect the heartbeat "
                        + "incident. The data is complete."));
        states.set(ALL_TABLES_SUCCEEDED, MAPPER.createObjectNode().put("Type", "Succeed"));
        return root;
    }

    public static String renderJson(EtlWorkflowSpec spec) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(render(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the ETL state machine", e);
        }
    }

    private static ObjectNode mapState(EtlWorkflowSpec spec) {
        ObjectNode map = MAPPER.createObjectNode();
        map.put("Type", "Map");
        map.put("ItemsPath", "$.tables");
        map.put("MaxConcurrency", spec.maxConcurrency());
        ObjectNode selector = map.putObject("ItemSelector");
        selector.put("name.$", "$$.Map.Item.Value.name");
        selector.put("runGroup.$", "$$.Map.Item.Value.runGroup");
        selector.put("executionArn.$", "$$.Execution.Id");
        selector.put("exportDate.$", "$.exportDate");
        ObjectNode processor = map.putObject("ItemProcessor");
        processor.putObject("ProcessorConfig").put("Mode", "INLINE");
        processor.put("StartAt", RUN_ON_SPOT);
        ObjectNode states = processor.putObject("States");
        states.set(RUN_ON_SPOT, runOnSpot(spec));
        states.set(SPOT_LOST, spotLost());
        states.set(RUN_ON_DEMAND, runOnDemand(spec));
        states.set(NOTIFY_TABLE_FAILURE, notifyTableFailure(spec));
        states.set(MARK_SUCCEEDED, mark("SUCCEEDED"));
        states.set(MARK_FAILED, mark("FAILED"));
        map.put("ResultPath", "$.results");
        map.put("Next", "Summarize");
        return map;
    }

    private static ObjectNode runOnSpot(EtlWorkflowSpec spec) {
        ArrayNode strategy = MAPPER.createArrayNode();
        strategy.addObject().put("CapacityProvider", "FARGATE_SPOT").put("Weight", spec.capacity().spotWeight()).put("Base", 0);
        if (spec.capacity().onDemandWeight() > 0) {
            strategy.addObject().put("CapacityProvider", "FARGATE").put("Weight", spec.capacity().onDemandWeight()).put("Base", 0);
        }
        ObjectNode state = runTask(spec, strategy);
        // Transient API/server errors: a short retry on Spot is still cheaper than falling back.
        retry(state, List.of("ECS.ServerException", "ECS.ThrottlingException"), 10, 2.0, 2);
        // Only a lost Spot task deserves a second, on-demand run; SpotLost tells it from an export that failed.
        catchTo(state, List.of("ECS.AmazonECSException", "States.TaskFailed"), "$.error", SPOT_LOST);
        catchTo(state, List.of("States.ALL"), "$.error", NOTIFY_TABLE_FAILURE);
        state.put("ResultPath", (String) null);
        state.put("Next", MARK_SUCCEEDED);
        return state;
    }

    private static ObjectNode runOnDemand(EtlWorkflowSpec spec) {
        ArrayNode strategy = MAPPER.createArrayNode();
        strategy.addObject().put("CapacityProvider", "FARGATE").put("Weight", 1).put("Base", 0);
        ObjectNode state = runTask(spec, strategy);
        retry(state, List.of("ECS.AmazonECSException", "ECS.ServerException", "ECS.ThrottlingException"), 30, 2.0, 3);
        catchTo(state, List.of("States.ALL"), "$.error", NOTIFY_TABLE_FAILURE);
        state.put("ResultPath", (String) null);
        state.put("Next", MARK_SUCCEEDED);
        return state;
    }

    private static ObjectNode runTask(EtlWorkflowSpec spec, ArrayNode strategy) {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Task");
        state.put("Resource", RUN_TASK_SYNC);
        ObjectNode parameters = state.putObject("Parameters");
        parameters.put("Cluster", spec.clusterArn());
        parameters.put("TaskDefinition", spec.taskDefinitionArn());
        parameters.set("CapacityProviderStrategy", strategy);
        ObjectNode vpc = parameters.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
        ArrayNode subnets = vpc.putArray("Subnets");
        spec.subnets().forEach(subnets::add);
        ArrayNode groups = vpc.putArray("SecurityGroups");
        spec.securityGroups().forEach(groups::add);
        vpc.put("AssignPublicIp", "DISABLED");
        ObjectNode override = parameters.putObject("Overrides").putArray("ContainerOverrides").addObject();
        override.put("Name", spec.containerName());
        override.put("Command.$", commandExpression(spec.commandTemplate()));
        override.putArray("Environment").addObject().put("Name", EXPORT_DATE_VARIABLE).put("Value.$", "$.exportDate");
        parameters.put("PropagateTags", "TASK_DEFINITION");
        parameters.put("StartedBy.$", "States.Format('sfn-{}', $.name)");
        // On timeout Step Functions stops the task and raises States.Timeout (caught as a table failure). No
        // HeartbeatSeconds: the ECS .sync integration never sends task heartbeats, so any value would time out.
        state.put("TimeoutSeconds", spec.taskTimeoutSeconds());
        return state;
    }

    /** The container command as one intrinsic expression over the item: the same text for any table. */
    static String commandExpression(List<String> template) {
        List<String> parts = new ArrayList<>();
        for (String token : template) {
            parts.add(tokenExpression(token));
        }
        return "States.Array(" + String.join(", ", parts) + ")";
    }

    private static String tokenExpression(String token) {
        if (token.equals("{table}")) {
            return "$.name";
        }
        if (token.equals("{runGroup}")) {
            return "$.runGroup";
        }
        if (!token.contains("{table}") && !token.contains("{runGroup}")) {
            return "'" + token + "'";
        }
        List<String> arguments = new ArrayList<>();
        StringBuilder format = new StringBuilder();
        int i = 0;
        while (i < token.length()) {
            if (token.startsWith("{table}", i)) {
                format.append("{}");
                arguments.add("$.name");
                i += "{table}".length();
            } else if (token.startsWith("{runGroup}", i)) {
                format.append("{}");
                arguments.add("$.runGroup");
                i += "{runGroup}".length();
            } else {
                format.append(token.charAt(i++));
            }
        }
        return "States.Format('" + format + "', " + String.join(", ", arguments) + ")";
    }

    /**
     * JSONPath intrinsics cannot shift a time zone, so this one state uses JSONata: $fromMillis formats the
     * execution's start (UTC) in +09:00. StartTime is fixed for the execution, so a redrive writes the same dt.
     */
    private static ObjectNode resolveExportDate() {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Pass");
        state.put("QueryLanguage", "JSONata");
        state.put("Comment", "dt partition: the JST date the run started, or the input's exportDate for a backfill");
        state.put("Output", "{% " + EXPORT_DATE_JSONATA + " %}");
        state.put("Next", MAP);
        return state;
    }

    /** The execution input with exportDate resolved; an exportDate given in the input must be yyyy-MM-dd. */
    static final String EXPORT_DATE_JSONATA = "$merge([$states.input, {'exportDate': $exists($states.input.exportDate) "
            + "? ($contains($string($states.input.exportDate), /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/) ? $states.input.exportDate "
            + ": $error('exportDate in the execution input must be yyyy-MM-dd, e.g. 2024-05-01')) "
            + ": $fromMillis($toMillis($states.context.Execution.StartTime), '[Y0001]-[M01]-[D01]', '+0900')}])";

    /** The container variable the Embulk configs use for the dt partition. */
    public static final String EXPORT_DATE_VARIABLE = "EXPORT_DATE";

    /**
     * The RunTask failure's Cause is the stopped task as JSON (StopCode, StoppedReason) for States.TaskFailed, but
     * free text for an ECS API error; a regex over the text reads both and, unlike parsing, cannot fail the run.
     */
    static final String SPOT_LOST_JSONATA = "$exists($states.input.error.Cause) and ("
            + "$contains($states.input.error.Cause, /\"StopCode\"\\s*:\\s*\"SpotInterruption\"/) or "
            + "$contains($states.input.error.Cause, /capacity is unavailable/i))";

    private static ObjectNode spotLost() {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Choice");
        state.put("QueryLanguage", "JSONata");
        state.putArray("Choices").addObject().put("Condition", "{% " + SPOT_LOST_JSONATA + " %}").put("Next", RUN_ON_DEMAND);
        state.put("Default", NOTIFY_TABLE_FAILURE);
        return state;
    }

    private static ObjectNode notifyTableFailure(EtlWorkflowSpec spec) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("table.$", "$.name");
        body.put("runGroup.$", "$.runGroup");
        body.put("error.$", "$.error.Error");
        body.put("cause.$", "$.error.Cause");
        body.put("executionArn.$", "$.executionArn");
        ObjectNode state = apiGatewayInvoke(spec.notifyEndpoint(), spec.notifyEndpoint().failurePath(), body);
        // A Slack/API outage must not turn one failed table into a failed run: record it and move on.
        catchTo(state, List.of("States.ALL"), "$.notifyError", MARK_FAILED);
        state.put("ResultPath", (String) null);
        state.put("Next", MARK_FAILED);
        return state;
    }

    private static ObjectNode notifySummary(EtlWorkflowSpec spec) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("total.$", "$.total");
        body.put("succeeded.$", "$.succeeded");
        body.put("failed.$", "$.failed");
        body.put("failedTables.$", "$.failedTables");
        body.put("executionArn.$", "$$.Execution.Id");
        ObjectNode state = apiGatewayInvoke(spec.notifyEndpoint(), spec.notifyEndpoint().summaryPath(), body);
        state.put("ResultPath", (String) null);
        state.put("Next", BUILD_HEARTBEAT_EVENT);
        return state;
    }

    /** The one event, kept beside the counts so the Choice after the HTTP call still sees $.failed. */
    private static ObjectNode buildHeartbeatEvent(HeartbeatEndpoint heartbeat) {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Pass");
        ObjectNode event = state.putObject("Parameters");
        event.put("eventType", HEARTBEAT_EVENT_TYPE);
        event.put("stack", heartbeat.stack());
        event.put("executionArn.$", "$$.Execution.Id");
        event.put("tablesSucceeded.$", "$.succeeded");
        event.put("tablesFailed.$", "$.failed");
        state.put("ResultPath", "$.heartbeatEvent");
        state.put("Next", REPORT_HEARTBEAT);
        return state;
    }

    private static ObjectNode reportHeartbeat(HeartbeatEndpoint heartbeat) {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Task");
        state.put("Resource", HTTP_INVOKE);
        ObjectNode parameters = state.putObject("Parameters");
        parameters.put("ApiEndpoint", heartbeat.eventApiUrl());
        parameters.put("Method", "POST");
        // The connection adds the Api-Key header; the key never appears in the definition or the history.
        parameters.putObject("InvocationConfig").put("ConnectionArn", heartbeat.connectionArn());
        parameters.putObject("Headers").put("Content-Type", "application/json");
        // The Event API takes a JSON array of events.
        parameters.put("RequestBody.$", "States.Array($.heartbeatEvent)");
        ObjectNode transientErrors = retry(state, List.of("States.Http.StatusCode.408", "States.Http.StatusCode.429",
                "States.Http.StatusCode.500", "States.Http.StatusCode.502", "States.Http.StatusCode.503",
                "States.Http.StatusCode.504", "States.Http.Socket", "States.Timeout",
                "Events.ConnectionResource.ConcurrentModification", "Events.ConnectionResource.InternalError"), 5, 3.0, 4);
        // About 3 minutes at most: enough for a New Relic blip, short of holding the run open for an outage.
        transientErrors.put("MaxDelaySeconds", 90);
        transientErrors.put("JitterStrategy", "FULL");
        // 4xx other than 408/429 (bad key, bad account) and connection errors will not heal by retrying.
        catchTo(state, List.of("States.ALL"), "$.heartbeatError", ANY_TABLE_FAILED);
        state.put("TimeoutSeconds", 90);
        state.put("ResultPath", (String) null);
        state.put("Next", ANY_TABLE_FAILED);
        return state;
    }

    private static ObjectNode apiGatewayInvoke(NotifyEndpoint endpoint, String path, ObjectNode body) {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Task");
        state.put("Resource", API_GATEWAY_INVOKE);
        ObjectNode parameters = state.putObject("Parameters");
        parameters.put("ApiEndpoint", endpoint.apiEndpoint());
        parameters.put("Method", "POST");
        parameters.put("Stage", endpoint.stage());
        parameters.put("Path", path);
        parameters.putObject("Headers").putArray("Content-Type").add("application/json");
        parameters.set("RequestBody", body);
        parameters.put("AuthType", "IAM_ROLE");
        retry(state, List.of("ApiGateway.429", "ApiGateway.500", "ApiGateway.502", "ApiGateway.503", "ApiGateway.504",
                "States.Timeout"), 5, 2.0, 3);
        state.put("TimeoutSeconds", 30);
        return state;
    }

    private static ObjectNode mark(String status) {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Pass");
        ObjectNode parameters = state.putObject("Parameters");
        parameters.put("table.$", "$.name");
        parameters.put("status", status);
        state.put("End", true);
        return state;
    }

    private static ObjectNode summarize() {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Pass");
        ObjectNode parameters = state.putObject("Parameters");
        parameters.put("total.$", "States.ArrayLength($.results)");
        // Filter expressions always yield an array (possibly empty), so these never fail on "no match".
        parameters.put("succeededTables.$", "$.results[?(@.status == 'SUCCEEDED')].table");
        parameters.put("failedTables.$", "$.results[?(@.status == 'FAILED')].table");
        state.put("Next", "CountOutcomes");
        return state;
    }

    private static ObjectNode countOutcomes() {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Pass");
        ObjectNode parameters = state.putObject("Parameters");
        parameters.put("total.$", "$.total");
        parameters.put("succeeded.$", "States.ArrayLength($.succeededTables)");
        parameters.put("failed.$", "States.ArrayLength($.failedTables)");
        parameters.put("failedTables.$", "$.failedTables");
        state.put("Next", NOTIFY_SUMMARY);
        return state;
    }

    private static ObjectNode anyTableFailed() {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Type", "Choice");
        ArrayNode choices = state.putArray("Choices");
        // Table failures first: a lost heartbeat must never mask them.
        choices.addObject().put("Variable", "$.failed").put("NumericGreaterThan", 0).put("Next", SOME_TABLES_FAILED);
        choices.addObject().put("Variable", "$.heartbeatError").put("IsPresent", true).put("Next", HEARTBEAT_NOT_DELIVERED);
        state.put("Default", ALL_TABLES_SUCCEEDED);
        return state;
    }

    private static ObjectNode retry(ObjectNode state, List<String> errors, int intervalSeconds, double backoffRate, int maxAttempts) {
        ArrayNode retry = state.has("Retry") ? (ArrayNode) state.get("Retry") : state.putArray("Retry");
        ObjectNode rule = retry.addObject();
        ArrayNode equals = rule.putArray("ErrorEquals");
        errors.forEach(equals::add);
        rule.put("IntervalSeconds", intervalSeconds);
        rule.put("BackoffRate", backoffRate);
        rule.put("MaxAttempts", maxAttempts);
        return rule;
    }

    private static void catchTo(ObjectNode state, List<String> errors, String resultPath, String next) {
        ArrayNode catches = state.has("Catch") ? (ArrayNode) state.get("Catch") : state.putArray("Catch");
        ObjectNode rule = catches.addObject();
        ArrayNode equals = rule.putArray("ErrorEquals");
        errors.forEach(equals::add);
        rule.put("ResultPath", resultPath);
        rule.put("Next", next);
    }
}
