package jp.twozeroseven.infra.observability.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.settings.SloKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceDashboardTest {

    private static final SloSpec API = SloSpec.of("api", "api-prod", 99.9, 0.5);
    private static final List<ServiceDashboard.SloWidget> TODAYS_TWO = List.of(
            new ServiceDashboard.SloWidget("success", SloKind.SUCCESS, API, true),
            new ServiceDashboard.SloWidget("latency", SloKind.LATENCY, API, false));

    @Test
    void budgetLeftDividesByTheErrorBudget() {
        assertThat(ServiceDashboard.budgetLeftNrql(API, "GUIDs", true)).isEqualTo(
                "SELECT 100 - (100 - (100 - clamp_max(sum(newrelic.sli.bad) / sum(newrelic.sli.valid) * 100, 100)))"
                        + " / 0.1 * 100 AS 'error budget left %' FROM Metric WHERE sli.guid = 'GUIDs'"
                        + " SINCE 28 days ago");
        assertThat(ServiceDashboard.attainmentNrql(API, "GUIDl", false)).isEqualTo(
                "SELECT clamp_max(sum(newrelic.sli.good) / sum(newrelic.sli.valid) * 100, 100) AS 'attainment %'"
                        + " FROM Metric WHERE sli.guid = 'GUIDl' SINCE 28 days ago");
    }

    @Test
    void dashboardHasSloAttainmentBudgetAndGoldenSignals() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ServiceDashboard.json("api SLOs", 3456789, API, TODAYS_TWO,
                List.of("GUIDs", "GUIDl"), "GUIDapm"));
        JsonNode widgets = json.path("pages").get(0).path("widgets");
        assertThat(json.path("name").asText()).isEqualTo("api SLOs");
        assertThat(widgets).hasSize(8);
        assertThat(widgets.findValuesAsText("title")).contains("Success error budget left", "Latency error budget left",
                "Error rate %", "p95 latency (s)", "Throughput (rpm)");
        assertThat(widgets.get(0).path("rawConfiguration").path("nrqlQueries").get(0).path("accountIds").get(0).asLong())
                .isEqualTo(3456789L);
        assertThat(widgets.get(6).path("rawConfiguration").path("nrqlQueries").get(0).path("query").asText())
                .endsWith("FROM Transaction WHERE appName = 'api-prod' SINCE 1 day ago TIMESERIES");
        assertThat(widgets.get(2).path("rawConfiguration").path("nrqlQueries").get(0).path("query").asText())
                .contains("sli.guid = 'GUIDl'");
        // the deploy markers of the APM entity
        assertThat(widgets.get(7).path("title").asText()).isEqualTo("Deployments (CodeDeploy, last 7 days)");
        assertThat(widgets.get(7).path("rawConfiguration").path("nrqlQueries").get(0).path("query").asText())
                .isEqualTo("SELECT timestamp, version, description FROM Deployment WHERE entity.guid = 'GUIDapm'"
                        + " SINCE 7 days ago LIMIT 20");
    }

    @Test
    void aServiceWithoutApmSloStartsWithTheGoldenSignalsAndGuidsMustMatchTheSlos() throws Exception {
        JsonNode widgets = new ObjectMapper().readTree(ServiceDashboard.json("edge SLOs", 1, API, List.of(), List.of(),
                "GUIDapm")).path("pages").get(0).path("widgets");
        assertThat(widgets).hasSize(4);
        assertThat(widgets.get(0).path("layout").path("row").asInt()).isEqualTo(1);
        assertThat(widgets.get(3).path("layout").path("row").asInt()).isEqualTo(4);
        assertThatThrownBy(() -> ServiceDashboard.json("api SLOs", 1, API, TODAYS_TWO, List.of("GUIDs"), "GUIDapm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 SLOs but 1 sliGuids");
    }
}
