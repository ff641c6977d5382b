package jp.twozeroseven.infra.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code observability}: every mistake is reported with its key, the bad value and the fix. */
public final class ObservabilityParser {

    private static final String CLOCK = "a Tokyo time HH:MM, e.g. 06:00";
    private static final Map<String, ObservabilityRegion> REGIONS =
            Section.choices(Map.entry("US", ObservabilityRegion.US), Map.entry("EU", ObservabilityRegion.EU));

    private static final Map<String, BurnAlertMode> BURN_ALERT_MODES =
            Section.choices(Map.entry("compound", BurnAlertMode.COMPOUND),
                    Map.entry("single", BurnAlertMode.SINGLE));

    private ObservabilityParser() {
    }

    /**
     * @param serviceNames     the names under {@code services}; every one needs an SLO list and no other is allowed
     * @param servicesWithHost those of them with a host name of their own, which an availability SLO can check
     * @param offline          true for the offline synth, where secrets are placeholders
     * @param pipelineStarts   when the nightly export starts ({@code dataPipeline.nightlyAt}); the heartbeat waits
     *                         from there
     */
    public static ObservabilitySettings parse(Section s, Set<String> serviceNames, Set<String> servicesWithHost,
                                              Tier tier, StackSecrets secrets, boolean offline,
                                              LocalTime pipelineStarts) {
        return parse(s, serviceNames, servicesWithHost, Set.of(), tier, secrets, offline, pipelineStarts);
    }

    /** @param workers those of them without a load balancer (kind rails-worker): no public URL to check */
    public static ObservabilitySettings parse(Section s, Set<String> serviceNames, Set<String> servicesWithHost,
                                              Set<String> workers, Tier tier, StackSecrets secrets, boolean offline,
                                              LocalTime pipelineStarts) {
        Section newRelic = s.section("newRelic");
        String accountId = newRelic.matching("accountId", "\\d{1,12}",
                "a New Relic account id as a quoted string of digits, e.g. \"3456789\"");
        ObservabilityRegion region = newRelic.choice("region", REGIONS, ObservabilityRegion.US);
        newRelic.rejectUnknownKeys();

        String runbookBaseUrl = s.matching("runbookBaseUrl", "https://[^\\s]+/",
                "an https URL ending with / under which docs/runbooks/ is browsable, "
                        + "e.g. https://github.com/two-zero-seven/infra/blob/main/");
        ObservabilityRouting routing = routing(s.section("routing"), tier, secrets, offline);
        List<ObservabilityMaintenanceWindow> windows = s.each(s.list("maintenanceWindows", false),
                ObservabilityParser::maintenanceWindow);
        ObservabilityHeartbeat heartbeat = heartbeat(s.section("dataPipeline"), pipelineStarts);
        List<ObservabilityServiceSlo> services = services(s, serviceNames, servicesWithHost, workers);
        BurnAlertMode burnAlerts = s.choice("burnAlerts", BURN_ALERT_MODES, BurnAlertMode.COMPOUND);
        boolean deployMarkers = s.bool("deployMarkers", true);
        if (deployMarkers && !offline && secrets.get(SecretKey.NEW_RELIC_API_KEY).isEmpty()) {
            s.report("deployMarkers", "true", "deploy markers post to NerdGraph with a New Relic user key; set it with: "
                    + "pulumi config set --secret <project>:" + SecretKey.NEW_RELIC_API_KEY.key()
                    + " <user key>, or set deployMarkers: false");
        }
        s.rejectUnknownKeys();
        return new ObservabilitySettings(accountId, region, runbookBaseUrl, routing, windows, heartbeat, services,
                burnAlerts, deployMarkers);
    }

    private static ObservabilityRouting routing(Section r, Tier tier, StackSecrets secrets, boolean offline) {
        boolean paging = r.bool("paging", false);
        String destination = r.matching("slackDestinationId",
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                "the UUID of the Slack destination created in New Relic (Alerts > Destinations); the API cannot "
                        + "create Slack destinations");
        String channel = r.matching("slackChannelId", "[CG][A-Z0-9]{8,12}",
                "a Slack channel id such as C04ABCDEF12 (channel details > About)");
        if (paging && !tier.isProduction()) {
            r.report("paging", "true", "only production pages the on-call engineer; set paging: false here "
                    + "(Slack only)");
        }
        if (!paging && tier.isProduction()) {
            r.report("paging", "false", "production must page on-call for user impact; set paging: true");
        }
        if (paging && !offline && secrets.get(SecretKey.PAGERDUTY_INTEGRATION_KEY).isEmpty()) {
            r.report("paging", "true", "paging needs the PagerDuty integration key; set it with: pulumi config set "
                    + "--secret " + r.path().substring(0, r.path().indexOf(':') + 1)
                    + SecretKey.PAGERDUTY_INTEGRATION_KEY.key() + " <key>");
        }
        r.rejectUnknownKeys();
        return new ObservabilityRouting(paging, destination, channel);
    }

    private static ObservabilityMaintenanceWindow maintenanceWindow(Section w) {
        String name = w.matching("name", "[a-z][a-z0-9-]{0,40}", "a lower-case name such as weekly-db-maintenance");
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().toLowerCase(Locale.ROOT), day);
        }
        DayOfWeek weekday = w.choice("weekday", days);
        LocalTime start = clock(w, "start");
        LocalTime end = clock(w, "end");
        if (start != null && start.equals(end)) {
            w.report("end", end.toString(), "the window is empty; end must differ from start");
        }
        return new ObservabilityMaintenanceWindow(name, weekday, start, end);
    }

    private static ObservabilityHeartbeat heartbeat(Section d, LocalTime starts) {
        LocalTime deadline = clock(d, "heartbeatDeadline");
        if (starts != null && starts.equals(deadline)) {
            d.report("heartbeatDeadline", deadline.toString(), "equals dataPipeline.nightlyAt, when the run starts; "
                    + "the deadline must leave the run time to finish, e.g. nightlyAt 01:30 and heartbeatDeadline 06:00");
        }
        d.rejectUnknownKeys();
        return new ObservabilityHeartbeat(starts, deadline);
    }

    private static List<ObservabilityServiceSlo> services(Section s, Set<String> serviceNames,
                                                          Set<String> servicesWithHost, Set<String> workers) {
        Map<String, Section> declared = s.named("services", "[a-z][a-z0-9-]{0,20}", "a name from services");
        List<ObservabilityServiceSlo> out = new ArrayList<>();
        declared.forEach((name, section) -> {
            if (!serviceNames.contains(name)) {
                s.report("services." + name, name, "unknown service; SLOs can be declared only for the services "
                        + "under services: " + serviceNames);
            } else {
                out.add(service(name, section, servicesWithHost.contains(name), workers.contains(name)));
            }
        });
        serviceNames.stream().filter(n -> !declared.containsKey(n)).forEach(n ->
                s.report("services." + n, (String) null, "missing: every service needs an SLO list "
                        + "and golden signals (slos: [{name: success, kind: success, objectivePercent: 99.9}, ...], "
                        + "goldenSignals: {...}; docs/slo.md)"));
        // Same order as services, so resource names and the synth are stable.
        List<String> order = List.copyOf(serviceNames);
        out.sort(java.util.Comparator.comparingInt(slo -> order.indexOf(slo.service())));
        return out;
    }

    private static ObservabilityServiceSlo service(String name, Section s, boolean hasHost, boolean worker) {
        movedIntoSlos(s);
        List<SloSettings> slos = SloParser.parse(s, hasHost, worker);
        Optional<String> guid = s.optionalMatching("entityGuid", "[A-Za-z0-9+/=]{10,}",
                "the APM application's entity GUID (base64), only while the app has not reported yet");
        ObservabilityGoldenSignals golden = goldenSignals(s.section("goldenSignals"));
        s.rejectUnknownKeys();
        return new ObservabilityServiceSlo(name, slos, guid, golden);
    }

    /** The keys of the fixed two-SLI spec before the SLO list: say where they went instead of "unknown key". */
    private static void movedIntoSlos(Section s) {
        for (String key : List.of("objectivePercent", "latencyThresholdSeconds")) {
            if (s.has(key)) {
                double value = s.number(key, 0, Double.MAX_VALUE, false);
                s.report(key, String.valueOf(value), "moved into the SLO list: write slos: [{name: success, kind: "
                        + "success, objectivePercent: ...}, {name: latency, kind: latency, objectivePercent: ..., "
                        + "latencyThresholdMs: ...}] (milliseconds) and remove " + key + " (docs/slo.md)");
            }
        }
    }

    private static ObservabilityGoldenSignals goldenSignals(Section g) {
        double errorRate = g.number("errorRatePercent", 0, 100, true);
        double p95 = g.number("p95LatencySeconds", 0, 60, true);
        double throughput = g.number("minThroughputPerMinute", 0, 1_000_000, false);
        int signalLoss = g.integer("signalLossMinutes", 5, 120, 10);
        g.rejectUnknownKeys();
        return new ObservabilityGoldenSignals(errorRate, p95, throughput, signalLoss);
    }

    private static LocalTime clock(Section s, String key) {
        String text = s.matching(key, "([01]\\d|2[0-3]):[0-5]\\d", CLOCK);
        return text.isEmpty() ? null : LocalTime.parse(text);
    }
}
