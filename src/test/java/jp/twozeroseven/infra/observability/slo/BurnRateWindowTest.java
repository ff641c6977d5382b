package jp.twozeroseven.infra.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BurnRateWindowTest {

    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-9);
    private final SloSpec api999 = SloSpec.of("delivery-api", "delivery-api-prod", 99.9, 0.5);

    // Hand-computed: 28 d = 672 h.
    @Test
    void pageFastBurnsFourteenTimesBudgetRateOverTwentyEightDays() {
        // 0.02 × 672 / 1 = 13.44
        assertThat(BurnRateWindows.PAGE_FAST.burnRate(api999)).isCloseTo(13.44, EPS);
        // 0.1 × 13.44 = 1.344
        assertThat(BurnRateWindows.PAGE_FAST.errorRateThresholdPercent(api999)).isCloseTo(1.344, EPS);
    }

    @Test
    void pageMediumBurnRate() {
        // 0.05 × 672 / 6 = 5.6 ; 0.1 × 5.6 = 0.56
        assertThat(BurnRateWindows.PAGE_MEDIUM.burnRate(api999)).isCloseTo(5.6, EPS);
        assertThat(BurnRateWindows.PAGE_MEDIUM.errorRateThresholdPercent(api999)).isCloseTo(0.56, EPS);
    }

    @Test
    void ticketMediumBurnsTenPercentOfTheBudgetInADay() {
        // Sloth's 3x over 1d for 30 days; 0.10 × 672 / 24 = 2.8 ; 0.1 × 2.8 = 0.28
        assertThat(BurnRateWindows.TICKET_MEDIUM.burnRate(api999)).isCloseTo(2.8, EPS);
        assertThat(BurnRateWindows.TICKET_MEDIUM.errorRateThresholdPercent(api999)).isCloseTo(0.28, EPS);
    }

    @Test
    void ticketSlowBurnRateIsBelowOne() {
        // 0.10 × 672 / 72 = 0.9333… ; 0.1 × 0.9333… = 0.09333…
        assertThat(BurnRateWindows.TICKET_SLOW.burnRate(api999)).isCloseTo(28.0 / 30.0, EPS);
        assertThat(BurnRateWindows.TICKET_SLOW.errorRateThresholdPercent(api999)).isCloseTo(2.8 / 30.0, EPS);
    }

    @Test
    void thresholdScalesWithTheErrorBudget() {
        var api99 = SloSpec.of("delivery-api", "delivery-api-prod", 99.0, 0.5);
        // (100 − 99) × 13.44 = 13.44
        assertThat(BurnRateWindows.PAGE_FAST.errorRateThresholdPercent(api99)).isCloseTo(13.44, EPS);
    }

    @Test
    void sevenDayPeriodGivesTheSmallerBurnRate() {
        var weekly = new SloSpec("delivery-api", "delivery-api-prod", 99.5, 0.5, 7);
        // 0.02 × 168 / 1 = 3.36 ; 0.5 × 3.36 = 1.68
        assertThat(BurnRateWindows.PAGE_FAST.burnRate(weekly)).isCloseTo(3.36, EPS);
        assertThat(BurnRateWindows.PAGE_FAST.errorRateThresholdPercent(weekly)).isCloseTo(1.68, EPS);
    }

    @Test
    void windowsAreTheWorkbookOnes() {
        assertThat(BurnRateWindows.sreWorkbook()).extracting(BurnRateWindow::name, BurnRateWindow::severity,
                BurnRateWindow::longWindow, BurnRateWindow::shortWindow, BurnRateWindow::budgetConsumedPercent)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("page-fast", AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2.0),
                org.assertj.core.groups.Tuple.tuple("page-medium", AlertSeverity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 5.0),
                org.assertj.core.groups.Tuple.tuple("ticket-medium", AlertSeverity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 10.0),
                org.assertj.core.groups.Tuple.tuple("ticket-slow", AlertSeverity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 10.0));
    }

    @Test
    void rejectsShortWindowNotShorterThanLong() {
        assertThatThrownBy(() -> new BurnRateWindow("x", AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofHours(1), 2))
            .hasMessageContaining("'x'").hasMessageContaining("shorter");
    }

    @Test
    void rejectsBudgetShareOutsideRange() {
        assertThatThrownBy(() -> new BurnRateWindow("x", AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0))
            .hasMessageContaining("budgetConsumedPercent is 0.0");
    }
}
