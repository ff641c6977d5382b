package jp.twozeroseven.infra.settings;

import java.util.Optional;

/**
 * The Sloth-like SLO spec of one user-facing service, plus the plain thresholds of its golden-signal alerts.
 *
 * @param service                 a name from {@code services}
 * @param objectivePercent        the SLO target for both SLIs, strictly between 0 and 100
 * @param latencyThresholdSeconds a web request slower than this is not good for the latency SLI
 * @param entityGuid              the APM entity GUID when the app has not reported yet; empty means "look it up
 *                                by the APM app name {@code <service>-<stack>}"
 * @param goldenSignals           thresholds of the golden-signal (ticket) conditions
 */
public record ObservabilityServiceSlo(String service, double objectivePercent, double latencyThresholdSeconds,
                                      Optional<String> entityGuid, ObservabilityGoldenSignals goldenSignals) {
}
