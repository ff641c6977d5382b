package jp.twozeroseven.infra.observability.alerts;

import java.util.Optional;

/**
 * Everything one NRQL alert condition needs except its policy: a pure value, so tests read thresholds and windows
 * without Pulumi.
 *
 * @param name                     the condition's title in New Relic
 * @param operator                 "above", "above_or_equals" or "below"
 * @param aggregationWindowSeconds the window the query aggregates over (at most 21 600 s in New Relic)
 * @param slideBySeconds           sliding-window step, so a long window is re-evaluated often; empty = tumbling
 * @param thresholdDurationSeconds how long the value must breach before an incident opens
 * @param thresholdOccurrences     "all" (every data point in the duration) or "at_least_once"
 * @param signalLossSeconds        when set: no data for this long opens an incident (loss of signal)
 * @param sparseEvents             true for rare events (one a night): aggregate by timer, not by event flow
 * @param runbook                  the runbook the condition links to
 * @param violationTimeLimitSeconds an open incident is force-closed after this long (300 s .. 30 days)
 */
public record NrqlConditionSpec(String name, String nrql, String operator, double threshold,
                                int aggregationWindowSeconds, Optional<Integer> slideBySeconds,
                                int thresholdDurationSeconds, String thresholdOccurrences,
                                Optional<Integer> signalLossSeconds, boolean sparseEvents, Runbooks runbook,
                                int violationTimeLimitSeconds) {

    /** New Relic's limits, from the 5.77.0 schema docs. */
    public static final int MAX_AGGREGATION_WINDOW_SECONDS = 21_600;
    public static final int MAX_THRESHOLD_DURATION_SECONDS = 86_400;
    public static final int MAX_EXPIRATION_SECONDS = 172_800;
    public static final int MAX_VIOLATION_TIME_LIMIT_SECONDS = 2_592_000;
    /** Incidents of plain conditions close on their own after a day, so a forgotten one does not mute the next. */
    public static final int DEFAULT_VIOLATION_TIME_LIMIT_SECONDS = 86_400;
    private static final java.util.Set<String> OPERATORS = java.util.Set.of("above", "above_or_equals", "below");

    /** A condition with the default violation time limit of one day. */
    public NrqlConditionSpec(String name, String nrql, String operator, double threshold, int aggregationWindowSeconds,
                             Optional<Integer> slideBySeconds, int thresholdDurationSeconds, String thresholdOccurrences,
                             Optional<Integer> signalLossSeconds, boolean sparseEvents, Runbooks runbook) {
        this(name, nrql, operator, threshold, aggregationWindowSeconds, slideBySeconds, thresholdDurationSeconds,
                thresholdOccurrences, signalLossSeconds, sparseEvents, runbook, DEFAULT_VIOLATION_TIME_LIMIT_SECONDS);
    }

    public NrqlConditionSpec {
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("condition '" + name + "': operator must be above, above_or_equals or below, got "
                    + operator);
        }
        withinNewRelicsLimits(name, "aggregation window", aggregationWindowSeconds, 30,
                MAX_AGGREGATION_WINDOW_SECONDS);
        slideBySeconds.ifPresent(slide -> {
            if (slide >= aggregationWindowSeconds || aggregationWindowSeconds % slide != 0) {
                throw new IllegalArgumentException("condition '" + name + "': slideBy " + slide
                        + " s must be smaller than and a factor of the aggregation window " + aggregationWindowSeconds + " s");
            }
        });
        // With sliding windows the data points come every slideBy seconds, and the duration is a multiple of that:
        // the provider's own service_level_alert_helper example (@pulumi/newrelic 5.77.0,
        // getServiceLevelAlertHelper.d.ts) pairs aggregationWindow 5400 with slideBy 60 and thresholdDuration 900.
        int step = slideBySeconds.orElse(aggregationWindowSeconds);
        if (thresholdDurationSeconds % step != 0 || thresholdDurationSeconds > MAX_THRESHOLD_DURATION_SECONDS) {
            throw new IllegalArgumentException("condition '" + name + "': threshold duration " + thresholdDurationSeconds
                    + " s must be a multiple of the " + (slideBySeconds.isPresent() ? "slideBy " : "aggregation window ")
                    + step + " s and at most 86400 s");
        }
        if (!thresholdOccurrences.equals("all") && !thresholdOccurrences.equals("at_least_once")) {
            throw new IllegalArgumentException("condition '" + name + "': thresholdOccurrences must be all or at_least_once, got "
                    + thresholdOccurrences);
        }
        withinNewRelicsLimits(name, "violation time limit", violationTimeLimitSeconds, 300,
                MAX_VIOLATION_TIME_LIMIT_SECONDS);
        signalLossSeconds.ifPresent(loss -> withinNewRelicsLimits(name, "loss of signal after", loss, 30,
                MAX_EXPIRATION_SECONDS));
    }

    /** A duration New Relic accepts from {@code min} to {@code max} seconds, both included. */
    private static void withinNewRelicsLimits(String condition, String what, int seconds, int min, int max) {
        if (seconds < min || seconds > max) {
            throw new IllegalArgumentException("condition '" + condition + "': " + what + " " + seconds
                    + " s is outside New Relic's " + min + ".." + max + " s");
        }
    }
}
