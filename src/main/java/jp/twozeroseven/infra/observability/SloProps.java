package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.observability.slo.TransactionType;
import jp.twozeroseven.infra.settings.SloKind;
import jp.twozeroseven.infra.support.Required;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One SLO of a service, as {@link ServiceObservability} registers it: a service level named
 * {@code <service>-slo-<name>} and the alerts of its kind (docs/slo.md, "The SLO list").
 *
 * @param name                    unique within the service; part of the logical names of its resources
 * @param kind                    success and latency: APM transactions, burn-rate alerts; availability: the
 *                                synthetic checks of the public URL, paged on a full outage
 * @param objectivePercent        strictly between 0 and 100
 * @param periodDays              the rolling period, 7 or 28 days
 * @param latencyThresholdSeconds latency only: a request at least this slow is not good
 * @param checkPath               availability only: the path of the public URL the monitor calls
 * @param redirectIsFailure       availability only: whether a redirect fails the check
 */
public record SloProps(String name, SloKind kind, double objectivePercent, int periodDays,
                       OptionalDouble latencyThresholdSeconds, Optional<String> checkPath, boolean redirectIsFailure) {

    public SloProps {
        Required.components(SloProps.class, name, kind, objectivePercent, periodDays, latencyThresholdSeconds,
                checkPath, redirectIsFailure);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("SLO name '" + name + "' must be lower case letters, digits and -");
        }
        if (latencyThresholdSeconds.isPresent() != (kind == SloKind.LATENCY)) {
            throw new IllegalArgumentException("SLO " + name + ": a latency threshold belongs to a latency SLO, and "
                    + "every latency SLO needs one (kind " + kind.key() + ")");
        }
        if (checkPath.isPresent() != (kind == SloKind.AVAILABILITY)) {
            throw new IllegalArgumentException("SLO " + name + ": a check path belongs to an availability SLO, and "
                    + "every availability SLO needs one (kind " + kind.key() + ")");
        }
    }

    public static SloProps success(String name, double objectivePercent, int periodDays) {
        return new SloProps(name, SloKind.SUCCESS, objectivePercent, periodDays, OptionalDouble.empty(),
                Optional.empty(), false);
    }

    public static SloProps latency(String name, double objectivePercent, int periodDays, double thresholdSeconds) {
        return new SloProps(name, SloKind.LATENCY, objectivePercent, periodDays, OptionalDouble.of(thresholdSeconds),
                Optional.empty(), false);
    }

    public static SloProps availability(String name, double objectivePercent, int periodDays, String checkPath,
                                        boolean redirectIsFailure) {
        return new SloProps(name, SloKind.AVAILABILITY, objectivePercent, periodDays, OptionalDouble.empty(),
                Optional.of(checkPath), redirectIsFailure);
    }

    /** The numbers and queries of this SLO for one service's APM application (its users' web requests). */
    public SloSpec spec(String service, String apmAppName, List<String> probePaths) {
        return spec(service, apmAppName, probePaths, TransactionType.WEB);
    }

    /** @param transactionType what it counts: web requests, or a worker's background jobs */
    public SloSpec spec(String service, String apmAppName, List<String> probePaths, TransactionType transactionType) {
        return new SloSpec(service, apmAppName, objectivePercent, latencyThresholdSeconds, periodDays, probePaths,
                transactionType);
    }
}
