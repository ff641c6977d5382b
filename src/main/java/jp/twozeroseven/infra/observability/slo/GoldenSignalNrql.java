package jp.twozeroseven.infra.observability.slo;

/**
 * Golden-signal queries for one APM application, for dashboards and plain threshold alerts.
 * None has SINCE/TIMESERIES: alert conditions reject them and dashboards add their own.
 */
public final class GoldenSignalNrql {

    private GoldenSignalNrql() {}

    /** Share of transactions that ended in an error, in percent (the APM error-rate chart's definition). */
    public static String errorRatePercent(SloSpec spec) {
        return "SELECT percentage(count(*), WHERE error IS TRUE) AS 'error rate %' "
            + "FROM Transaction WHERE appName = " + Nrql.quote(spec.apmAppName());
    }

    /** 95th percentile of web transaction duration, in seconds. */
    public static String p95LatencySeconds(SloSpec spec) {
        return "SELECT percentile(duration, 95) AS 'p95 s' FROM Transaction WHERE appName = "
            + Nrql.quote(spec.apmAppName()) + " AND transactionType = 'Web'";
    }

    /** Requests per minute. */
    public static String throughputPerMinute(SloSpec spec) {
        return "SELECT rate(count(*), 1 minute) AS 'rpm' FROM Transaction WHERE appName = " + Nrql.quote(spec.apmAppName());
    }
}
