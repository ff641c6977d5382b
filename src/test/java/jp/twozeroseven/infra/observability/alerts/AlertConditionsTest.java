package jp.twozeroseven.infra.observability.alerts;

import jp.twozeroseven.infra.observability.slo.BurnRateAlert;
import jp.twozeroseven.infra.observability.slo.BurnRateNrql;
import jp.twozeroseven.infra.observability.slo.BurnRateWindows;
import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.settings.ObservabilityGoldenSignals;
import jp.twozeroseven.infra.settings.ObservabilityHeartbeat;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertConditionsTest {

    private static final String GUID = "MXxTTEl8MTIzNA==";
    private static final SloSpec API = SloSpec.of("api", "api-prod", 99.9, 0.5);

    private static List<NrqlConditionSpec> burnRate(SloSpec spec) {
        return BurnRateNrql.alerts(spec, "success", GUID, true, BurnRateWindows.sreWorkbook()).stream()
                .map(BurnRateConditions::of).toList();
    }

    @Test
    void pageFastAt999IsOneHourAndFiveMinutesAtOrAbove1344PercentAtLeastOnceSlidingEveryMinute() {
        List<NrqlConditionSpec> c = burnRate(API);
        // 0.1 % budget × (0.02 × 672 h / 1 h) = 1.344 %; alerts-slm: "above the threshold (1.344), at least once in
        // the evaluation period (60 minutes)", "a 60 seconds slide by interval"
        assertThat(c.get(0).threshold()).isEqualTo(1.344);
        assertThat(c.get(0).operator()).isEqualTo("above_or_equals");
        assertThat(c.get(0).aggregationWindowSeconds()).isEqualTo(3600);
        assertThat(c.get(0).slideBySeconds()).contains(60);
        assertThat(c.get(0).thresholdDurationSeconds()).isEqualTo(3600);
        assertThat(c.get(0).thresholdOccurrences()).isEqualTo("at_least_once");
        assertThat(c.get(1).threshold()).isEqualTo(1.344);
        assertThat(c.get(1).aggregationWindowSeconds()).isEqualTo(300);
        assertThat(c.get(1).slideBySeconds()).contains(60);
        assertThat(c.get(1).thresholdOccurrences()).isEqualTo("at_least_once");
        assertThat(c.get(0).nrql()).isEqualTo("SELECT clamp_max(sum(newrelic.sli.bad) / sum(newrelic.sli.valid) * 100, 100)"
                + " AS 'error rate %' FROM Metric WHERE sli.guid = '" + GUID + "'");
        assertThat(c.get(0).runbook()).isEqualTo(Runbooks.SLO_BURN_RATE);
        assertThat(c.get(0).violationTimeLimitSeconds()).isEqualTo(259_200);
    }

    @Test
    void pageMediumAt999IsSixHoursAndThirtyMinutesAtOrAbove056Percent() {
        List<NrqlConditionSpec> c = burnRate(API);
        // 0.1 × (0.05 × 672 / 6) = 0.56
        assertThat(c.get(2).threshold()).isEqualTo(0.56);
        assertThat(c.get(2).aggregationWindowSeconds()).isEqualTo(21_600);
        assertThat(c.get(2).slideBySeconds()).contains(60);
        assertThat(c.get(3).aggregationWindowSeconds()).isEqualTo(1800);
        assertThat(c.get(3).slideBySeconds()).contains(60);
        assertThat(c.subList(0, 4)).extracting(NrqlConditionSpec::thresholdOccurrences).containsOnly("at_least_once");
    }

    @Test
    void theOneDayAndThreeDayTicketWindowsAreApproximatedByEveryHourlySixHourWindowOf23Hours() {
        List<NrqlConditionSpec> c = burnRate(API);
        // ticket-medium: 0.1 × (0.10 × 672 / 24) = 0.28; ticket-slow: 0.1 × (0.10 × 672 / 72) = 0.093333…
        assertThat(c.get(4).threshold()).isEqualTo(0.28);
        assertThat(c.get(6).threshold()).isEqualTo(0.093333);
        for (NrqlConditionSpec approx : List.of(c.get(4), c.get(6))) {
            assertThat(approx.aggregationWindowSeconds()).isEqualTo(21_600);
            assertThat(approx.slideBySeconds()).contains(3600);
            assertThat(approx.thresholdDurationSeconds()).isEqualTo(64_800);
            assertThat(approx.thresholdOccurrences()).isEqualTo("all");
        }
        // the short windows (2 h, 6 h) fit directly, at least once
        assertThat(c.get(5).aggregationWindowSeconds()).isEqualTo(7_200);
        assertThat(c.get(7).aggregationWindowSeconds()).isEqualTo(21_600);
        assertThat(c.get(7).thresholdOccurrences()).isEqualTo("at_least_once");
    }

    @Test
    void thresholdsFollowTheObjective() {
        // 99.5 %: budget 0.5 → page-fast 0.5 × 13.44 = 6.72, page-medium 0.5 × 5.6 = 2.8, ticket-medium 1.4
        List<NrqlConditionSpec> c = burnRate(SloSpec.of("web", "web-prod", 99.5, 1.0));
        assertThat(c.get(0).threshold()).isEqualTo(6.72);
        assertThat(c.get(2).threshold()).isEqualTo(2.8);
        assertThat(c.get(4).threshold()).isEqualTo(1.4);
        assertThat(c.get(6).threshold()).isEqualTo(0.466667);
        assertThat(BurnRateConditions.describe(BurnRateWindows.PAGE_FAST, API)).isEqualTo("1h/5m at 13.44x");
        assertThat(BurnRateConditions.describe(BurnRateWindows.TICKET_MEDIUM, API)).isEqualTo("1d/2h at 2.8x");
        assertThat(BurnRateConditions.describe(BurnRateWindows.TICKET_SLOW, API)).isEqualTo("3d/6h at 0.93x");
    }

    @Test
    void theOutageConditionPagesOnHalfTheRequestsBadOverFiveMinutes() {
        NrqlConditionSpec outage = BurnRateConditions.outage(API, "success", "q");
        assertThat(outage.threshold()).isEqualTo(50);
        assertThat(outage.aggregationWindowSeconds()).isEqualTo(300);
        assertThat(outage.slideBySeconds()).contains(60);
        assertThat(outage.thresholdOccurrences()).isEqualTo("at_least_once");
    }

    @Test
    void goldenSignalsUseTheSpecThresholdsAndLossOfSignalOpensAfterTheConfiguredMinutes() {
        var thresholds = new ObservabilityGoldenSignals(2, 1.2, 5, 10);
        List<NrqlConditionSpec> tickets = GoldenSignalConditions.tickets(API, thresholds);
        assertThat(tickets).extracting(NrqlConditionSpec::name)
                .containsExactly("api error rate", "api p95 latency", "api throughput drop");
        assertThat(tickets).extracting(NrqlConditionSpec::operator).containsExactly("above", "above", "below");
        assertThat(tickets).extracting(NrqlConditionSpec::threshold).containsExactly(2.0, 1.2, 5.0);
        assertThat(tickets).extracting(NrqlConditionSpec::runbook)
                .containsExactly(Runbooks.ERROR_RATE, Runbooks.P95_LATENCY, Runbooks.THROUGHPUT_DROP);
        assertThat(tickets.get(1).nrql()).isEqualTo("SELECT percentile(duration, 95) AS 'p95 s' FROM Transaction"
                + " WHERE appName = 'api-prod' AND transactionType = 'Web'");
        NrqlConditionSpec lost = GoldenSignalConditions.lossOfSignal(API, thresholds);
        assertThat(lost.signalLossSeconds()).contains(600);
        assertThat(lost.runbook()).isEqualTo(Runbooks.LOSS_OF_SIGNAL);
    }

    @Test
    void heartbeatCountsTheChecksThatSayMissedOneCheckPerWindow() {
        var heartbeat = new ObservabilityHeartbeat(LocalTime.of(1, 0), LocalTime.of(6, 0));
        NrqlConditionSpec spec = HeartbeatCondition.of("prod", heartbeat);
        assertThat(spec.nrql()).isEqualTo("SELECT filter(count(*), WHERE pastDeadline = 1 AND succeededSinceStart = 0)"
                + " FROM EtlHeartbeatCheck WHERE stack = 'prod'");
        assertThat(spec.operator()).isEqualTo("above");
        assertThat(spec.threshold()).isZero();
        // one data point per check: window and duration are the checker's cadence
        assertThat(spec.aggregationWindowSeconds()).isEqualTo(900);
        assertThat(spec.thresholdDurationSeconds()).isEqualTo(900);
        assertThat(spec.slideBySeconds()).isEmpty();
        // three missing checks: the checker itself is broken
        assertThat(spec.signalLossSeconds()).contains(2700);
        assertThat(spec.violationTimeLimitSeconds()).isEqualTo(NrqlConditionSpec.MAX_VIOLATION_TIME_LIMIT_SECONDS);
        assertThat(spec.sparseEvents()).isTrue();
        assertThat(spec.name()).contains("06:00");
        assertThat(HeartbeatCondition.nrql("it's")).endsWith("stack = 'it\\'s'");
    }

    private static final Runbooks R = Runbooks.ERROR_RATE;

    @Test
    void conditionSpecRejectsWhatNewRelicRejects() {
        assertThatThrownBy(() -> new NrqlConditionSpec("x", "q", "above", 1, 86_400, Optional.empty(), 86_400, "all",
                Optional.empty(), false, R)).hasMessageContaining("30..21600");
        assertThatThrownBy(() -> new NrqlConditionSpec("x", "q", "above", 1, 3600, Optional.empty(), 5400, "all",
                Optional.empty(), false, R)).hasMessageContaining("multiple of the aggregation window");
        // with sliding windows the duration is a multiple of the slide (the provider's helper example: 5400/60/900)
        assertThat(new NrqlConditionSpec("x", "q", "above_or_equals", 1, 5400, Optional.of(60), 900, "at_least_once",
                Optional.empty(), false, R).thresholdDurationSeconds()).isEqualTo(900);
        assertThatThrownBy(() -> new NrqlConditionSpec("x", "q", "above", 1, 3600, Optional.of(60), 3600, "any",
                Optional.empty(), false, R)).hasMessageContaining("all or at_least_once");
        assertThatThrownBy(() -> new NrqlConditionSpec("x", "q", "above", 1, 3600, Optional.empty(), 3600, "all",
                Optional.empty(), false, R, 100)).hasMessageContaining("300..2592000");
        assertThatThrownBy(() -> new NrqlConditionSpec("x", "q", "above", 1, 3600, Optional.of(700), 3600, "all",
                Optional.empty(), false, R)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new NrqlConditionSpec("x", "q", "equals", 1, 3600, Optional.empty(), 3600, "all",
                Optional.empty(), false, R)).hasMessageContaining("above, above_or_equals or below");
        assertThatThrownBy(() -> new NrqlConditionSpec("x", "q", "below", 1, 3600, Optional.empty(), 3600, "all",
                Optional.of(200_000), false, R)).hasMessageContaining("172800");
    }

    @Test
    void everyBurnRateAlertOfTheWorkbookBecomesAValidCondition() {
        List<BurnRateAlert> alerts = BurnRateNrql.alerts(API, "latency", GUID, false, BurnRateWindows.sreWorkbook());
        assertThat(alerts).hasSize(8);
        assertThat(alerts.stream().map(BurnRateConditions::of)).allSatisfy(c ->
                assertThat(c.nrql()).startsWith("SELECT 100 - clamp_max(sum(newrelic.sli.good)"));
    }
}
