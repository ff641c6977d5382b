package jp.twozeroseven.infra.observability.slo;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The numbers and names one SLO's math and queries need (Sloth-like: service, objective, period): the error
 * budget and burn-rate thresholds ({@link BurnRateWindow}), the SLI queries ({@link SliQueries}) and the golden
 * signals over the same users' requests ({@link GoldenSignalNrql}).
 *
 * @param service          our name for the service, used in resource and condition names
 * @param apmAppName       the New Relic APM {@code appName} whose transactions are measured
 * @param objectivePercent the SLO target, strictly between 0 and 100 (e.g. 99.9)
 * @param latencyThreshold latency SLOs only: a request slower than this many seconds is not "good"; empty for the
 *                         other kinds
 * @param periodDays       the rolling SLO period; New Relic accepts 1, 7 or 28 days
 * @param probePaths       request paths that only load balancers and container health checks call (the target
 *                         groups' {@code healthCheckPath}); their transactions are not users
 * @param transactionType  the transactions counted: a web service's users' requests ({@code Web}), or a worker's
 *                         background jobs ({@code Other})
 */
public record SloSpec(String service, String apmAppName, double objectivePercent, OptionalDouble latencyThreshold,
                      int periodDays, List<String> probePaths, TransactionType transactionType) {

    public static final int DEFAULT_PERIOD_DAYS = 28;
    private static final Set<Integer> NEW_RELIC_ROLLING_DAYS = Set.of(1, 7, 28);

    public SloSpec {
        probePaths = probePaths == null ? List.of() : List.copyOf(probePaths);
        latencyThreshold = latencyThreshold == null ? OptionalDouble.empty() : latencyThreshold;
        transactionType = transactionType == null ? TransactionType.WEB : transactionType;
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("SLO spec: 'service' is blank; give the service a name such as \"delivery-api\".");
        }
        if (apmAppName == null || apmAppName.isBlank()) {
            throw new IllegalArgumentException("SLO spec for '" + service + "': 'apmAppName' is blank; use the APM appName "
                + "the agent reports (NEW_RELIC_APP_NAME).");
        }
        if (!(objectivePercent > 0 && objectivePercent < 100)) {
            throw new IllegalArgumentException("SLO spec for '" + service + "': 'objectivePercent' is " + objectivePercent
                + "; it must be strictly between 0 and 100, e.g. 99.9 (100 leaves no error budget).");
        }
        if (latencyThreshold.isPresent()) {
            double seconds = latencyThreshold.getAsDouble();
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("SLO spec for '" + service + "': 'latencyThresholdSeconds' is "
                    + seconds + "; it must be a positive number of seconds, e.g. 0.5.");
            }
        }
        if (!NEW_RELIC_ROLLING_DAYS.contains(periodDays)) {
            throw new IllegalArgumentException("SLO spec for '" + service + "': 'periodDays' is " + periodDays
                + "; New Relic rolling windows are 1, 7 or 28 days (we use 28).");
        }
    }

    /** A spec over users' web requests. */
    public SloSpec(String service, String apmAppName, double objectivePercent, OptionalDouble latencyThreshold,
                   int periodDays, List<String> probePaths) {
        this(service, apmAppName, objectivePercent, latencyThreshold, periodDays, probePaths, TransactionType.WEB);
    }

    /** A spec with a latency threshold and without probe paths. */
    public SloSpec(String service, String apmAppName, double objectivePercent, double latencyThresholdSeconds, int periodDays) {
        this(service, apmAppName, objectivePercent, OptionalDouble.of(latencyThresholdSeconds), periodDays, List.of());
    }

    /** A spec with a latency threshold over the standard 28-day period. */
    public static SloSpec of(String service, String apmAppName, double objectivePercent, double latencyThresholdSeconds) {
        return new SloSpec(service, apmAppName, objectivePercent, latencyThresholdSeconds, DEFAULT_PERIOD_DAYS);
    }

    /** A spec without a latency threshold (a success or availability SLO). */
    public static SloSpec withoutLatency(String service, String apmAppName, double objectivePercent, int periodDays,
                                         List<String> probePaths) {
        return new SloSpec(service, apmAppName, objectivePercent, OptionalDouble.empty(), periodDays, probePaths);
    }

    /** This spec with the health-check paths whose transactions are probes, not users. */
    public SloSpec withProbePaths(List<String> paths) {
        return new SloSpec(service, apmAppName, objectivePercent, latencyThreshold, periodDays, paths,
                transactionType);
    }

    /** The latency threshold in seconds; only a latency SLO has one. */
    public double latencyThresholdSeconds() {
        return latencyThreshold.orElseThrow(() -> new IllegalStateException("SLO spec for '" + service
            + "' has no latency threshold: only a latency SLO has one"));
    }

    /** The error budget as a percentage of events, e.g. 0.1 for a 99.9% objective. */
    public double errorBudgetPercent() {
        return 100.0 - objectivePercent;
    }

    public double periodHours() {
        return periodDays * 24.0;
    }

    /**
     * The Service Level's objective: the target over a rolling window of {@link #periodDays} days (New Relic,
     * newrelic_service_level, objective.time_window.rolling).
     */
    public jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveArgs objective() {
        return jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveArgs.builder()
                .target(objectivePercent)
                .timeWindow(jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveTimeWindowArgs.builder()
                        .rolling(jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveTimeWindowRollingArgs
                                .builder().count(periodDays).unit("DAY").build())
                        .build())
                .build();
    }
}
