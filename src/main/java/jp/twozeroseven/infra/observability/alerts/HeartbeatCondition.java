package jp.twozeroseven.infra.observability.alerts;

import jp.twozeroseven.infra.settings.ObservabilityHeartbeat;
import jp.twozeroseven.infra.support.PipelineEvents;

import java.util.Optional;

/**
 * The nightly data pipeline's heartbeat. Every {@link PipelineEvents#CHECK_EVERY} a small Step Functions checker
 * (data.workflow.HeartbeatCheck) posts one {@code EtlHeartbeatCheck} event: whether the night being checked has
 * reached its deadline ({@code pastDeadline}) and whether an ETL execution started since that night's scheduled
 * start has SUCCEEDED ({@code succeededSinceStart}). The condition counts the checks that say "missed" in each
 * window of one cadence, so:
 * <ul>
 * <li>it opens at the first check at or after the deadline (plus the event timer), never before;</li>
 * <li>it stays open while every check says "missed", across the next night's start, until a run succeeds (the
 *     checker keeps checking the missed night until then; see data.orchestration.HeartbeatCheckDefinition);</li>
 * <li>every window has a check, so a condition edit, which resets evaluation, is re-evaluated from the next full
 *     window ("Condition edits can reset condition evaluation", docs.newrelic.com create-nrql-alert-conditions)
 *     and nothing depends on the signal New Relic saw before the edit;</li>
 * <li>the first night after deploy is checked like any other (the checker ignores nights that started before the
 *     ETL state machine existed);</li>
 * <li>loss of signal after three missing checks opens an incident for the checker itself.</li>
 * </ul>
 * The {@code EtlRunSucceeded} event the ETL posts at the end of a run stays for dashboards and the runbook.
 */
public final class HeartbeatCondition {

    public static final String EVENT_TYPE = PipelineEvents.HEARTBEAT_CHECK;
    /** Seconds of one check: the aggregation window and the threshold duration (one data point). */
    public static final int WINDOW_SECONDS = (int) PipelineEvents.CHECK_EVERY.toSeconds();
    /** Three checks in a row missing: the checker (schedule, state machine, connection) is broken. */
    public static final int SIGNAL_LOSS_SECONDS = 3 * WINDOW_SECONDS;

    private HeartbeatCondition() {
    }

    /**
     * The checks of the window that say "missed". {@code filter()} returns 0, not NULL, for a window whose checks all
     * say "fine", so every window with a check is a data point that can close the incident (count() alone would
     * return NULL for "nothing matched": docs.newrelic.com create-nrql-alert-conditions, "NRQL conditions and query
     * order of operations", which recommends filter() to get a zero).
     */
    public static String nrql(String stack) {
        return "SELECT filter(count(*), WHERE " + PipelineEvents.PAST_DEADLINE + " = 1 AND "
                + PipelineEvents.SUCCEEDED_SINCE_START + " = 0) FROM " + EVENT_TYPE + " WHERE " + PipelineEvents.STACK
                + " = '" + stack.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * The longest an incident may stay open (New Relic's maximum, 30 days): it must stay open until a success
     * closes it, not be force-closed after a day while the pipeline is still broken.
     */
    public static final int VIOLATION_TIME_LIMIT_SECONDS = NrqlConditionSpec.MAX_VIOLATION_TIME_LIMIT_SECONDS;

    public static NrqlConditionSpec of(String stack, ObservabilityHeartbeat heartbeat) {
        return new NrqlConditionSpec("data-pipeline no successful run by " + heartbeat.deadline() + " JST",
                nrql(stack), "above", 0, WINDOW_SECONDS, Optional.empty(), WINDOW_SECONDS, "all",
                Optional.of(SIGNAL_LOSS_SECONDS), true, Runbooks.DATA_PIPELINE_HEARTBEAT,
                VIOLATION_TIME_LIMIT_SECONDS);
    }
}
