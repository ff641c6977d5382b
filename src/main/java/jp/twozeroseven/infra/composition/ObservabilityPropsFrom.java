package jp.twozeroseven.infra.composition;

import jp.twozeroseven.infra.observability.AlertRoutingProps;
import jp.twozeroseven.infra.observability.NewRelicAccount;
import jp.twozeroseven.infra.observability.NewRelicProvider;
import jp.twozeroseven.infra.observability.ObservabilityProps;
import jp.twozeroseven.infra.observability.ObservedService;
import jp.twozeroseven.infra.observability.ServiceObservability;
import jp.twozeroseven.infra.observability.ServiceObservabilityProps;
import jp.twozeroseven.infra.observability.SloProps;
import jp.twozeroseven.infra.observability.deploymarkers.DeployMarkersProps;
import jp.twozeroseven.infra.settings.ObservabilityServiceSlo;
import jp.twozeroseven.infra.settings.ObservabilitySettings;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.SloSettings;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.support.ApiKeyConnections;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one place that turns settings into the observability component's props: {@code platform-207:observability}
 * (SLO lists, thresholds, routing, heartbeat, deploy markers), the secrets it needs, and the platform's handover of
 * every service ({@link ObservedService}). Registers the explicit New Relic provider the props carry.
 */
public final class ObservabilityPropsFrom {

    private ObservabilityPropsFrom() {
    }

    /**
     * @param aws                   the AWS provider, naming and tags for the deploy markers (service
     *                              {@code observability})
     * @param codeDeployApplication the platform's CodeDeploy application
     * @param observed              the platform's handover ({@link #handover}), one per service with an SLO list
     *                              (any order; matched by name)
     */
    public static ObservabilityProps of(StackSettings settings, Scope aws, String codeDeployApplication,
                                        List<ObservedService> observed) {
        ObservabilitySettings o = settings.observability();
        NewRelicAccount newRelic = new NewRelicAccount(
                NewRelicProvider.create(o.newRelicAccountId(), o.region(),
                        settings.secrets().get(SecretKey.NEW_RELIC_API_KEY)),
                o.newRelicAccountId(), o.region(), settings.namePrefix(), settings.stack(), o.runbookBaseUrl());
        List<ServiceObservabilityProps> services = o.services().stream()
                .map(slo -> service(newRelic, o, slo, observed.stream()
                        .filter(s -> s.name().equals(slo.service())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("service " + slo.service()
                                + " has SLOs but the platform handed over no such service"))))
                .toList();
        AlertRoutingProps routing = new AlertRoutingProps(o.routing(),
                settings.secrets().get(SecretKey.PAGERDUTY_INTEGRATION_KEY), o.maintenanceWindows());
        Optional<DeployMarkersProps> markers = o.deployMarkers()
                ? Optional.of(new DeployMarkersProps(codeDeployApplication,
                        ApiKeyConnections.required(settings.secrets(), SecretKey.NEW_RELIC_API_KEY), o.region()))
                : Optional.empty();
        return new ObservabilityProps(newRelic, aws, services, o.heartbeat(), routing, markers);
    }

    /**
     * The handover from the platform's service components (issue 17: each service hands over what it is observed
     * by): its name, the APM app name its containers report, the path only its health checks call, its public
     * host and its CodeDeploy deployment group; a worker has only the first two. The public host is the first listener host header, except for a
     * service that answers CloudFront only (issue 14 #10, docs/cdn.md): users reach it through the distribution,
     * and a direct request gets the ALB's 403, so it is checked through the CDN's first alias.
     *
     * @param cdnAliases the distribution's aliases (cdn.aliases)
     */
    public static List<ObservedService> handover(String stack, List<String> cdnAliases,
                                                 java.util.Collection<jp.twozeroseven.infra.platform.service.AppService>
                                                         services) {
        return services.stream().map(service -> {
            var props = service.props();
            String apm = ServiceObservability.apmAppName(props.name(), stack);
            // A worker: no probe path, no public host (so no synthetic check), no deployment group; its SLIs
            // count its background transactions (ObservedService.Traffic.BACKGROUND).
            return props.loadBalanced().map(balanced -> {
                Optional<String> host = !balanced.cloudFrontOnly().isEmpty() && !cdnAliases.isEmpty()
                        ? Optional.of(cdnAliases.get(0)) : balanced.routing().hostHeaders().stream().findFirst();
                return new ObservedService(props.name(), apm, List.of(balanced.healthCheckPath()), host,
                        service.observed().deploymentGroupName());
            }).orElseGet(() -> ObservedService.worker(props.name(), apm));
        }).toList();
    }

    private static ServiceObservabilityProps service(NewRelicAccount newRelic, ObservabilitySettings o,
                                                     ObservabilityServiceSlo slo, ObservedService observed) {
        return new ServiceObservabilityProps(newRelic, observed, slo.slos().stream().map(ObservabilityPropsFrom::slo)
                .toList(), slo.goldenSignals(), slo.entityGuid(), o.burnAlerts());
    }

    /** {@code latencyThresholdMs} becomes seconds, the unit of NRQL's {@code duration}. */
    static SloProps slo(SloSettings s) {
        OptionalDouble latency = s.latencyThresholdMs().map(ms -> OptionalDouble.of(ms / 1000.0))
                .orElse(OptionalDouble.empty());
        return new SloProps(s.name(), s.kind(), s.objectivePercent(), s.windowDays(), latency, s.checkPath(),
                s.redirectIsFailure());
    }
}
