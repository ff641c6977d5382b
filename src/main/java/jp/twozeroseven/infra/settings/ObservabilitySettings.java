package jp.twozeroseven.infra.settings;

import java.util.List;

/**
 * The {@code observability} section: the New Relic account, the SLO spec of every user-facing service, alert
 * routing, planned maintenance and the data pipeline's heartbeat.
 *
 * @param newRelicAccountId the New Relic account id, a string of digits (the provider takes it as a string)
 * @param runbookBaseUrl    where {@code docs/runbooks/*.md} of this repository are browsable, ending with "/"
 * @param services          one SLO spec per service in {@code services}, in the same order
 * @param burnAlerts        compound conditions (default) or single conditions for accounts without the preview
 * @param deployMarkers     CodeDeploy deployments become New Relic deploy markers (default true; needs the
 *                          {@code newRelicApiKey} secret)
 */
public record ObservabilitySettings(String newRelicAccountId, ObservabilityRegion region, String runbookBaseUrl,
                                    ObservabilityRouting routing, List<ObservabilityMaintenanceWindow> maintenanceWindows,
                                    ObservabilityHeartbeat heartbeat, List<ObservabilityServiceSlo> services,
                                    BurnAlertMode burnAlerts, boolean deployMarkers) {

    public ObservabilitySettings {
        maintenanceWindows = List.copyOf(maintenanceWindows);
        services = List.copyOf(services);
    }

    /** The browsable URL of one runbook, e.g. {@code .../docs/runbooks/api-error-rate.md}. */
    public String runbookUrl(String runbook) {
        return runbookBaseUrl + "docs/runbooks/" + runbook + ".md";
    }
}
