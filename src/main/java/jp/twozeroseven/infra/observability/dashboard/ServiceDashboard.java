package jp.twozeroseven.infra.observability.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.observability.slo.GoldenSignalNrql;
import jp.twozeroseven.infra.observability.slo.SloSpec;

import java.math.BigDecimal;

/**
 * The dashboard JSON of one service (New Relic's dashboard export format): SLO attainment and error budget left
 * for both SLIs over the SLO period, then the golden signals over the last day.
 */
public final class ServiceDashboard {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMNS = 12;

    private ServiceDashboard() {
    }

    /** Attainment in percent: good share of valid events over the SLO period. */
    public static String attainmentNrql(SloSpec spec, String sliGuid, boolean countsBadEvents) {
        return "SELECT " + goodPercent(countsBadEvents) + " AS 'attainment %' FROM Metric WHERE sli.guid = '"
                + sliGuid + "' SINCE " + spec.periodDays() + " days ago";
    }

    /**
     * Error budget left in percent: {@code 100 − (100 − attainment) / (100 − objective) × 100}; negative once the
     * budget is overspent, which is worth seeing.
     */
    public static String budgetLeftNrql(SloSpec spec, String sliGuid, boolean countsBadEvents) {
        return "SELECT 100 - (100 - " + goodPercent(countsBadEvents) + ") / " + errorBudget(spec)
                + " * 100 AS 'error budget left %' FROM Metric WHERE sli.guid = '" + sliGuid + "' SINCE "
                + spec.periodDays() + " days ago";
    }

    /** 100 − objective in decimal arithmetic: 100 − 99.9 must print as 0.1, not 0.0999…94. */
    static String errorBudget(SloSpec spec) {
        return BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(spec.objectivePercent())).stripTrailingZeros()
                .toPlainString();
    }

    private static String goodPercent(boolean countsBadEvents) {
        return countsBadEvents
                ? "(100 - clamp_max(sum(newrelic.sli.bad) / sum(newrelic.sli.valid) * 100, 100))"
                : "clamp_max(sum(newrelic.sli.good) / sum(newrelic.sli.valid) * 100, 100)";
    }

    /**
     * The deploy markers of the APM entity: change-tracking deployments are stored as {@code Deployment} events
     * (docs.newrelic.com/docs/change-tracking/change-tracking-graphql), one per CodeDeploy deployment that ended.
     */
    public static String deploymentsNrql(String entityGuid) {
        return "SELECT timestamp, version, description FROM Deployment WHERE entity.guid = '" + entityGuid
                + "' SINCE 7 days ago LIMIT 20";
    }

    /** The OneDashboardJson {@code json} input. */
    public static String json(String dashboardName, long accountId, SloSpec spec, String successSliGuid,
                              String latencySliGuid, String entityGuid) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", dashboardName);
        root.put("description", "SLOs and golden signals of " + spec.apmAppName() + " (generated; edit in code)");
        root.put("permissions", "PUBLIC_READ_WRITE");
        ObjectNode page = root.putArray("pages").addObject();
        page.put("name", spec.service());
        ArrayNode widgets = page.putArray("widgets");
        String objective = plain(spec.objectivePercent());
        billboard(widgets, 1, 1, "Success SLO attainment (objective " + objective + " %)", accountId,
                attainmentNrql(spec, successSliGuid, true));
        billboard(widgets, 1, 4, "Success error budget left", accountId, budgetLeftNrql(spec, successSliGuid, true));
        billboard(widgets, 1, 7, "Latency SLO attainment (< " + plain(spec.latencyThresholdSeconds()) + " s, objective "
                + objective + " %)", accountId, attainmentNrql(spec, latencySliGuid, false));
        billboard(widgets, 1, 10, "Latency error budget left", accountId, budgetLeftNrql(spec, latencySliGuid, false));
        line(widgets, 4, 1, "Error rate %", accountId, GoldenSignalNrql.errorRatePercent(spec));
        line(widgets, 4, 5, "p95 latency (s)", accountId, GoldenSignalNrql.p95LatencySeconds(spec));
        line(widgets, 4, 9, "Throughput (rpm)", accountId, GoldenSignalNrql.throughputPerMinute(spec));
        widget(widgets, 7, 1, COLUMNS, "Deployments (CodeDeploy, last 7 days)", "viz.table", accountId,
                deploymentsNrql(entityGuid));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void billboard(ArrayNode widgets, int row, int column, String title, long accountId, String nrql) {
        widget(widgets, row, column, 3, title, "viz.billboard", accountId, nrql);
    }

    private static void line(ArrayNode widgets, int row, int column, String title, long accountId, String nrql) {
        widget(widgets, row, column, COLUMNS / 3, title, "viz.line", accountId, nrql + " SINCE 1 day ago TIMESERIES");
    }

    private static void widget(ArrayNode widgets, int row, int column, int width, String title, String viz,
                               long accountId, String nrql) {
        ObjectNode w = widgets.addObject();
        w.put("title", title);
        ObjectNode layout = w.putObject("layout");
        layout.put("column", column);
        layout.put("row", row);
        layout.put("width", width);
        layout.put("height", 3);
        w.putObject("visualization").put("id", viz);
        ObjectNode query = w.putObject("rawConfiguration").putArray("nrqlQueries").addObject();
        query.putArray("accountIds").add(accountId);
        query.put("query", nrql);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
