package jp.twozeroseven.infra.observability.slo;

import java.time.Duration;
import java.util.List;

/**
 * Sloth's four multiwindow, multi-burn-rate alerts (the SRE workbook, chapter 5, table 5-8, plus its 1-day ticket):
 * 14.4x over 1h/5m and 6x over 6h/30m page, 3x over 1d/2h and 1x over 3d/6h ticket, for 30 days. The budget shares
 * (2 %, 5 %, 10 %, 10 %) are kept and the burn rates re-derived for our 28-day period: 13.44x, 5.6x, 2.8x, 0.933x.
 */
public final class BurnRateWindows {

    public static final BurnRateWindow PAGE_FAST =
        new BurnRateWindow("page-fast", AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2.0);
    public static final BurnRateWindow PAGE_MEDIUM =
        new BurnRateWindow("page-medium", AlertSeverity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 5.0);
    /** 10 % of the budget in one day (3x for 30 days, 2.8x for 28). Longer than 6 h: approximated like TICKET_SLOW. */
    public static final BurnRateWindow TICKET_MEDIUM =
        new BurnRateWindow("ticket-medium", AlertSeverity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 10.0);
    /**
     * The 3-day window exceeds New Relic's 6 h aggregation cap, so the alert wiring approximates it with "every 6 h
     * window of the last day above the 3-day threshold" (BurnRateConditions.of): every hourly 6 h window of 23 hours above the threshold. That approximation is more
     * sensitive than the 3-day average for day-long burns (it tickets sooner), less for intermittent ones; fine for
     * a ticket. See docs/observability.md, "The 3-day window".
     */
    public static final BurnRateWindow TICKET_SLOW =
        new BurnRateWindow("ticket-slow", AlertSeverity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 10.0);

    private BurnRateWindows() {}

    /** Fast page, medium page, medium ticket, slow ticket, in that order. */
    public static List<BurnRateWindow> sreWorkbook() {
        return List.of(PAGE_FAST, PAGE_MEDIUM, TICKET_MEDIUM, TICKET_SLOW);
    }
}
