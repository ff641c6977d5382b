package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the heartbeat checker's two Step Functions SDK calls return at a given moment, for a made-up history of ETL
 * runs: DescribeStateMachine's CreationDate and ListExecutions' Executions, newest first, with the API's fields in
 * PascalCase as SDK integrations return them (Step Functions API reference, ListExecutions, ExecutionListItem:
 * ExecutionArn, Name, StateMachineArn, Status, StartDate, StopDate). Times are seconds from {@link #BASE}.
 */
final class EtlExecutions {

    /** Day 0, 00:00 JST. */
    static final Instant BASE = Instant.parse("2026-11-30T15:00:00Z");
    static final String ETL_ARN = "arn:aws:states:ap-northeast-1:123456789012:stateMachine:platform207-prod-etl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One execution: it runs from {@code start} to {@code stop}, then has {@code status}. */
    record Run(long start, long stop, String status) {
    }

    private EtlExecutions() {
    }

    static String iso(long seconds) {
        return BASE.plusSeconds(seconds).toString().replace("Z", ".000Z");
    }

    /**
     * The {@code $states} of ListRuns' Output for a check that starts at {@code at}: input from DescribeEtl, the
     * ListExecutions result as seen then, and the context's Execution.StartTime (a scheduled start lands a fraction
     * of a second after the minute).
     */
    static ObjectNode statesAt(long at, long etlCreatedAt, List<Run> runs) {
        ObjectNode states = MAPPER.createObjectNode();
        states.putObject("input").put("deployedAt", iso(etlCreatedAt));
        var executions = states.putObject("result").putArray("Executions");
        List<Run> started = runs.stream().filter(r -> r.start() <= at)
                .sorted(Comparator.comparingLong(Run::start).reversed()).limit(HeartbeatCheckDefinition.MAX_RESULTS).toList();
        for (Run r : started) {
            ObjectNode item = executions.addObject();
            item.put("ExecutionArn", ETL_ARN.replace(":stateMachine:", ":execution:") + ":run-" + r.start());
            item.put("Name", "run-" + r.start());
            item.put("StateMachineArn", ETL_ARN);
            item.put("StartDate", iso(r.start()));
            if (at >= r.stop()) {
                item.put("Status", r.status());
                item.put("StopDate", iso(r.stop()));
            } else {
                item.put("Status", "RUNNING");
            }
        }
        states.putObject("context").putObject("Execution").put("StartTime",
                BASE.plusSeconds(at).plusMillis(412).toString());
        return states;
    }
}
