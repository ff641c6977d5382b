package jp.twozeroseven.infra.observability.alerts;

import jp.twozeroseven.infra.observability.slo.BurnRateAlert;

import java.util.Optional;

/**
 * Turns one window of a burn-rate alert ({@link BurnRateAlert}) into a NRQL condition. Windows up to 6 h are
 * evaluated directly, sliding every twelfth of the window so a burn is seen within minutes. A longer window (the
 * 3-day ticket window) cannot be one aggregation window in New Relic, so it is approximated: 6 h tumbling
 * windows, and the incident opens only when every one of them over the last day is above the 3-day threshold.
 * That is NOT the 3-day average: one day of steady burn at the 3-day burn rate fires it even when the 3-day
 * average is far below (after two clean days, about a third of it), so it usually tickets sooner, while a burn that
 * misses one 6 h window of the day (intermittent, or strong but shorter than a day) fires it later or not at
 * all. Acceptable because it only opens a ticket, and a whole day at that pace is a real trend (it would spend
 * 93 % of the 28-day budget). docs/observability.md, "The 3-day window", has the cases.
 */
public final class BurnRateConditions {

    private BurnRateConditions() {
    }

    public static NrqlConditionSpec of(BurnRateAlert alert) {
        double threshold = rounded(alert.thresholdPercent());
        if (alert.fitsOneAggregationWindow()) {
            int window = alert.windowSeconds();
            Optional<Integer> slide = window > 300 ? Optional.of(window / 12) : Optional.empty();
            return new NrqlConditionSpec(alert.name(), alert.nrql(), "above", threshold, window, slide,
                    window, "all", Optional.empty(), false, Runbooks.SLO_BURN_RATE);
        }
        int window = NrqlConditionSpec.MAX_AGGREGATION_WINDOW_SECONDS;
        int duration = Math.min(alert.windowSeconds(), NrqlConditionSpec.MAX_THRESHOLD_DURATION_SECONDS) / window * window;
        return new NrqlConditionSpec(alert.name(), alert.nrql(), "above", threshold, window,
                Optional.empty(), duration, "all", Optional.empty(), false, Runbooks.SLO_BURN_RATE);
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
