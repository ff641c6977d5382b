package jp.twozeroseven.infra.observability.slo;

/**
 * One NRQL alert condition of a multiwindow burn-rate alert. A burn-rate alert is two of these,
 * the long and the short window, combined with AND (e.g. in an AlertCompoundCondition).
 *
 * @param name             condition name, e.g. "delivery-api success page-fast long"
 * @param severity         PAGE or TICKET
 * @param nrql             the query over newrelic.sli.* metrics, yielding the error rate in percent
 * @param windowSeconds    the sliding aggregation window this query must be evaluated over
 * @param thresholdPercent fire when the error rate is at or above this value
 */
public record BurnRateAlert(String name, AlertSeverity severity, String nrql, int windowSeconds, double thresholdPercent) {

    /** New Relic's upper bound for a NRQL condition's aggregation_window (6 hours), per the 5.77.0 schema docs. */
    public static final int MAX_AGGREGATION_WINDOW_SECONDS = 21_600;

    /**
     * Whether one NRQL condition can evaluate this window directly as its aggregation window.
     * False for the 3-day ticket window: the caller must approximate it (see docs/slo.md).
     */
    public boolean fitsOneAggregationWindow() {
        return windowSeconds <= MAX_AGGREGATION_WINDOW_SECONDS;
    }
}
