package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.support.Required;

import java.util.List;
import java.util.Optional;

/**
 * What the observability side needs from one app service of the platform: the handover the platform fills for
 * each service it runs. A plain record, so the platform's per-service component can produce it and the stack
 * composition pass it on ({@code composition.ObservabilityPropsFrom} builds it from settings until then).
 *
 * <p>Only what is read today: the service's metrics in CloudWatch (cluster, target group and load balancer
 * suffixes) are not, since every alert reads New Relic; they join this record with the first alert that needs them.
 *
 * @param name            the service's name under {@code services}, part of every resource name ({@code api})
 * @param apmAppName      the APM application the containers report ({@code NEW_RELIC_APP_NAME}, {@code api-prod})
 * @param probePaths      paths that only the target groups' and the container's health checks call: not users
 * @param publicHost      the host name users reach it by (its first listener host header); empty when it is
 *                        path-routed only, and then it can have no availability SLO
 * @param deploymentGroup its CodeDeploy deployment group, whose deployments become deploy markers; empty for a
 *                        service that CodeDeploy does not deploy
 */
public record ObservedService(String name, String apmAppName, List<String> probePaths, Optional<String> publicHost,
                              Optional<String> deploymentGroup) {

    public ObservedService {
        Required.components(ObservedService.class, name, apmAppName, probePaths, publicHost, deploymentGroup);
        probePaths = List.copyOf(probePaths);
    }
}
