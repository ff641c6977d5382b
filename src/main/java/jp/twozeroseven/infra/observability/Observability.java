package jp.twozeroseven.infra.observability;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.newrelic.AlertPolicy;
import jp.twozeroseven.infra.newrelic.AlertPolicyArgs;
import jp.twozeroseven.infra.observability.alerts.HeartbeatCondition;
import jp.twozeroseven.infra.observability.deploymarkers.DeployMarkers;
import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New Relic alert policies, SLOs with burn-rate alerts, on-call routing and dashboards: one
 * {@link ServiceObservability} per user-facing service, the data pipeline's heartbeat, and the routing of every
 * policy to PagerDuty (critical, paging stacks only) or Slack.
 */
public final class Observability extends ComponentResource {

    public static final String TYPE = "platform207:observability:Observability";

    private final Map<String, ServiceObservability> services = new LinkedHashMap<>();
    private final AlertPolicy dataPipelinePolicy;
    private final AlertRouting routing;

    /**
     * @param name    the component's name
     * @param props   the services and their SLOs, routing, heartbeat and deploy markers ({@link ObservabilityProps})
     * @param options the parent (the stack)
     */
    public Observability(String name, ObservabilityProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        NewRelicScope nr = new NewRelicScope(this, props.newRelic());
        for (ServiceObservabilityProps service : props.services()) {
            String svc = service.service().name();
            services.put(svc, new ServiceObservability(svc, service,
                    ComponentResourceOptions.builder().parent(this).build()));
        }

        dataPipelinePolicy = new AlertPolicy("data-pipeline-ticket", AlertPolicyArgs.builder()
                .accountId(nr.accountId())
                .name(nr.name("data-pipeline-ticket"))
                .incidentPreference("PER_CONDITION")
                .build(), nr.options());
        NrqlConditionSpec heartbeat = HeartbeatCondition.of(nr.stack(), props.heartbeat());
        NrqlConditions.create(nr, "data-pipeline-heartbeat", heartbeat, dataPipelinePolicy.id());

        List<AlertPolicy> critical = new ArrayList<>();
        List<AlertPolicy> tickets = new ArrayList<>();
        List<AlertPolicy> all = new ArrayList<>();
        services.values().forEach(s -> {
            critical.add(s.policies().critical());
            tickets.add(s.policies().ticket());
            all.addAll(s.policies().all());
        });
        tickets.add(dataPipelinePolicy);
        all.add(dataPipelinePolicy);
        routing = new AlertRouting(nr, props.routing(), critical, tickets);
        props.deployMarkers().ifPresent(markers -> {
            Map<String, String> groups = new LinkedHashMap<>();
            Map<String, Output<String>> guids = new LinkedHashMap<>();
            props.services().forEach(s -> s.service().deploymentGroup().ifPresent(group -> {
                groups.put(s.service().name(), group);
                guids.put(s.service().name(), services.get(s.service().name()).entityGuid());
            }));
            new DeployMarkers(props.aws().child(this), markers, groups, guids);
        });
        this.registerOutputs(Map.of("alertPolicyIds", Output.all(all.stream().map(AlertPolicy::id).toList())));
    }

    public Map<String, ServiceObservability> services() {
        return services;
    }

    public AlertPolicy dataPipelinePolicy() {
        return dataPipelinePolicy;
    }

    public AlertRouting routing() {
        return routing;
    }
}
