package jp.twozeroseven.infra.observability.slo;

import java.time.Duration;
import java.util.List;

/**
 * The SRE workbook's multiwindow, multi-burn-rate alerts (chapter 5, table 5-8), with the budget
 * shares kept and the burn rates re-derived for our 28-day period instead of the book's 30 days.
 */
public final class BurnRateWindows {

    public static final BurnRateWindow PAGE_FAST =
        new BurnRateWindow("page-fast", AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2.0);
    public static final BurnRateWindow PAGE_MEDIUM =
        new BurnRateWindow("page-medium", AlertSeverity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 5.0);
    /**
     * The 3-day window exceeds New Relic's 6 h aggregation cap, so the alert wiring approximates it with "every 6 h
     * window of the last day above the 3-day threshold" (BurnRateConditions.of). That approximation is more
     * sensitive than the 3-day average for day-long burns (it tickets sooner), less for intermittent ones; fine for
     * a ticket. See docs/observability.md, "The 3-day window".
     */
    public static final BurnRateWindow TICKET_SLOW =
        new BurnRateWindow("ticket-slow", AlertSeverity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 10.0);

    private BurnRateWindows() {}

    /** Fast page, medium page, slow ticket, in that order. */
    public static List<BurnRateWindow> sreWorkbook() {
        return List.of(PAGE_FAST, PAGE_MEDIUM, TICKET_SLOW);
    }
}
