package jp.twozeroseven.infra.observability.slo;

import java.time.Duration;

/**
 * One multiwindow burn-rate alert from the SRE workbook: it fires when both the long and the short
 * window burn the budget fast enough that {@code budgetConsumedPercent} of the whole period's
 * budget would be gone within the long window. The short window makes the alert reset quickly
 * once the burn stops.
 */
public record BurnRateWindow(String name, AlertSeverity severity, Duration longWindow, Duration shortWindow, double budgetConsumedPercent) {

    public BurnRateWindow {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Burn-rate window needs a name, e.g. \"page-fast\".");
        }
        if (longWindow.isNegative() || longWindow.isZero() || shortWindow.isNegative() || shortWindow.isZero()) {
            throw new IllegalArgumentException("Burn-rate window '" + name + "': windows must be positive, got long="
                + longWindow + " short=" + shortWindow + ".");
        }
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException("Burn-rate window '" + name + "': short window " + shortWindow
                + " must be shorter than long window " + longWindow + ".");
        }
        if (!(budgetConsumedPercent > 0 && budgetConsumedPercent <= 100)) {
            throw new IllegalArgumentException("Burn-rate window '" + name + "': budgetConsumedPercent is "
                + budgetConsumedPercent + "; it must be in (0, 100].");
        }
    }

    public double longWindowHours() {
        return longWindow.toSeconds() / 3600.0;
    }

    /**
     * How many times faster than "exactly on budget" the error rate must be:
     * {@code budget% / 100 × period_hours / long_window_hours}; 13.44 for 2% of 28 days in 1 hour.
     */
    public double burnRate(SloSpec spec) {
        return budgetConsumedPercent / 100.0 * spec.periodHours() / longWindowHours();
    }

    /**
     * New Relic's alert threshold, an error rate in percent:
     * {@code (100 − target) × (budget% / 100 × period_hours) / window_hours};
     * 1.344 for a 99.9% target, 2% of 28 days, 1-hour window.
     */
    public double errorRateThresholdPercent(SloSpec spec) {
        return spec.errorBudgetPercent() * burnRate(spec);
    }
}
