package jp.twozeroseven.infra.observability.slo;

import java.util.Set;

/**
 * A Sloth-like SLO spec for one APM-instrumented service.
 *
 * @param service                 our name for the service, used in resource and condition names
 * @param apmAppName              the New Relic APM {@code appName} whose transactions are measured
 * @param objectivePercent        the SLO target, strictly between 0 and 100 (e.g. 99.9)
 * @param latencyThresholdSeconds a request slower than this is not "good" for the latency SLI
 * @param periodDays              the rolling SLO period; New Relic accepts 1, 7 or 28 days
 * @param probePaths              request paths that only load balancers and container health checks call (the
 *                                target groups' {@code healthCheckPath}); their transactions are not users
 */
public record SloSpec(String service, String apmAppName, double objectivePercent, double latencyThresholdSeconds, int periodDays,
                      java.util.List<String> probePaths) {

    public static final int DEFAULT_PERIOD_DAYS = 28;
    private static final Set<Integer> NEW_RELIC_ROLLING_DAYS = Set.of(1, 7, 28);

    public SloSpec {
        probePaths = probePaths == null ? java.util.List.of() : java.util.List.copyOf(probePaths);
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
        if (!(latencyThresholdSeconds > 0) || Double.isInfinite(latencyThresholdSeconds)) {
            throw new IllegalArgumentException("SLO spec for '" + service + "': 'latencyThresholdSeconds' is "
                + latencyThresholdSeconds + "; it must be a positive number of seconds, e.g. 0.5.");
        }
        if (!NEW_RELIC_ROLLING_DAYS.contains(periodDays)) {
            throw new IllegalArgumentException("SLO spec for '" + service + "': 'periodDays' is " + periodDays
                + "; New Relic rolling windows are 1, 7 or 28 days (we use 28).");
        }
    }

    /** A spec without probe paths. */
    public SloSpec(String service, String apmAppName, double objectivePercent, double latencyThresholdSeconds, int periodDays) {
        this(service, apmAppName, objectivePercent, latencyThresholdSeconds, periodDays, java.util.List.of());
    }

    /** A spec over the standard 28-day period. */
    public static SloSpec of(String service, String apmAppName, double objectivePercent, double latencyThresholdSeconds) {
        return new SloSpec(service, apmAppName, objectivePercent, latencyThresholdSeconds, DEFAULT_PERIOD_DAYS);
    }

    /** This spec with the health-check paths whose transactions are probes, not users. */
    public SloSpec withProbePaths(java.util.List<String> paths) {
        return new SloSpec(service, apmAppName, objectivePercent, latencyThresholdSeconds, periodDays, paths);
    }

    /** The error budget as a percentage of events, e.g. 0.1 for a 99.9% objective. */
    public double errorBudgetPercent() {
        return 100.0 - objectivePercent;
    }

    public double periodHours() {
        return periodDays * 24.0;
    }
}
