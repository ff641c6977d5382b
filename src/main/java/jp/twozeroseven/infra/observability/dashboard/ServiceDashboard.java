package jp.twozeroseven.infra.observability.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.observability.slo.GoldenSignalNrql;
import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.settings.SloKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard JSON of one service (New Relic's dashboard export format): SLO attainment and error budget left
 * for every APM SLO of the service over its period, two SLOs a row, then the golden signals over the last day and the
 * deployments.
 */
public final class ServiceDashboard {

    /**
     * One SLO on the dashboard.
     *
     * @param name            the SLO's name, the start of its widgets' titles
     * @param countsBadEvents whether its SLI counts bad events (success) or good ones (latency)
     */
    public record SloWidget(String name, SloKind kind, SloSpec spec, boolean countsBadEvents) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMNS = 12;
    private static final int ROW_HEIGHT = 3;

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

    /**
     * The OneDashboardJson {@code json} input.
     *
     * @param app      the service's APM application (name and probe paths) for the golden signals
     * @param slos     the SLOs to show, in order; {@code sliGuids} holds their resolved sliGuids, in the same order
     */
    public static String json(String dashboardName, long accountId, SloSpec app, List<SloWidget> slos,
                              List<String> sliGuids, String entityGuid) {
        if (slos.size() != sliGuids.size()) {
            throw new IllegalArgumentException(slos.size() + " SLOs but " + sliGuids.size() + " sliGuids");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("name", dashboardName);
        root.put("description", "SLOs and golden signals of " + app.apmAppName() + " (generated; edit in code)");
        root.put("permissions", "PUBLIC_READ_WRITE");
        ObjectNode page = root.putArray("pages").addObject();
        page.put("name", app.service());
        ArrayNode widgets = page.putArray("widgets");
        for (int i = 0; i < slos.size(); i++) {
            SloWidget slo = slos.get(i);
            SloSpec spec = slo.spec();
            int row = 1 + ROW_HEIGHT * (i / 2);
            int column = 1 + (COLUMNS / 2) * (i % 2);
            String title = capitalized(slo.name());
            String objective = "objective " + plain(spec.objectivePercent()) + " %";
            String target = slo.kind() == SloKind.LATENCY
                    ? "< " + plain(spec.latencyThresholdSeconds()) + " s, " + objective : objective;
            billboard(widgets, row, column, title + " SLO attainment (" + target + ")", accountId,
                    attainmentNrql(spec, sliGuids.get(i), slo.countsBadEvents()));
            billboard(widgets, row, column + 3, title + " error budget left", accountId,
                    budgetLeftNrql(spec, sliGuids.get(i), slo.countsBadEvents()));
        }
        int golden = 1 + ROW_HEIGHT * ((slos.size() + 1) / 2);
        line(widgets, golden, 1, "Error rate %", accountId, GoldenSignalNrql.errorRatePercent(app));
        line(widgets, golden, 5, "p95 latency (s)", accountId, GoldenSignalNrql.p95LatencySeconds(app));
        line(widgets, golden, 9, "Throughput (rpm)", accountId, GoldenSignalNrql.throughputPerMinute(app));
        widget(widgets, golden + ROW_HEIGHT, 1, COLUMNS, "Deployments (CodeDeploy, last 7 days)", "viz.table",
                accountId, deploymentsNrql(entityGuid));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
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
        layout.put("height", ROW_HEIGHT);
        w.putObject("visualization").put("id", viz);
        ObjectNode query = w.putObject("rawConfiguration").putArray("nrqlQueries").addObject();
        query.putArray("accountIds").add(accountId);
        query.put("query", nrql);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
