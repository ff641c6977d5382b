package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.settings.BurnAlertMode;
import jp.twozeroseven.infra.settings.ObservabilityGoldenSignals;
import jp.twozeroseven.infra.settings.SloKind;
import jp.twozeroseven.infra.support.Required;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link ServiceObservability} registers for one service, and nothing it would have to look up.
 *
 * @param newRelic      account, provider and naming of the New Relic resources
 * @param service       the platform's handover: names, probe paths, public host
 * @param slos          the service's SLOs, at least one, names unique, at most one of kind availability (the
 *                      service's one public URL check)
 * @param goldenSignals thresholds of the golden-signal conditions
 * @param entityGuid    the APM entity GUID while the app has not reported yet; empty means "look it up by name"
 * @param burnAlerts    compound (long AND short window) or single conditions per burn-rate window
 */
public record ServiceObservabilityProps(NewRelicAccount newRelic, ObservedService service, List<SloProps> slos,
                                        ObservabilityGoldenSignals goldenSignals, Optional<String> entityGuid,
                                        BurnAlertMode burnAlerts) {

    public ServiceObservabilityProps {
        Required.components(ServiceObservabilityProps.class, newRelic, service, slos, goldenSignals, entityGuid,
                burnAlerts);
        slos = List.copyOf(slos);
        String svc = service.name();
        if (slos.isEmpty()) {
            throw new IllegalArgumentException("service " + svc + " has no SLO; give it at least one");
        }
        Set<String> names = new HashSet<>();
        slos.forEach(slo -> {
            if (!names.add(slo.name())) {
                throw new IllegalArgumentException("service " + svc + " has two SLOs named " + slo.name());
            }
        });
        long availability = slos.stream().filter(slo -> slo.kind() == SloKind.AVAILABILITY).count();
        if (availability > 1) {
            throw new IllegalArgumentException("service " + svc + " has " + availability + " availability SLOs; "
                    + "it has one public URL check");
        }
        if (availability == 1 && service.publicHost().isEmpty()) {
            throw new IllegalArgumentException("service " + svc + " has an availability SLO but no public host name");
        }
    }
}
