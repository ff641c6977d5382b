package jp.twozeroseven.infra.observability.alerts;

import jp.twozeroseven.infra.observability.slo.BurnRateAlert;
import jp.twozeroseven.infra.observability.slo.SloSpec;

import java.util.Optional;

/**
 * Turns one window of a burn-rate alert ({@link BurnRateAlert}) into a NRQL condition.
 *
 * <p>Windows up to 6 h are evaluated as New Relic's service-level alerts are: the window is the aggregation window,
 * it slides every 60 s, and the incident opens when the error rate is at or above the threshold "at least once in
 * the evaluation period" (docs.newrelic.com/docs/service-level-management/alerts-slm, "Set your condition
 * thresholds" and "Settings"; the provider's service_level_alert_helper example uses at_least_once, above_or_equals,
 * event_flow with delay 120 and slideBy 60). Requiring "all" data points of a sliding window instead needs a second
 * full window of breaching points: a 100 % outage then pages after about an hour (issue 13; the model test
 * StreamingEvaluatorTest shows both).
 *
 * <p>Longer windows (the 1-day and 3-day tickets) cannot be one aggregation window (at most 6 h), so they are
 * approximated: 6 h windows sliding hourly, and the incident opens only when every one of them over the last
 * 18 hours of data points (23 hours of data) is above the threshold. That is not the 1- or 3-day average: one day of
 * steady burn at the 3-day burn rate fires it even when the 3-day average is far below, so it tickets sooner, while
 * a burn that misses one window fires it later or not at all. Acceptable because it only opens a ticket, and a whole
 * day at that pace is a real trend. docs/observability.md, "The 1-day and 3-day windows", has the cases.
 */
public final class BurnRateConditions {

    /** New Relic's slide for service-level alerts (alerts-slm, "Settings"): every minute over the window. */
    public static final int SLIDE_SECONDS = 60;
    /** Long windows are approximated over this much of the most recent data, in data points of 6 h windows. */
    static final int APPROXIMATION_SPAN_SECONDS = 86_400;
    static final int APPROXIMATION_SLIDE_SECONDS = 3_600;
    /**
     * Three days, the provider's service_level_alert_helper example value: a day-long ticket burn is not force-closed
     * while it still burns (issue 13), and a page that outlives it reopens at the next data point.
     */
    public static final int VIOLATION_TIME_LIMIT_SECONDS = 259_200;

    private BurnRateConditions() {
    }

    public static NrqlConditionSpec of(BurnRateAlert alert) {
        double threshold = rounded(alert.thresholdPercent());
        if (alert.fitsOneAggregationWindow()) {
            int window = alert.windowSeconds();
            return new NrqlConditionSpec(alert.name(), alert.nrql(), "above_or_equals", threshold, window,
                    Optional.of(SLIDE_SECONDS), window, "at_least_once", Optional.empty(), false,
                    Runbooks.SLO_BURN_RATE, VIOLATION_TIME_LIMIT_SECONDS);
        }
        int window = NrqlConditionSpec.MAX_AGGREGATION_WINDOW_SECONDS;
        int duration = Math.min(alert.windowSeconds(), APPROXIMATION_SPAN_SECONDS) - window;
        return new NrqlConditionSpec(alert.name(), alert.nrql(), "above_or_equals", threshold, window,
                Optional.of(APPROXIMATION_SLIDE_SECONDS), duration, "all", Optional.empty(), false,
                Runbooks.SLO_BURN_RATE, VIOLATION_TIME_LIMIT_SECONDS);
    }

    /** The logical-name suffix of {@link #outage}. */
    public static final String OUTAGE = "page-outage";
    /** Half the requests bad: half of the maximum burn rate {@code 1 / (1 − target)} (alerts-slm), for any target. */
    public static final double OUTAGE_BAD_PERCENT = 50;
    static final int OUTAGE_WINDOW_SECONDS = 300;

    /**
     * A full outage pages within minutes whatever the objective. The 1-hour window of page-fast needs the outage to
     * have spent 2 % of the budget before it breaches: threshold × 1 h of 100 % errors, 48 s at 99.9 % but 4 min at
     * 99.5 %, plus the 2-minute aggregation delay (the time-to-page table in docs/slo.md). This condition pages when at
     * least half of the SLI's valid events were bad over 5 minutes (sliding every minute, at least once): a full
     * outage is seen when its first 3 minutes are in the window, 5 minutes after it started.
     */
    public static NrqlConditionSpec outage(SloSpec spec, String sli, String nrql) {
        return new NrqlConditionSpec(spec.service() + " " + sli + " SLO outage (half of the requests bad over 5m)", nrql,
                "above_or_equals", OUTAGE_BAD_PERCENT, OUTAGE_WINDOW_SECONDS, Optional.of(SLIDE_SECONDS),
                OUTAGE_WINDOW_SECONDS, "at_least_once", Optional.empty(), false, Runbooks.SLO_BURN_RATE,
                VIOLATION_TIME_LIMIT_SECONDS);
    }

    /** Six decimals: 100 − 99.9 is 0.0999…94 in binary floating point, which no one should read in an alert. */
    static double rounded(double thresholdPercent) {
        return java.math.BigDecimal.valueOf(thresholdPercent).setScale(6, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** A readable summary for condition names, e.g. "1h/5m at 13.44x". */
    public static String describe(jp.twozeroseven.infra.observability.slo.BurnRateWindow window,
                                  jp.twozeroseven.infra.observability.slo.SloSpec spec) {
        return human(window.longWindow()) + "/" + human(window.shortWindow()) + " at "
                + java.math.BigDecimal.valueOf(window.burnRate(spec)).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "x";
    }

    private static String human(java.time.Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return d.toDays() + "d";
        }
        return d.toHours() > 0 && d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
