package jp.twozeroseven.infra.observability.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloNrqlTest {

    private final SloSpec spec = SloSpec.of("delivery-api", "delivery-api-prod", 99.9, 0.5);

    @Test
    void successSliCountsServerErrorsOfUsersRequestsAsBadAndLeavesHealthChecksOut() {
        var events = SliQueries.success(spec.withProbePaths(List.of("/health")));
        String users = "appName = 'delivery-api-prod' AND transactionType = 'Web' AND request.uri NOT IN ('/health')";
        assertThat(events.valid()).isEqualTo(new EventQuery("Transaction", users));
        assertThat(events.good()).isEmpty();
        // 5xx only: a 4xx is the client's request refused, not the service failing
        assertThat(events.bad()).contains(new EventQuery("Transaction", users + " AND http.statusCode >= 500"));
        assertThat(events.countsBadEvents()).isTrue();
        assertThat(SliQueries.latency(spec.withProbePaths(List.of("/health", "/ready"))).valid().where())
            .endsWith("request.uri NOT IN ('/health', '/ready')");
    }

    @Test
    void latencySliCountsFastWebTransactionsAsGood() {
        var events = SliQueries.latency(SloSpec.of("delivery-api", "delivery-api-prod", 99.0, 0.25));

        assertThat(events.valid().where()).isEqualTo("appName = 'delivery-api-prod' AND transactionType = 'Web'");
        assertThat(events.good()).contains(new EventQuery("Transaction",
            "appName = 'delivery-api-prod' AND transactionType = 'Web' AND duration < 0.25"));
        assertThat(events.countsBadEvents()).isFalse();
    }

    @Test
    void wholeSecondThresholdHasNoExponentOrTrailingZero() {
        var events = SliQueries.latency(SloSpec.of("svc", "app", 99.0, 2.0));

        assertThat(events.good().orElseThrow().where()).endsWith("duration < 2");
    }

    @Test
    void quotesInAppNamesCannotEscapeTheLiteral() {
        var events = SliQueries.success(SloSpec.of("svc", "o'brien\\app", 99.0, 1));

        assertThat(events.valid().where()).isEqualTo("appName = 'o\\'brien\\\\app' AND transactionType = 'Web'");
        assertThat(SliQueries.success(SloSpec.of("svc", "a", 99.0, 1).withProbePaths(List.of("/it's"))).valid().where())
            .endsWith("NOT IN ('/it\\'s')");
    }

    @Test
    void sliEventsNeedExactlyGoodOrBad() {
        var valid = new EventQuery("Transaction", "true");
        assertThatThrownBy(() -> new SliEvents(valid, Optional.empty(), Optional.empty())).hasMessageContaining("either good or bad");
        assertThatThrownBy(() -> new SliEvents(valid, Optional.of(valid), Optional.of(valid))).hasMessageContaining("either good or bad");
    }

    @Test
    void badEventBurnRateQueryReadsTheSliMetricsOfOneGuid() {
        assertThat(BurnRateNrql.errorRatePercent("MXxTTE18U0xJfDEyMw==", true)).isEqualTo(
            "SELECT clamp_max(sum(newrelic.sli.bad) / sum(newrelic.sli.valid) * 100, 100) AS 'error rate %' "
                + "FROM Metric WHERE sli.guid = 'MXxTTE18U0xJfDEyMw=='");
    }

    @Test
    void goodEventBurnRateQueryInvertsTheGoodShare() {
        assertThat(BurnRateNrql.errorRatePercent("ABC", false)).isEqualTo(
            "SELECT 100 - clamp_max(sum(newrelic.sli.good) / sum(newrelic.sli.valid) * 100, 100) AS 'error rate %' "
                + "FROM Metric WHERE sli.guid = 'ABC'");
    }

    @Test
    void rejectsSomethingThatIsNotAGuid() {
        assertThatThrownBy(() -> BurnRateNrql.errorRatePercent("x' OR true OR '", true))
            .hasMessageContaining("not an entity GUID").hasMessageContaining("sliGuid()");
    }

    @Test
    void alertsPairLongAndShortWindowsWithTheComputedThreshold() {
        var alerts = BurnRateNrql.alerts(spec, "success", "GUID", true, List.of(BurnRateWindows.PAGE_FAST, BurnRateWindows.TICKET_SLOW));

        assertThat(alerts).extracting(BurnRateAlert::name, BurnRateAlert::windowSeconds)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("delivery-api success page-fast long", 3600),
                org.assertj.core.groups.Tuple.tuple("delivery-api success page-fast short", 300),
                org.assertj.core.groups.Tuple.tuple("delivery-api success ticket-slow long", 259200),
                org.assertj.core.groups.Tuple.tuple("delivery-api success ticket-slow short", 21600));
        assertThat(alerts.get(0).thresholdPercent()).isCloseTo(1.344, within(1e-9));
        assertThat(alerts.get(1).thresholdPercent()).isCloseTo(1.344, within(1e-9));
        assertThat(alerts.get(2).severity()).isEqualTo(AlertSeverity.TICKET);
        assertThat(alerts).extracting(BurnRateAlert::fitsOneAggregationWindow).containsExactly(true, true, false, true);
        assertThat(alerts).allSatisfy(a -> assertThat(a.nrql()).contains("newrelic.sli.bad").contains("'GUID'"));
    }

    @Test
    void goldenSignalsReadTheSameUserRequestsAsTheSlis() {
        var probed = spec.withProbePaths(List.of("/health"));
        String users = "appName = 'delivery-api-prod' AND transactionType = 'Web' AND request.uri NOT IN ('/health')";
        assertThat(GoldenSignalNrql.errorRatePercent(probed)).isEqualTo(
            "SELECT percentage(count(*), WHERE http.statusCode >= 500) AS 'error rate %' FROM Transaction WHERE " + users);
        assertThat(GoldenSignalNrql.p95LatencySeconds(probed)).isEqualTo(
            "SELECT percentile(duration, 95) AS 'p95 s' FROM Transaction WHERE " + users);
        assertThat(GoldenSignalNrql.throughputPerMinute(probed)).isEqualTo(
            "SELECT filter(rate(count(*), 1 minute), WHERE " + users + ") AS 'rpm' FROM Transaction WHERE appName = 'delivery-api-prod'");
        assertThat(GoldenSignalNrql.anyTransactionPerMinute(probed)).isEqualTo(
            "SELECT rate(count(*), 1 minute) AS 'rpm' FROM Transaction WHERE appName = 'delivery-api-prod'");
    }
}
