package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Optional;

/**
 * The Sloth-like SLO list of one user-facing service, plus the plain thresholds of its golden-signal alerts.
 *
 * @param service       a name from {@code services}
 * @param slos          its SLOs, at least one, in the stack file's order, names unique ({@link SloParser})
 * @param entityGuid    the APM entity GUID when the app has not reported yet; empty means "look it up by the APM
 *                      app name {@code <service>-<stack>}"
 * @param goldenSignals thresholds of the golden-signal (ticket) conditions
 */
public record ObservabilityServiceSlo(String service, List<SloSettings> slos, Optional<String> entityGuid,
                                      ObservabilityGoldenSignals goldenSignals) {

    public ObservabilityServiceSlo {
        slos = List.copyOf(slos);
    }
}
