package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.observability.deploymarkers.DeployMarkersProps;
import jp.twozeroseven.infra.settings.ObservabilityHeartbeat;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link Observability} registers, and nothing it would have to look up: built from settings and the
 * platform's handover in one place, {@code composition.ObservabilityPropsFrom}.
 *
 * @param newRelic      account, provider and naming of every New Relic resource
 * @param aws           the AWS provider, naming and tags of the deploy markers' EventBridge resources
 * @param services      one per observed service, names unique, in a stable order (resource names and the synth
 *                      follow it)
 * @param heartbeat     when the data pipeline's nightly run starts and by when it must have succeeded
 * @param routing       PagerDuty and Slack routing, and planned maintenance
 * @param deployMarkers present: CodeDeploy deployments of the services become New Relic deploy markers
 */
public record ObservabilityProps(NewRelicAccount newRelic, Scope aws, List<ServiceObservabilityProps> services,
                                 ObservabilityHeartbeat heartbeat, AlertRoutingProps routing,
                                 Optional<DeployMarkersProps> deployMarkers) {

    public ObservabilityProps {
        Required.components(ObservabilityProps.class, newRelic, aws, services, heartbeat, routing, deployMarkers);
        services = List.copyOf(services);
        Set<String> names = new HashSet<>();
        services.forEach(s -> {
            if (!names.add(s.service().name())) {
                throw new IllegalArgumentException("service " + s.service().name() + " is observed twice");
            }
        });
    }
}
