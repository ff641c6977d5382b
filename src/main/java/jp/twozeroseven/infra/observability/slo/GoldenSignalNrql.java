package jp.twozeroseven.infra.observability.slo;

/**
 * Golden-signal queries for one APM application, for dashboards and plain threshold alerts, over the same user
 * requests as the SLIs ({@link SliQueries#userRequests}). None has SINCE/TIMESERIES: alert conditions reject them
 * and dashboards add their own.
 */
public final class GoldenSignalNrql {

    private GoldenSignalNrql() {}

    /** Share of user requests that ended in a server error (5xx), in percent. */
    public static String errorRatePercent(SloSpec spec) {
        return "SELECT percentage(count(*), WHERE " + SliQueries.failed(spec) + ") AS 'error rate %' "
            + "FROM Transaction WHERE " + SliQueries.userRequests(spec);
    }

    /** 95th percentile of user requests' duration, in seconds. */
    public static String p95LatencySeconds(SloSpec spec) {
        return "SELECT percentile(duration, 95) AS 'p95 s' FROM Transaction WHERE " + SliQueries.userRequests(spec);
    }

    /**
     * User requests per minute. The FROM/WHERE keeps every transaction of the app, health checks included, and the
     * filter() counts only users: the health checks keep the signal flowing, so a drop to no users at all is a 0, not
     * a NULL that never breaches ("You can avoid NULL values entirely with a query order of operations shortcut ...
     * use a filter sub-clause", docs.newrelic.com/docs/alerts/create-alert/create-alert-condition/
     * create-nrql-alert-conditions, "Example: null vs. zero value returned").
     */
    public static String throughputPerMinute(SloSpec spec) {
        return "SELECT filter(rate(count(*), 1 minute), WHERE " + SliQueries.userRequests(spec) + ") AS 'rpm' "
            + "FROM Transaction WHERE appName = " + Nrql.quote(spec.apmAppName());
    }

    /** Every transaction of the app per minute, health checks included: zero only when the app or agent is gone. */
    public static String anyTransactionPerMinute(SloSpec spec) {
        return "SELECT rate(count(*), 1 minute) AS 'rpm' FROM Transaction WHERE appName = " + Nrql.quote(spec.apmAppName());
    }
}
