package jp.twozeroseven.infra.observability.alerts;

import java.util.Optional;

/**
 * Everything one NRQL alert condition needs except its policy: a pure value, so tests read thresholds and windows
 * without Pulumi.
 *
 * @param name                     the condition's title in New Relic
 * @param operator                 "above" or "below"
 * @param aggregationWindowSeconds the window the query aggregates over (at most 21 600 s in New Relic)
 * @param slideBySeconds           sliding-window step, so a long window is re-evaluated often; empty = tumbling
 * @param thresholdDurationSeconds how long the value must breach before an incident opens
 * @param thresholdOccurrences     "all" (every data point in the duration) or "at_least_once"
 * @param signalLossSeconds        when set: no data for this long opens an incident (loss of signal)
 * @param sparseEvents             true for rare events (one a night): aggregate by timer, not by event flow
 * @param runbook                  a file name under docs/runbooks/, without ".md"
 */
public record NrqlConditionSpec(String name, String nrql, String operator, double threshold,
                                int aggregationWindowSeconds, Optional<Integer> slideBySeconds,
                                int thresholdDurationSeconds, String thresholdOccurrences,
                                Optional<Integer> signalLossSeconds, boolean sparseEvents, String runbook) {

    /** New Relic's limits, from the 5.77.0 schema docs. */
    public static final int MAX_AGGREGATION_WINDOW_SECONDS = 21_600;
    public static final int MAX_THRESHOLD_DURATION_SECONDS = 86_400;
    public static final int MAX_EXPIRATION_SECONDS = 172_800;

    public NrqlConditionSpec {
        if (!operator.equals("above") && !operator.equals("below")) {
            throw new IllegalArgumentException("condition '" + name + "': operator must be above or below, got " + operator);
        }
        if (aggregationWindowSeconds < 30 || aggregationWindowSeconds > MAX_AGGREGATION_WINDOW_SECONDS) {
            throw new IllegalArgumentException("condition '" + name + "': aggregation window " + aggregationWindowSeconds
                    + " s is outside New Relic's 30..21600 s");
        }
        if (thresholdDurationSeconds % aggregationWindowSeconds != 0
                || thresholdDurationSeconds > MAX_THRESHOLD_DURATION_SECONDS) {
            throw new IllegalArgumentException("condition '" + name + "': threshold duration " + thresholdDurationSeconds
                    + " s must be a multiple of the aggregation window " + aggregationWindowSeconds + " s and at most 86400 s");
        }
        slideBySeconds.ifPresent(slide -> {
            if (slide >= aggregationWindowSeconds || aggregationWindowSeconds % slide != 0) {
                throw new IllegalArgumentException("condition '" + name + "': slideBy " + slide
                        + " s must be smaller than and a factor of the aggregation window " + aggregationWindowSeconds + " s");
            }
        });
        signalLossSeconds.ifPresent(loss -> {
            if (loss < 30 || loss > MAX_EXPIRATION_SECONDS) {
                throw new IllegalArgumentException("condition '" + name + "': loss of signal after " + loss
                        + " s is outside New Relic's 30..172800 s");
            }
        });
    }
}
