package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.data.embulk.EmbulkEnvironment;
import jp.twozeroseven.infra.support.PipelineEvents;

import java.util.ArrayList;
import java.util.List;

import static jp.twozeroseven.infra.data.orchestration.AslStates.HTTP_TRANSIENT;
import static jp.twozeroseven.infra.data.orchestration.AslStates.catchTo;
import static jp.twozeroseven.infra.data.orchestration.AslStates.copyFields;
import static jp.twozeroseven.infra.data.orchestration.AslStates.discardResultThen;
import static jp.twozeroseven.infra.data.orchestration.AslStates.jsonata;
import static jp.twozeroseven.infra.data.orchestration.AslStates.jsonataState;
import static jp.twozeroseven.infra.data.orchestration.AslStates.postEvents;
import static jp.twozeroseven.infra.data.orchestration.AslStates.retry;
import static jp.twozeroseven.infra.data.orchestration.AslStates.state;
import static jp.twozeroseven.infra.data.orchestration.AslStates.task;

/**
 * The Standard Step Functions workflow that runs one Embulk container per table.
 *
 * <pre>
 * CheckNoOtherRun (aws-sdk:sfn:listExecutions, RUNNING) -> OtherRunActive? -> AnotherRunActive (Fail) when an
 *   older execution is RUNNING
 * ResolveExportDate (JSONata Pass): validates the input; $.exportDate = the JST date of $$.Execution.StartTime, or
 *   the input's exportDate (a real date, not in the future; with an incremental table only in mode "backfill");
 *   each table gets its defaults (incremental, ephemeralStorageGiB, catchUpWindow)
 * Map over $.tables (MaxConcurrency); each item carries name, runGroup, exportDate, mode, runId, sizing
 *   RunOnSpot (EXPORT_DATE, EXPORT_RUN_ID, EXPORT_MODE, EXPORT_CATCH_UP_WINDOW; EphemeralStorage)
 *     | Retry throttling (ECS.AmazonECSException, ECS.InvalidParameterException, ECS.ServerException), full jitter
 *     | Catch States.ALL -> $.error -> SpotLost?
 *   SpotLost? (JSONata Choice on Error and Cause): a RunTask API error (the task never ran, e.g.
 *     AmazonECS.Unknown), StopCode SpotInterruption, or "capacity is unavailable" -> RunOnDemand;
 *     a timeout or an export that failed -> DescribeFailure
 *   RunOnDemand --ok--> MarkSucceeded
 *     | Retry throttling and AmazonECS.Unknown with backoff and jitter; Catch States.ALL -> DescribeFailure
 *   DescribeFailure (JSONata Pass): stop reason, exit code and log stream link, each with a default
 *   NotifyTableFailure (apigateway:invoke, IAM auth) -> MarkFailed   (its own failure also -> MarkFailed)
 * Summarize -> CountOutcomes -> NotifySummary (failure caught into $.summaryError) -> BuildHeartbeatEvent
 *   -> ReportHeartbeat (http:invoke, New Relic)
 *   | Retry throttling/5xx/socket errors with backoff; Catch States.ALL -> $.heartbeatError, carry on
 * AnyTableFailed? -> SomeTablesFailed | HeartbeatNotDelivered | SummaryNotDelivered (Fail) | AllTablesSucceeded
 * </pre>
 * With on-demand capacity (an ARM64 task) the item starts at RunOnDemand and has no Spot states. A table's failure
 * ends as a normal item result, so it never stops the other tables; the execution as a whole is bounded by
 * TimeoutSeconds (the heartbeat window).
 *
 * <p>The heartbeat means "the nightly run went through to the end", so it is sent whether or not tables failed and
 * whether or not Slack took the summary. A heartbeat that cannot be delivered never hides table results: failed
 * tables still end the run as {@code EtlTablesFailed}, and only a run whose tables all succeeded ends as
 * {@code EtlHeartbeatNotDelivered} or {@code EtlSummaryNotDelivered}, distinct errors whose cause says the data is
 * complete.
 */
public final class EtlStateMachineDefinition {

    /** The states' names: the definition's own, read back by this package's tests. */
    static final String CHECK_NO_OTHER_RUN = "CheckNoOtherRun";
    static final String OTHER_RUN_ACTIVE = "OtherRunActive";
    static final String ANOTHER_RUN_ACTIVE = "AnotherRunActive";
    static final String RESOLVE_EXPORT_DATE = "ResolveExportDate";
    static final String DESCRIBE_FAILURE = "DescribeFailure";
    static final String SUMMARY_NOT_DELIVERED = "SummaryNotDelivered";
    static final String SPOT_LOST = "SpotLost";
    static final String RUN_ON_SPOT = "RunOnSpot";
    static final String RUN_ON_DEMAND = "RunOnDemand";
    static final String NOTIFY_TABLE_FAILURE = "NotifyTableFailure";
    static final String MARK_SUCCEEDED = "MarkSucceeded";
    static final String MARK_FAILED = "MarkFailed";
    static final String MAP = "EtlEachTable";
    static final String NOTIFY_SUMMARY = "NotifySummary";
    static final String BUILD_HEARTBEAT_EVENT = "BuildHeartbeatEvent";
    static final String REPORT_HEARTBEAT = "ReportHeartbeat";
    static final String ANY_TABLE_FAILED = "AnyTableFailed";
    static final String SOME_TABLES_FAILED = "SomeTablesFailed";
    static final String HEARTBEAT_NOT_DELIVERED = "HeartbeatNotDelivered";
    static final String ALL_TABLES_SUCCEEDED = "AllTablesSucceeded";

    private static final String RUN_TASK_SYNC = "arn:aws:states:::ecs:runTask.sync";
    private static final String API_GATEWAY_INVOKE = "arn:aws:states:::apigateway:invoke";
    private static final String LIST_EXECUTIONS = "arn:aws:states:::aws-sdk:sfn:listExecutions";
    /** The execution input's table that a Map iteration runs (the Map state's context object). */
    private static final String TABLE_ITEM = "$$.Map.Item.Value";
    /**
     * RunTask API errors that are throttling in disguise, as Step Functions names them: "Rate exceeded" arrives as
     * ECS.AmazonECSException, EC2-side throttling (subnet/ENI look-ups) as ECS.InvalidParameterException
     * (cdklabs/construct-hub#415, "SFN fails on ECS.InvalidParameterException"; dagster-io/dagster#33439), and
     * ServerException is RunTask's own 5xx (ECS API reference, RunTask, Errors).
     */
    static final List<String> ECS_THROTTLING = List.of("ECS.AmazonECSException", "ECS.InvalidParameterException",
            "ECS.ServerException");
    /**
     * A RunTask answered 200 with a non-empty Failures list (e.g. no capacity): Step Functions developer guide,
     * "Run Amazon ECS or Fargate tasks with Step Functions": "Run a Job: if a non-empty Failures field is
     * encountered, the task is failed with an AmazonECS.Unknown error."
     */
    static final String ECS_FAILURES = "AmazonECS.Unknown";
    /** Default per-table fields, for an execution input that names only the tables. */
    static final int DEFAULT_EPHEMERAL_GIB = 21;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EtlStateMachineDefinition() {
    }

    public static ObjectNode render(EtlWorkflowSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Comment", "Embulk ETL: one Fargate task per table, failures reported to Slack through API Gateway, "
                + "completion reported to New Relic");
        root.put("StartAt", CHECK_NO_OTHER_RUN);
        // The whole night: a run still going at the heartbeat deadline has failed anyway; stopping it frees the
        // watermark for the next night (ASL specification, top-level TimeoutSeconds).
        root.put("TimeoutSeconds", spec.executionTimeoutSeconds());
        ObjectNode states = root.putObject("States");
        states.set(CHECK_NO_OTHER_RUN, checkNoOtherRun());
        states.set(OTHER_RUN_ACTIVE, otherRunActive());
        states.set(ANOTHER_RUN_ACTIVE, fail("EtlAlreadyRunning", "Another execution of this state machine is RUNNING; "
                + "two runs would race on the same watermarks. Wait for it to end (or stop it), then start again."));
        states.set(RESOLVE_EXPORT_DATE, resolveExportDate(spec));
        states.set(MAP, mapState(spec));
        states.set("Summarize", summarize());
        states.set("CountOutcomes", countOutcomes());
        states.set(NOTIFY_SUMMARY, notifySummary(spec));
        states.set(BUILD_HEARTBEAT_EVENT, buildHeartbeatEvent(spec.heartbeat()));
        states.set(REPORT_HEARTBEAT, reportHeartbeat(spec.heartbeat()));
        states.set(ANY_TABLE_FAILED, anyTableFailed());
        states.set(SOME_TABLES_FAILED, fail("EtlTablesFailed", "At least one table failed; see the Slack notification"));
        states.set(HEARTBEAT_NOT_DELIVERED, fail("EtlHeartbeatNotDelivered", "Every table succeeded and the Slack "
                + "summary was sent, but the New Relic heartbeat could not be delivered (see $.heartbeatError in the "
                + "ReportHeartbeat step); expect the heartbeat incident. The data is complete."));
        states.set(SUMMARY_NOT_DELIVERED, fail("EtlSummaryNotDelivered", "Every table succeeded, but the Slack summary "
                + "could not be sent (see $.summaryError in the NotifySummary step). The data is complete."));
        states.set(ALL_TABLES_SUCCEEDED, state("Succeed"));
        return root;
    }

    public static String renderJson(EtlWorkflowSpec spec) {
        return AslStates.toJson(render(spec), "ETL state machine");
    }

    private static ObjectNode fail(String error, String cause) {
        return state("Fail").put("Error", error).put("Cause", cause);
    }

    private static ObjectNode mapState(EtlWorkflowSpec spec) {
        ObjectNode map = state("Map");
        map.put("ItemsPath", "$.tables");
        map.put("MaxConcurrency", spec.maxConcurrency());
        ObjectNode selector = copyFields(map.putObject("ItemSelector"), TABLE_ITEM, "name", "runGroup");
        selector.put("executionArn.$", "$$.Execution.Id");
        copyFields(selector, "$", "exportDate", "mode");
        // Execution-unique: the image names its output files with it, so a rerun never replaces an earlier file.
        selector.put("runId.$", "$$.Execution.Name");
        // taskDefinition: the masked or the raw export, each zone its own task definition with only that zone's
        // secrets (EmbulkExport).
        copyFields(selector, TABLE_ITEM, "incremental", "ephemeralStorageGiB", "catchUpWindow", "taskDefinition");
        ObjectNode processor = map.putObject("ItemProcessor");
        processor.putObject("ProcessorConfig").put("Mode", "INLINE");
        processor.put("StartAt", spec.capacity().usesSpot() ? RUN_ON_SPOT : RUN_ON_DEMAND);
        ObjectNode states = processor.putObject("States");
        if (spec.capacity().usesSpot()) {
            states.set(RUN_ON_SPOT, runOnSpot(spec));
            states.set(SPOT_LOST, spotLost());
        }
        states.set(RUN_ON_DEMAND, runOnDemand(spec));
        states.set(DESCRIBE_FAILURE, describeFailure(spec));
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
        // Throttling: a short retry on Spot is still cheaper than falling back.
        jitter(retry(state, ECS_THROTTLING, 5, 2.0, 3), 60);
        // One Catch for everything: States.TaskFailed in an ErrorEquals is a wildcard for every error but
        // States.Timeout (Step Functions developer guide, "Error names"), so a Catch on it would swallow the RunTask
        // API errors too. SpotLost reads Error and Cause and decides.
        catchTo(state, List.of("States.ALL"), "$.error", SPOT_LOST);
        return discardResultThen(state, MARK_SUCCEEDED);
    }

    private static ObjectNode runOnDemand(EtlWorkflowSpec spec) {
        ArrayNode strategy = MAPPER.createArrayNode();
        strategy.addObject().put("CapacityProvider", "FARGATE").put("Weight", 1).put("Base", 0);
        ObjectNode state = runTask(spec, strategy);
        List<String> transientErrors = new ArrayList<>(ECS_THROTTLING);
        transientErrors.add(ECS_FAILURES);
        jitter(retry(state, transientErrors, 10, 2.0, 4), 120);
        catchTo(state, List.of("States.ALL"), "$.error", DESCRIBE_FAILURE);
        return discardResultThen(state, MARK_SUCCEEDED);
    }

    /** Full jitter spreads the retries of up to maxConcurrency tables that were throttled together. */
    private static void jitter(ObjectNode retrier, int maxDelaySeconds) {
        retrier.put("MaxDelaySeconds", maxDelaySeconds);
        retrier.put("JitterStrategy", "FULL");
    }

    private static ObjectNode runTask(EtlWorkflowSpec spec, ArrayNode strategy) {
        ObjectNode state = task(RUN_TASK_SYNC);
        ObjectNode parameters = state.putObject("Parameters");
        parameters.put("Cluster", spec.clusterArn());
        parameters.put("TaskDefinition.$", "$.taskDefinition");
        parameters.set("CapacityProviderStrategy", strategy);
        ObjectNode vpc = parameters.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
        ArrayNode subnets = vpc.putArray("Subnets");
        spec.subnets().forEach(subnets::add);
        ArrayNode groups = vpc.putArray("SecurityGroups");
        spec.securityGroups().forEach(groups::add);
        vpc.put("AssignPublicIp", "DISABLED");
        ObjectNode overrides = parameters.putObject("Overrides");
        ObjectNode override = overrides.putArray("ContainerOverrides").addObject();
        override.put("Name", spec.containerName());
        override.put("Command.$", commandExpression(spec.commandTemplate()));
        ArrayNode environment = override.putArray("Environment");
        // The variables the image's run-export reads (docs/data-pipeline.md), from the item.
        environment.addObject().put("Name", EmbulkEnvironment.EXPORT_DATE).put("Value.$", "$.exportDate");
        environment.addObject().put("Name", EmbulkEnvironment.RUN_ID).put("Value.$", "$.runId");
        environment.addObject().put("Name", EmbulkEnvironment.MODE).put("Value.$", "$.mode");
        environment.addObject().put("Name", EmbulkEnvironment.CATCH_UP_WINDOW)
                .put("Value.$", "States.Format('{}', $.catchUpWindow)");
        // s3_parquet buffers the whole file under /tmp: each table gets the disk its size hint needs (21-200 GiB).
        overrides.putObject("EphemeralStorage").put("SizeInGiB.$", "$.ephemeralStorageGiB");
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
     * The one Step Functions call that keeps two runs off the same watermarks, without Lambda: list this state
     * machine's RUNNING executions ($states.context.StateMachine.Id) and count those that are not this one.
     * ListExecutions is eventually consistent (Step Functions API reference, ListExecutions: "The results are best
     * effort and may not reflect very recent updates"), so two starts within the same second may both pass; the
     * schedule starts one execution a night, and operators start by hand (docs/data-pipeline.md).
     */
    private static ObjectNode checkNoOtherRun() {
        ObjectNode state = jsonataState("Task").put("Resource", LIST_EXECUTIONS);
        ObjectNode arguments = state.putObject("Arguments");
        arguments.put("StateMachineArn", jsonata("$states.context.StateMachine.Id"));
        arguments.put("StatusFilter", "RUNNING");
        arguments.put("MaxResults", 100);
        state.put("Output", jsonata(OTHER_RUNS_JSONATA));
        // Refuse rather than guess: an unanswered check fails the execution (and the heartbeat alarms).
        jitter(retry(state, List.of("States.ALL"), 2, 2.0, 3), 20);
        state.put("Next", OTHER_RUN_ACTIVE);
        return state;
    }

    /**
     * The input, plus whether an older execution is RUNNING. ListExecutions sorts "with the most recent execution
     * first" (API reference), so the last one listed is the oldest: it goes on, every later start is refused, and
     * two starts that see each other never both give up. SDK integration results keep the API's fields in
     * PascalCase (Executions, ExecutionArn).
     */
    static final String OTHER_RUNS_JSONATA = "($oldest := $states.result.Executions[-1].ExecutionArn; "
            + "{'input': $states.input, 'olderRun': $exists($oldest) and $oldest != $states.context.Execution.Id})";

    private static ObjectNode otherRunActive() {
        return jsonataChoice("$states.input.olderRun", ANOTHER_RUN_ACTIVE, RESOLVE_EXPORT_DATE)
                .put("Output", jsonata("$states.input.input"));
    }

    /** A JSONata Choice with one condition: {@code next} when it holds, {@code otherwise} when not. */
    private static ObjectNode jsonataChoice(String condition, String next, String otherwise) {
        ObjectNode state = jsonataState("Choice");
        state.putArray("Choices").addObject().put("Condition", jsonata(condition)).put("Next", next);
        return state.put("Default", otherwise);
    }

    /**
     * JSONPath intrinsics cannot shift a time zone, so this state uses JSONata: $fromMillis formats the execution's
     * start (UTC) in +09:00. StartTime is fixed for the execution, so a redrive writes the same dt.
     */
    private static ObjectNode resolveExportDate(EtlWorkflowSpec spec) {
        ObjectNode state = jsonataState("Pass");
        state.put("Comment", "dt partition: the JST date the run started, or the input's exportDate for a backfill");
        return jsonataPass(state, exportDateJsonata(spec.taskDefinitionFamily()), MAP);
    }

    /** Ends a JSONata Pass state: its output is the expression's value, then {@code next}. */
    private static ObjectNode jsonataPass(ObjectNode state, String output, String next) {
        return state.put("Output", jsonata(output)).put("Next", next);
    }

    /**
     * The validated input: {tables, exportDate, mode}. exportDate must be a real calendar date (the round trip
     * through $toMillis turns 2024-02-30 into 03-01) and not after today in Tokyo; naming one with an incremental
     * table needs mode "backfill", because a nightly incremental run would file the delta since the watermark
     * under that old date and move the watermark on. A backfill refuses a table with a catch-up window: it starts
     * from the config's floor on every run (run-export refuses it too). Each table gets the defaults of a manually
     * written input, among them the masked export's task definition (a raw export is named explicitly, as the
     * schedule does). The family is validated as [A-Za-z0-9_-] (EtlWorkflowSpec), so it is safe inside the string
     * literal.
     */
    static String exportDateJsonata(String maskedFamily) {
        return "("
            + "$in := $states.input;"
            + "$today := $fromMillis($toMillis($states.context.Execution.StartTime), '[Y0001]-[M01]-[D01]', '+0900');"
            + "$mode := $exists($in.mode) ? $string($in.mode) : 'nightly';"
            + "$mode in ['nightly', 'backfill'] ? true : $error(\"mode in the execution input must be nightly or "
            + "backfill, not '\" & $mode & \"'\");"
            + "$tables := $type($in.tables) = 'array' and $count($in.tables) > 0 ? $in.tables : $error('the execution "
            + "input needs tables: [{name, runGroup}], e.g. the schedule input');"
            + "$tables := [$map($tables, function($t) {$type($t.name) = 'string' and $type($t.runGroup) = 'string' ? "
            + "$merge([{'incremental': true, 'ephemeralStorageGiB': " + DEFAULT_EPHEMERAL_GIB + ", 'catchUpWindow': 0, "
            + "'taskDefinition': '" + maskedFamily + "'}, "
            + "$t]) : $error('every table in the execution input needs a name and a runGroup')})];"
            + "$date := $exists($in.exportDate) ? ("
            + "$d := $string($in.exportDate);"
            + "$contains($d, /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/) ? true : "
            + "$error(\"exportDate in the execution input must be yyyy-MM-dd, e.g. 2024-05-01, not '\" & $d & \"'\");"
            + "$fromMillis($toMillis($d & 'T00:00:00Z'), '[Y0001]-[M01]-[D01]') = $d ? true : "
            + "$error(\"exportDate \" & $d & \" is not a calendar date\");"
            + "$d > $today ? $error(\"exportDate \" & $d & \" is in the future (today in Tokyo is \" & $today & \")\") : true;"
            + "$mode = 'backfill' or $count($tables[incremental]) = 0 ? $d : $error(\"exportDate \" & $d & \" with "
            + "incremental tables (\" & $join($tables[incremental].name, ', ') & \") needs mode: backfill, which "
            + "exports them in full without moving their watermarks (docs/data-pipeline.md, Backfill)\")"
            + ") : ($mode = 'backfill' ? $error('mode backfill needs an exportDate (yyyy-MM-dd)') : $today);"
            + "$mode = 'backfill' and $count($tables[catchUpWindow != 0]) > 0 ? $error(\"mode backfill exports each "
            + "table in full from its first-run floor, so catch-up windows cannot advance: set catchUpWindow to 0 for \" "
            + "& $join($tables[catchUpWindow != 0].name, ', ') & \" (a table bigger than one task cannot be backfilled "
            + "by the image; docs/data-pipeline.md, Backfill)\") : true;"
            + "{'tables': $tables, 'exportDate': $date, 'mode': $mode}"
            + ")";
    }

    /**
     * Whether the on-demand attempt is worth it after the Spot attempt failed. Not after a timeout (too slow on Spot
     * is too slow on on-demand). Yes after a RunTask API error, i.e. any failure whose Cause is not a stopped task
     * (AmazonECS.Unknown for a Failures list, throttling after the retries, a States.TaskFailed with a message):
     * the task never ran. For a task that ran and stopped (the Cause is the task as JSON, with StopCode and
     * TaskArn), only a Spot interruption or missing capacity; an export that failed would fail again. A regex over
     * the text reads both forms and, unlike parsing, cannot fail the run; a missing Cause counts as an API error.
     */
    static final String SPOT_LOST_JSONATA = "("
            + "$error := $string($states.input.error.Error);"
            + "$cause := $exists($states.input.error.Cause) ? $string($states.input.error.Cause) : '';"
            + "$ran := $contains($cause, /\"(stopCode|taskArn)\"\\s*:/i);"
            + "$error != 'States.Timeout' and ($not($ran) or "
            + "$contains($cause, /\"stopCode\"\\s*:\\s*\"SpotInterruption\"/i) or "
            + "$contains($cause, /capacity is unavailable/i)))";

    private static ObjectNode spotLost() {
        return jsonataChoice(SPOT_LOST_JSONATA, RUN_ON_DEMAND, DESCRIBE_FAILURE);
    }

    /**
     * Reads what the person on call needs first out of the caught error, with a default for every field: a Catch
     * may carry no Cause at all, and a JSONPath reference to a missing field would raise States.Runtime, which no
     * Catch can take. For States.TaskFailed the Cause is the stopped task as JSON (StoppedReason, Containers'
     * ExitCode, TaskArn); for an API error it is the error's message. Regexes over the text read both.
     */
    private static ObjectNode describeFailure(EtlWorkflowSpec spec) {
        return jsonataPass(jsonataState("Pass"), describeFailureJsonata(spec), NOTIFY_TABLE_FAILURE);
    }

    static String describeFailureJsonata(EtlWorkflowSpec spec) {
        String region = spec.clusterArn().split(":")[3];
        String logsConsole = "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:log-groups/log-group/" + consoleEncode(spec.logGroup());
        // awslogs names a task's stream <awslogs-stream-prefix>/<container name>/<task id> (ECS developer guide,
        // "Using the awslogs log driver"); the prefix is the container name (EmbulkContainer).
        String streamPrefix = consoleEncode(spec.containerName() + "/" + spec.containerName() + "/");
        return "("
                + "$e := $states.input.error;"
                + "$error := $exists($e.Error) ? $string($e.Error) : 'unknown error';"
                + "$cause := $exists($e.Cause) ? $string($e.Cause) : '';"
                + "$reason := $match($cause, /\"stoppedReason\"\\s*:\\s*\"([^\"]*)\"/i)[0].groups[0];"
                + "$exit := $match($cause, /\"exitCode\"\\s*:\\s*(-?[0-9]+)/i)[0].groups[0];"
                + "$task := $match($cause, /\"taskArn\"\\s*:\\s*\"arn:aws:ecs:[^\"]*:task\\/[^\"]*\\/([0-9a-fA-F]+)\"/i)[0].groups[0];"
                + "$merge([$states.input, {'failure': {"
                + "'error': $error,"
                + "'cause': $cause = '' ? '(the error carried no cause)' : $cause,"
                + "'stopReason': $exists($reason) ? $reason : ($error = 'States.Timeout' ? 'stopped by Step Functions "
                + "after the task timeout (embulkTask.timeoutMinutes)' : ($cause = '' ? $error : $substring($cause, 0, 300))),"
                + "'exitCode': $exists($exit) ? $exit : 'none (the container did not exit by itself)',"
                + "'logUrl': '" + logsConsole + "' & ($exists($task) ? '/log-events/" + streamPrefix + "' & $task : '')"
                + "}}])"
                + ")";
    }

    /** The CloudWatch console's fragment encoding of a log group or stream name: "/" becomes "$252F". */
    static String consoleEncode(String name) {
        return name.replace("/", "$252F");
    }

    private static ObjectNode notifyTableFailure(EtlWorkflowSpec spec) {
        ObjectNode body = MAPPER.createObjectNode().put("table.$", "$.name");
        copyFields(body, "$", "runGroup");
        // DescribeFailure put every one of these, so none can be missing.
        copyFields(body, "$.failure", "stopReason", "exitCode", "logUrl", "error", "cause");
        copyFields(body, "$", "executionArn");
        // A Slack/API outage must not turn one failed table into a failed run: record it and move on.
        return notifySlack(spec.notifyEndpoint(), spec.notifyEndpoint().failurePath(), body, "$.notifyError", MARK_FAILED);
    }

    private static ObjectNode notifySummary(EtlWorkflowSpec spec) {
        ObjectNode body = copyFields(MAPPER.createObjectNode(), "$", "total", "succeeded", "failed", "failedTables");
        body.put("executionArn.$", "$$.Execution.Id");
        // Slack down must not also silence New Relic: the heartbeat still goes, the outcome still counts.
        return notifySlack(spec.notifyEndpoint(), spec.notifyEndpoint().summaryPath(), body, "$.summaryError",
                BUILD_HEARTBEAT_EVENT);
    }

    /** Posts a notification; whether or not Slack took it (its error kept at {@code errorPath}), the run goes on. */
    private static ObjectNode notifySlack(NotifyEndpoint endpoint, String path, ObjectNode body, String errorPath,
                                          String next) {
        ObjectNode state = apiGatewayInvoke(endpoint, path, body);
        catchTo(state, List.of("States.ALL"), errorPath, next);
        return discardResultThen(state, next);
    }

    /** The one event, kept beside the counts so the Choice after the HTTP call still sees $.failed. */
    private static ObjectNode buildHeartbeatEvent(HeartbeatEndpoint heartbeat) {
        ObjectNode state = state("Pass");
        ObjectNode event = state.putObject("Parameters").put("eventType", PipelineEvents.RUN_SUCCEEDED);
        event.put(PipelineEvents.STACK, heartbeat.stack());
        event.put("executionArn.$", "$$.Execution.Id");
        event.put("tablesSucceeded.$", "$.succeeded");
        event.put("tablesFailed.$", "$.failed");
        state.put("ResultPath", "$.heartbeatEvent");
        return state.put("Next", REPORT_HEARTBEAT);
    }

    private static ObjectNode reportHeartbeat(HeartbeatEndpoint heartbeat) {
        ObjectNode state = postEvents(heartbeat, AslStates.QueryLanguage.JSONPATH, "States.Array($.heartbeatEvent)");
        List<String> transientErrors = new ArrayList<>(HTTP_TRANSIENT);
        transientErrors.addAll(List.of("Events.ConnectionResource.ConcurrentModification",
                "Events.ConnectionResource.InternalError"));
        // About 3 minutes at most: enough for a New Relic blip, short of holding the run open for an outage.
        jitter(retry(state, transientErrors, 5, 3.0, 4), 90);
        // 4xx other than 408/429 (bad key, bad account) and connection errors will not heal by retrying.
        catchTo(state, List.of("States.ALL"), "$.heartbeatError", ANY_TABLE_FAILED);
        state.put("TimeoutSeconds", 90);
        return discardResultThen(state, ANY_TABLE_FAILED);
    }

    private static ObjectNode apiGatewayInvoke(NotifyEndpoint endpoint, String path, ObjectNode body) {
        ObjectNode state = task(API_GATEWAY_INVOKE);
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
        ObjectNode state = state("Pass");
        state.putObject("Parameters").put("table.$", "$.name").put("status", status);
        return state.put("End", true);
    }

    private static ObjectNode summarize() {
        ObjectNode state = state("Pass");
        ObjectNode parameters = state.putObject("Parameters").put("total.$", "States.ArrayLength($.results)");
        // Filter expressions always yield an array (possibly empty), so these never fail on "no match".
        parameters.put("succeededTables.$", "$.results[?(@.status == 'SUCCEEDED')].table");
        parameters.put("failedTables.$", "$.results[?(@.status == 'FAILED')].table");
        return state.put("Next", "CountOutcomes");
    }

    private static ObjectNode countOutcomes() {
        ObjectNode state = state("Pass");
        ObjectNode parameters = copyFields(state.putObject("Parameters"), "$", "total");
        parameters.put("succeeded.$", "States.ArrayLength($.succeededTables)");
        parameters.put("failed.$", "States.ArrayLength($.failedTables)");
        copyFields(parameters, "$", "failedTables");
        return state.put("Next", NOTIFY_SUMMARY);
    }

    private static ObjectNode anyTableFailed() {
        ObjectNode state = state("Choice");
        ArrayNode choices = state.putArray("Choices");
        // Table failures first: a lost heartbeat must never mask them.
        choices.addObject().put("Variable", "$.failed").put("NumericGreaterThan", 0).put("Next", SOME_TABLES_FAILED);
        choices.addObject().put("Variable", "$.heartbeatError").put("IsPresent", true).put("Next", HEARTBEAT_NOT_DELIVERED);
        choices.addObject().put("Variable", "$.summaryError").put("IsPresent", true).put("Next", SUMMARY_NOT_DELIVERED);
        return state.put("Default", ALL_TABLES_SUCCEEDED);
    }
}
