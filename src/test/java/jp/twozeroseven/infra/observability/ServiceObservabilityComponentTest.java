package jp.twozeroseven.infra.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.settings.BurnAlertMode;
import jp.twozeroseven.infra.settings.ObservabilityGoldenSignals;
import jp.twozeroseven.infra.settings.ObservabilityRegion;
import jp.twozeroseven.infra.synth.OfflineMocks;
import jp.twozeroseven.infra.synth.PulumiTestEngine;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServiceObservability} on its own, under the Pulumi test engine, from props alone (no stack file): the
 * resources follow the SLO list, for a service with one SLO and for one with a third APM SLO next to today's.
 */
class ServiceObservabilityComponentTest {

    private static final String SERVICE_LEVEL = "newrelic:index/serviceLevel:ServiceLevel";
    private static final String COMPOUND = "newrelic:index/alertCompoundCondition:AlertCompoundCondition";
    private static final String NRQL = "newrelic:index/nrqlAlertCondition:NrqlAlertCondition";
    private static final String MONITOR = "newrelic:synthetics/monitor:Monitor";
    private static final String DASHBOARD = "newrelic:index/oneDashboardJson:OneDashboardJson";
    private static final ObservabilityGoldenSignals GOLDEN = new ObservabilityGoldenSignals(2, 1.2, 5, 10);

    @Test
    void aServiceWithOneSuccessSloGetsOneServiceLevelItsBurnAlertsAndNoMonitor() throws Exception {
        ObservedService orders = new ObservedService("orders", "orders-prod", List.of("/up"), Optional.empty(),
                Optional.empty());
        List<SynthesizedResource> resources = run(orders, List.of(SloProps.success("success", 99.5, 28)));

        assertThat(ofType(resources, SERVICE_LEVEL)).extracting(SynthesizedResource::name)
                .containsExactly("orders-slo-success");
        assertThat(ofType(resources, COMPOUND)).extracting(SynthesizedResource::name).containsExactlyInAnyOrder(
                "orders-success-page-fast", "orders-success-page-medium", "orders-success-ticket-medium",
                "orders-success-ticket-slow");
        // 8 windows + the outage page + error rate, p95, throughput drop, loss of signal
        assertThat(ofType(resources, NRQL)).hasSize(13);
        assertThat(ofType(resources, MONITOR)).isEmpty();
        assertThat(ofType(resources, SERVICE_LEVEL).get(0).inputs().path("events").path("badEvents").path("where")
                .asText()).isEqualTo("appName = 'orders-prod' AND transactionType = 'Web' AND request.uri NOT IN "
                + "('/up') AND http.statusCode >= 500");
        JsonNode widgets = dashboardWidgets(resources);
        assertThat(widgets.findValuesAsText("title")).containsExactly("Success SLO attainment (objective 99.5 %)",
                "Success error budget left", "Error rate %", "p95 latency (s)", "Throughput (rpm)",
                "Deployments (CodeDeploy, last 7 days)");
        assertThat(widgets.get(2).path("layout").path("row").asInt()).isEqualTo(4);
    }

    /**
     * A worker (docs/workers.md): its SLIs count its background transactions (New Relic's transactionType 'Other')
     * and a failed job is one the agent marked as an error; no synthetic check (WorkerSettingsTest: an availability
     * SLO on a worker is refused at the edge).
     */
    @Test
    void aWorkersSlosCountItsBackgroundJobsAndItHasNoMonitor() {
        ObservedService jobs = ObservedService.worker("jobs", "jobs-prod");
        List<SynthesizedResource> resources = run(jobs, List.of(SloProps.success("success", 99.5, 28),
                SloProps.latency("latency", 99, 28, 30)));

        assertThat(ofType(resources, SERVICE_LEVEL)).extracting(SynthesizedResource::name)
                .containsExactly("jobs-slo-success", "jobs-slo-latency");
        SynthesizedResource success = ofType(resources, SERVICE_LEVEL).get(0);
        assertThat(success.inputs().path("events").path("validEvents").path("where").asText())
                .isEqualTo("appName = 'jobs-prod' AND transactionType = 'Other'");
        assertThat(success.inputs().path("events").path("badEvents").path("where").asText())
                .isEqualTo("appName = 'jobs-prod' AND transactionType = 'Other' AND error IS true");
        assertThat(success.inputs().path("description").asText()).startsWith("Share of background jobs");
        assertThat(ofType(resources, SERVICE_LEVEL).get(1).inputs().path("events").path("goodEvents").path("where")
                .asText()).isEqualTo("appName = 'jobs-prod' AND transactionType = 'Other' AND duration < 30");
        assertThat(ofType(resources, MONITOR)).isEmpty();
        // The golden-signal error rate reads the same failed jobs.
        assertThat(ofType(resources, NRQL)).extracting(n -> n.inputs().path("nrql").path("query").asText())
                .anyMatch(q -> q.startsWith("SELECT percentage(count(*), WHERE error IS true) AS 'error rate %'"))
                .noneMatch(q -> q.contains("http.statusCode"));
    }

    @Test
    void aThirdApmSloGetsItsOwnServiceLevelAlertsAndDashboardRow() throws Exception {
        ObservedService api = new ObservedService("api", "api-prod", List.of("/health"),
                Optional.of("api.207-delivery.jp"), Optional.of("platform-207-prod-api"));
        List<SynthesizedResource> resources = run(api, List.of(
                SloProps.success("success", 99.9, 28),
                SloProps.latency("latency", 99.9, 28, 0.5),
                SloProps.latency("latency-slow", 99.99, 7, 3.0),
                SloProps.availability("availability", 99.9, 28, "/health", true)));

        assertThat(ofType(resources, SERVICE_LEVEL)).extracting(SynthesizedResource::name).containsExactlyInAnyOrder(
                "api-slo-success", "api-slo-latency", "api-slo-latency-slow", "api-slo-availability");
        assertThat(ofType(resources, COMPOUND)).hasSize(12);
        // 3 APM SLOs x (8 windows + outage) + 4 golden signals + the outside-in outage
        assertThat(ofType(resources, NRQL)).hasSize(32);
        assertThat(ofType(resources, MONITOR)).singleElement().satisfies(m ->
                assertThat(m.inputs().path("uri").asText()).isEqualTo("https://api.207-delivery.jp/health"));

        SynthesizedResource slow = ofType(resources, SERVICE_LEVEL).stream()
                .filter(r -> r.name().equals("api-slo-latency-slow")).findFirst().orElseThrow();
        assertThat(slow.inputs().path("name").asText()).isEqualTo("api-prod latency-slow");
        assertThat(slow.inputs().path("objective").path("target").asDouble()).isEqualTo(99.99);
        assertThat(slow.inputs().path("objective").path("timeWindow").path("rolling").path("count").asInt())
                .isEqualTo(7);
        assertThat(slow.inputs().path("events").path("goodEvents").path("where").asText()).endsWith("duration < 3");
        // 7 days = 168 h: page-fast spends 2 % of the budget in 1 h, burn rate 0.02 x 168 / 1 = 3.36, threshold
        // (100 - 99.99) x 3.36 = 0.0336 % (docs/slo.md, "Burn-rate windows")
        assertThat(ofType(resources, COMPOUND)).filteredOn(c -> c.name().equals("api-latency-slow-page-fast"))
                .singleElement().satisfies(c -> assertThat(c.inputs().path("name").asText())
                        .isEqualTo("api latency-slow SLO burn page-fast (1h/5m at 3.36x)"));
        assertThat(ofType(resources, NRQL)).filteredOn(n -> n.name().equals("api-latency-slow-page-fast-long"))
                .singleElement().satisfies(n -> assertThat(n.inputs().path("critical").path("threshold").asDouble())
                        .isEqualTo(0.0336));

        JsonNode widgets = dashboardWidgets(resources);
        assertThat(widgets.findValuesAsText("title")).startsWith("Success SLO attainment (objective 99.9 %)",
                "Success error budget left", "Latency SLO attainment (< 0.5 s, objective 99.9 %)",
                "Latency error budget left", "Latency-slow SLO attainment (< 3 s, objective 99.99 %)",
                "Latency-slow error budget left", "Error rate %");
        assertThat(widgets.get(4).path("layout").path("row").asInt()).isEqualTo(4);
        assertThat(widgets.get(4).path("layout").path("column").asInt()).isEqualTo(1);
        assertThat(widgets.get(6).path("layout").path("row").asInt()).isEqualTo(7);
        assertThat(widgets.get(4).path("rawConfiguration").path("nrqlQueries").get(0).path("query").asText())
                .endsWith("SINCE 7 days ago");
    }

    private static List<SynthesizedResource> run(ObservedService service, List<SloProps> slos) {
        var run = PulumiTestEngine.run("platform-207", "prod", Map.of(), Set.of(),
                new OfflineMocks("123456789012", "ap-northeast-1"), ctx -> {
                    NewRelicAccount account = new NewRelicAccount(
                            NewRelicProvider.create("3456789", ObservabilityRegion.US, Optional.empty()), "3456789",
                            ObservabilityRegion.US, "platform-207-prod", "prod",
                            "https://github.com/two-zero-seven/infra/blob/main/");
                    new ServiceObservability(service.name(), new ServiceObservabilityProps(account, service, slos,
                            GOLDEN, Optional.empty(), BurnAlertMode.COMPOUND), ComponentResourceOptions.builder().build());
                });
        assertThat(run.exceptions()).isEmpty();
        assertThat(run.errors()).isEmpty();
        return run.resources();
    }

    private static List<SynthesizedResource> ofType(List<SynthesizedResource> resources, String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    private static JsonNode dashboardWidgets(List<SynthesizedResource> resources) throws Exception {
        SynthesizedResource dashboard = ofType(resources, DASHBOARD).get(0);
        return new ObjectMapper().readTree(dashboard.inputs().path("json").asText()).path("pages").get(0)
                .path("widgets");
    }
}
