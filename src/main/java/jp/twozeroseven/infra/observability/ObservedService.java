package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.observability.slo.TransactionType;
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
 * @param transactionType what its SLIs count: users' web requests, or a worker's background jobs
 */
public record ObservedService(String name, String apmAppName, List<String> probePaths, Optional<String> publicHost,
                              Optional<String> deploymentGroup, TransactionType transactionType) {

    public ObservedService {
        Required.components(ObservedService.class, name, apmAppName, probePaths, publicHost, deploymentGroup,
                transactionType);
        probePaths = List.copyOf(probePaths);
    }

    /** A web service: its SLIs count its users' web requests. */
    public ObservedService(String name, String apmAppName, List<String> probePaths, Optional<String> publicHost,
                           Optional<String> deploymentGroup) {
        this(name, apmAppName, probePaths, publicHost, deploymentGroup, TransactionType.WEB);
    }

    /**
     * A worker (no load balancer): no probe path, no public host (so no synthetic check, and no ALB metrics), no
     * CodeDeploy group; its SLIs count its background transactions.
     */
    public static ObservedService worker(String name, String apmAppName) {
        return new ObservedService(name, apmAppName, List.of(), Optional.empty(), Optional.empty(),
                TransactionType.OTHER);
    }
}
