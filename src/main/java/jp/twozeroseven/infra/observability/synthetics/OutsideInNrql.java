package jp.twozeroseven.infra.observability.synthetics;

import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;
import jp.twozeroseven.infra.observability.alerts.Runbooks;

import java.util.Optional;

/**
 * The availability SLI and the outage page over a monitor's {@code SyntheticCheck} events, filtered by the monitor's
 * entity GUID as in the provider's synthetic-monitor service level example (serviceLevel.d.ts: valid
 * {@code entityGuid = '<guid>'}, good {@code ... AND result='SUCCESS'}).
 */
public final class OutsideInNrql {

    /** Every check failed over this window: with checks every minute from two locations, six failed checks. */
    static final int OUTAGE_WINDOW_SECONDS = 180;

    private OutsideInNrql() {
    }

    public static String valid(String monitorGuid) {
        return "entityGuid = '" + requireGuid(monitorGuid) + "'";
    }

    public static String bad(String monitorGuid) {
        return valid(monitorGuid) + " AND result = 'FAILED'";
    }

    public static String failedPercent(String monitorGuid) {
        return "SELECT percentage(count(*), WHERE result = 'FAILED') AS 'failed checks %' FROM SyntheticCheck WHERE "
                + valid(monitorGuid);
    }

    /**
     * Pages when every check from every location failed over 3 minutes (sliding every minute, at least once): the
     * service is unreachable for users. One location failing alone is 50 % and does not page.
     */
    public static NrqlConditionSpec outage(String service, String monitorGuid) {
        return new NrqlConditionSpec(service + " unreachable from outside (every synthetic check failed for 3m)",
                failedPercent(monitorGuid), "above_or_equals", 100, OUTAGE_WINDOW_SECONDS, Optional.of(60),
                OUTAGE_WINDOW_SECONDS, "at_least_once", Optional.empty(), false, Runbooks.OUTSIDE_IN_OUTAGE,
                NrqlConditionSpec.DEFAULT_VIOLATION_TIME_LIMIT_SECONDS);
    }

    private static String requireGuid(String guid) {
        if (guid == null || !guid.matches("[A-Za-z0-9+/=]+")) {
            throw new IllegalArgumentException("monitor GUID '" + guid + "' is not an entity GUID; pass Monitor.id()");
        }
        return guid;
    }
}
