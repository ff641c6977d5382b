package jp.twozeroseven.infra.observability;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ProviderResource;
import jp.twozeroseven.infra.newrelic.AlertPolicy;
import jp.twozeroseven.infra.newrelic.AlertPolicyArgs;
import jp.twozeroseven.infra.observability.alerts.HeartbeatCondition;
import jp.twozeroseven.infra.observability.deploymarkers.DeployMarkers;
import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;
import jp.twozeroseven.infra.observability.synthetics.PublicCheck;
import jp.twozeroseven.infra.settings.ObservabilityServiceSlo;
import jp.twozeroseven.infra.settings.ObservabilitySettings;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * @param newRelic       the explicit New Relic provider ({@link #provider}); every child uses it
     * @param codeDeployApp  the CodeDeploy application of the services, and {@code deploymentGroups} service → group:
     *                       their deployments become deploy markers
     */
    public Observability(String name, Scope scope, ProviderResource newRelic, String codeDeployApp,
                         Map<String, String> deploymentGroups) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(scope.parent()).build());
        ObservabilitySettings settings = scope.settings().observability();
        NewRelicScope nr = new NewRelicScope(this, newRelic, settings, scope.settings().namePrefix(),
                scope.settings().stack());
        for (ObservabilityServiceSlo slo : settings.services()) {
            // The same path the target group's and the container's health checks call (platform.service).
            var service = scope.settings().services().stream().filter(s -> s.name().equals(slo.service())).findFirst();
            List<String> probes = service.map(s -> List.of(s.healthCheckPath())).orElse(List.of());
            services.put(slo.service(), new ServiceObservability(slo, probes, service.flatMap(s -> PublicCheck.of(s, scope.settings())), nr));
        }

        dataPipelinePolicy = new AlertPolicy("data-pipeline-ticket", AlertPolicyArgs.builder()
                .accountId(nr.accountId())
                .name(nr.name("data-pipeline-ticket"))
                .incidentPreference("PER_CONDITION")
                .build(), nr.options());
        NrqlConditionSpec heartbeat = HeartbeatCondition.of(nr.stack(), settings.heartbeat());
        NrqlConditions.create(nr, "data-pipeline-heartbeat", heartbeat, dataPipelinePolicy.id());

        List<AlertPolicy> critical = new ArrayList<>();
        List<AlertPolicy> tickets = new ArrayList<>();
        List<AlertPolicy> all = new ArrayList<>();
        services.values().forEach(s -> {
            critical.add(s.criticalPolicy());
            tickets.add(s.ticketPolicy());
            all.addAll(List.of(s.criticalPolicy(), s.ticketPolicy(), s.burnRateWindowsPolicy()));
        });
        tickets.add(dataPipelinePolicy);
        all.add(dataPipelinePolicy);
        Optional<SecretValue> pagerDutyKey = scope.settings().secrets().get(SecretKey.PAGERDUTY_INTEGRATION_KEY);
        routing = new AlertRouting(nr, critical, tickets, pagerDutyKey);
        if (settings.deployMarkers()) {
            Map<String, Output<String>> guids = new LinkedHashMap<>();
            services.forEach((svc, o) -> guids.put(svc, o.entityGuid()));
            new DeployMarkers(scope.child(this), codeDeployApp, deploymentGroups, guids);
        }
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
