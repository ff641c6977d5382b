package jp.twozeroseven.infra.observability.alerts;

import jp.twozeroseven.infra.settings.ObservabilityHeartbeat;

import java.time.Duration;
import java.util.Optional;

/**
 * The nightly data pipeline's heartbeat. When a run has gone through every table and sent its Slack summary, the
 * state machine posts one {@code EtlRunSucceeded} event to New Relic's Event API (attributes {@code stack},
 * {@code executionArn}, {@code tablesSucceeded}, {@code tablesFailed}; see data.orchestration.EtlStateMachineDefinition,
 * whose test checks it against {@link #nrql}). Runs with failed tables count: the heartbeat says "the pipeline
 * ran", table failures go to Slack. New Relic evaluates
 * NRQL conditions continuously and at most over 6 h, so "no success by HH:MM" is expressed as loss of signal:
 * with runs starting at S and a deadline D, yesterday's success arrived somewhere in [S, D], so no event for
 * {@code 24 h + (D − S)} means today's run did not succeed in its window. The incident never opens before the
 * deadline and opens at most {@code D − S} after it (docs/observability.md).
 */
public final class HeartbeatCondition {

    public static final String EVENT_TYPE = "EtlRunSucceeded";

    private HeartbeatCondition() {
    }

    public static String nrql(String stack) {
        return "SELECT count(*) FROM " + EVENT_TYPE + " WHERE stack = '" + stack.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Seconds without a success event after which the incident opens: 24 h plus the run window. */
    public static int signalLossSeconds(ObservabilityHeartbeat heartbeat) {
        return (int) Duration.ofHours(24).plus(heartbeat.runWindow()).toSeconds();
    }

    /**
     * The longest a lost-signal incident may stay open (New Relic's maximum, 30 days): it must stay open until the
     * next success closes it ("Newly opened lost signal incidents will close immediately when new data is
     * evaluated", create-nrql-alert-conditions), not be force-closed after a day while the pipeline is still broken.
     */
    public static final int VIOLATION_TIME_LIMIT_SECONDS = NrqlConditionSpec.MAX_VIOLATION_TIME_LIMIT_SECONDS;

    public static NrqlConditionSpec of(String stack, ObservabilityHeartbeat heartbeat) {
        return new NrqlConditionSpec("data-pipeline no successful run by " + heartbeat.deadline() + " JST",
                nrql(stack), "below", 1, 3600, Optional.empty(), 3600, "all",
                Optional.of(signalLossSeconds(heartbeat)), true, Runbooks.DATA_PIPELINE_HEARTBEAT,
                VIOLATION_TIME_LIMIT_SECONDS);
    }
}
