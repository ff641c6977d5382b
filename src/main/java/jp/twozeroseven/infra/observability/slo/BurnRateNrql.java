package jp.twozeroseven.infra.observability.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Burn-rate alert queries over the metrics New Relic writes for every service level
 * ({@code newrelic.sli.valid}, {@code .good}, {@code .bad}), filtered to one SLI by its guid.
 * Both forms yield the error rate in percent, so they compare directly with
 * {@link BurnRateWindow#errorRateThresholdPercent(SloSpec)}. clamp_max guards against good/bad
 * counts momentarily exceeding valid counts when metrics arrive out of step.
 */
public final class BurnRateNrql {

    // Entity GUIDs are base64 (letters, digits, + / =); anything else is a wiring mistake.
    private static final Pattern GUID = Pattern.compile("[A-Za-z0-9+/=]+");

    private BurnRateNrql() {}

    /** The error-rate query for an SLI; {@code countsBadEvents} comes from {@link SliEvents#countsBadEvents()}. */
    public static String errorRatePercent(String sliGuid, boolean countsBadEvents) {
        requireGuid(sliGuid);
        // The service level's own series: its newrelic.sli.* metrics carry sli.guid = ServiceLevel.sliGuid, the
        // filter of the provider's service_level_alert_helper ("FROM Metric SELECT ... WHERE sli.guid = '<guid>'",
        // terraform-provider-newrelic newrelic/data_source_newrelic_service_level_alert_helper.go).
        var where = " FROM Metric WHERE sli.guid = " + Nrql.quote(sliGuid);
        if (countsBadEvents) {
            return "SELECT clamp_max(sum(newrelic.sli.bad) / sum(newrelic.sli.valid) * 100, 100) AS 'error rate %'" + where;
        }
        return "SELECT 100 - clamp_max(sum(newrelic.sli.good) / sum(newrelic.sli.valid) * 100, 100) AS 'error rate %'" + where;
    }

    /**
     * The long- and short-window conditions for each window, all sharing one query and one
     * threshold per window (the short window confirms the burn is still going on).
     */
    public static List<BurnRateAlert> alerts(SloSpec spec, String sliName, String sliGuid, boolean countsBadEvents,
                                             List<BurnRateWindow> windows) {
        var nrql = errorRatePercent(sliGuid, countsBadEvents);
        var alerts = new ArrayList<BurnRateAlert>();
        for (var window : windows) {
            var threshold = window.errorRateThresholdPercent(spec);
            var prefix = spec.service() + " " + sliName + " " + window.name();
            alerts.add(new BurnRateAlert(prefix + " long", window.severity(), nrql, (int) window.longWindow().toSeconds(), threshold));
            alerts.add(new BurnRateAlert(prefix + " short", window.severity(), nrql, (int) window.shortWindow().toSeconds(), threshold));
        }
        return List.copyOf(alerts);
    }

    private static void requireGuid(String sliGuid) {
        if (sliGuid == null || !GUID.matcher(sliGuid).matches()) {
            throw new IllegalArgumentException("SLI guid '" + sliGuid + "' is not an entity GUID; pass ServiceLevel.sliGuid(), "
                + "not the service's own guid or the SLI id.");
        }
    }
}
