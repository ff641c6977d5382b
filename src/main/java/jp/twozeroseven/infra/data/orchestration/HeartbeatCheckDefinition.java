package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.support.PipelineEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static jp.twozeroseven.infra.data.orchestration.AslStates.HTTP_TRANSIENT;
import static jp.twozeroseven.infra.data.orchestration.AslStates.jsonata;
import static jp.twozeroseven.infra.data.orchestration.AslStates.postEvents;
import static jp.twozeroseven.infra.data.orchestration.AslStates.retry;
import static jp.twozeroseven.infra.data.orchestration.AslStates.task;

/**
 * The small Express workflow (no Lambda) that tells New Relic, on a fixed cadence, whether tonight's ETL run has
 * succeeded, so the heartbeat condition always has a data point to evaluate:
 *
 * <pre>
 * DescribeEtl (aws-sdk:sfn:describeStateMachine): when the ETL state machine was created (the first night after
 *   deploy counts only if the machine existed at its scheduled start)
 * ListRuns (aws-sdk:sfn:listExecutions, newest first): JSONata computes the EtlHeartbeatCheck event
 * Report (http:invoke, New Relic Event API through the ETL's EventBridge connection)
 * </pre>
 *
 * "The night being checked" is the latest night whose deadline ({@code nightlyAt} + the ETL's execution timeout)
 * has passed: from the deadline until a success it stays the same night, so the check keeps saying "missed" across
 * the next night's start and only a success (or the next missed deadline, which says "missed" again) changes it.
 */
public final class HeartbeatCheckDefinition {

    public static final String DESCRIBE_ETL = "DescribeEtl";
    public static final String LIST_RUNS = "ListRuns";
    public static final String REPORT = "Report";
    /** Express executions last at most 5 minutes; three API calls with retries need far less. */
    static final int TIMEOUT_SECONDS = 120;
    /**
     * One page of ListExecutions, newest first ("Results are sorted by time, with the most recent execution first",
     * Step Functions API reference, ListExecutions; maxResults 1..1000). The night being checked started at most
     * two days ago; 100 executions in two days would be a runaway, not a night.
     */
    static final int MAX_RESULTS = 100;
    private static final String DESCRIBE_STATE_MACHINE = "arn:aws:states:::aws-sdk:sfn:describeStateMachine";
    private static final String LIST_EXECUTIONS = "arn:aws:states:::aws-sdk:sfn:listExecutions";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param etlStateMachineArn the ETL state machine whose executions are checked
     * @param endpoint           the Event API URL, the EventBridge connection and the stack attribute
     * @param nightlyAt          when the schedule starts the ETL, Asia/Tokyo
     * @param runWindow          the ETL's execution timeout: start + window = the deadline
     * @param zone               the schedule's time zone
     */
    public record Spec(String etlStateMachineArn, HeartbeatEndpoint endpoint, LocalTime nightlyAt, Duration runWindow,
                       ZoneId zone) {
        public Spec {
            if (etlStateMachineArn == null || !etlStateMachineArn.matches("arn:aws:states:[a-z0-9-]+:\\d{12}:stateMachine:[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("ETL state machine ARN '" + etlStateMachineArn + "' must be arn:aws:states:<region>:<account>:stateMachine:<name>");
            }
            if (runWindow == null || runWindow.isNegative() || runWindow.isZero() || runWindow.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("heartbeat run window " + runWindow + " must be more than 0 and at most 24 h");
            }
        }
    }

    private HeartbeatCheckDefinition() {
    }

    public static ObjectNode render(Spec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Comment", "Every " + PipelineEvents.CHECK_EVERY.toMinutes() + " minutes: has tonight's ETL run "
                + "succeeded since its scheduled start, and has its deadline passed? Posted to New Relic as "
                + PipelineEvents.HEARTBEAT_CHECK);
        root.put("QueryLanguage", "JSONata");
        root.put("StartAt", DESCRIBE_ETL);
        root.put("TimeoutSeconds", TIMEOUT_SECONDS);
        ObjectNode states = root.putObject("States");
        states.set(DESCRIBE_ETL, describeEtl(spec));
        states.set(LIST_RUNS, listRuns(spec));
        states.set(REPORT, report(spec.endpoint()));
        return root;
    }

    private static ObjectNode describeEtl(Spec spec) {
        ObjectNode describe = task(DESCRIBE_STATE_MACHINE);
        describe.putObject("Arguments").put("StateMachineArn", spec.etlStateMachineArn());
        // SDK integration results keep the API's field names in PascalCase (as CheckNoOtherRun reads Executions).
        return apiCallThen(describe, "{'deployedAt': $states.result.CreationDate}", LIST_RUNS);
    }

    private static ObjectNode listRuns(Spec spec) {
        ObjectNode list = task(LIST_EXECUTIONS);
        list.putObject("Arguments").put("StateMachineArn", spec.etlStateMachineArn()).put("MaxResults", MAX_RESULTS);
        return apiCallThen(list, checkJsonata(spec), REPORT);
    }

    private static ObjectNode report(HeartbeatEndpoint endpoint) {
        ObjectNode report = postEvents(endpoint, AslStates.QueryLanguage.JSONATA, jsonata("[$states.input]"));
        retry(report, HTTP_TRANSIENT, 2, 2.0, 3).put("JitterStrategy", "FULL");
        report.put("TimeoutSeconds", 20);
        // Nothing to return: a check that could not be posted fails the execution (CloudWatch logs), and the next
        // one comes within a cadence; a checker that keeps failing is the heartbeat condition's loss of signal.
        report.put("Output", jsonata("{'posted': $states.input}"));
        return report.put("End", true);
    }

    public static String renderJson(Spec spec) {
        return AslStates.toJson(render(spec), "heartbeat check definition");
    }

    /**
     * The check, from the execution's own start time ($states.context.Execution.StartTime, UTC ISO 8601), the ETL's
     * creation date ($states.input.deployedAt) and its executions ($states.result.Executions):
     * <ul>
     * <li>night start: the latest of today's, yesterday's and the day before's {@code nightlyAt} (in the zone's fixed
     *     offset) whose deadline is at or before now; with a window of at most 24 h one of them always is;</li>
     * <li>pastDeadline: 1 when that night started at or after the ETL state machine was created, so the night before
     *     the first deploy never counts as missed;</li>
     * <li>succeededSinceStart: 1 when an execution started at or after the night start has status SUCCEEDED.</li>
     * </ul>
     * The SDK integration returns timestamps as ISO 8601 strings (e.g. {@code "CreationTime": "2013-08-23T01:02:15.422Z"}
     * from describeStacks, sam-goodwin/functionless#489); epoch seconds, the API's wire format, are accepted too.
     */
    static String checkJsonata(Spec spec) {
        long offsetMillis = fixedOffsetMillis(spec.zone());
        long atMillis = spec.nightlyAt().toSecondOfDay() * 1000L;
        long windowMillis = spec.runWindow().toMillis();
        String stack = spec.endpoint().stack();
        return "($ms := function($d) { $type($d) = 'string' ? $toMillis($d) : $d * 1000 }; "
                + "$day := 86400000; "
                + "$now := $toMillis($states.context.Execution.StartTime); "
                + "$today := $floor(($now + " + offsetMillis + ") / $day) * $day - " + offsetMillis + " + " + atMillis + "; "
                + "$start := [$today, $today - $day, $today - 2 * $day][$ + " + windowMillis + " <= $now][0]; "
                + "$runs := $states.result.Executions[$ms(StartDate) >= $start]; "
                + "{'eventType': '" + PipelineEvents.HEARTBEAT_CHECK + "', "
                + "'" + PipelineEvents.STACK + "': '" + stack + "', "
                + "'nightStart': $fromMillis($start, '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01][Z]', '" + offsetText(offsetMillis) + "'), "
                + "'" + PipelineEvents.PAST_DEADLINE + "': $start >= $ms($states.input.deployedAt) ? 1 : 0, "
                + "'" + PipelineEvents.SUCCEEDED_SINCE_START + "': $count($runs[Status = 'SUCCEEDED']) > 0 ? 1 : 0, "
                + "'runsSinceStart': $count($runs)})";
    }

    /**
     * JSONata has no time-zone database, so the zone must keep one offset: Asia/Tokyo has had +09:00 without
     * daylight saving since 1951 (IANA tz database, "Asia/Tokyo"). A zone that changes offset is refused.
     */
    static long fixedOffsetMillis(ZoneId zone) {
        var rules = zone.getRules();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        if (rules.nextTransition(now) != null || rules.isDaylightSavings(now)) {
            throw new IllegalArgumentException("time zone " + zone + " changes its offset; the heartbeat check needs a fixed one");
        }
        return rules.getOffset(now).getTotalSeconds() * 1000L;
    }

    private static String offsetText(long offsetMillis) {
        long minutes = Math.abs(offsetMillis) / 60_000;
        return String.format("%s%02d%02d", offsetMillis < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }

    /** Ends an SDK call: its output is the expression's value, then {@code next}. */
    private static ObjectNode apiCallThen(ObjectNode state, String output, String next) {
        state.put("Output", jsonata(output));
        // Throttling or a blip: try again briefly; a check that still fails is replaced by the next one.
        retry(state, List.of("States.ALL"), 2, 2.0, 2).put("JitterStrategy", "FULL");
        return state.put("Next", next);
    }

}
