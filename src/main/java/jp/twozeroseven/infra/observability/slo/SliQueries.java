package jp.twozeroseven.infra.observability.slo;

import java.util.Optional;

/** The NRQL pieces of the two SLIs we define per APM service. */
public final class SliQueries {

    private SliQueries() {}

    /**
     * Success SLI: every transaction is valid; a transaction error is bad unless the agent marked it
     * expected (e.g. a 404 the app raises on purpose), because expected errors do not hurt users.
     */
    public static SliEvents success(SloSpec spec) {
        var app = "appName = " + Nrql.quote(spec.apmAppName());
        return new SliEvents(
            new EventQuery("Transaction", app),
            Optional.empty(),
            Optional.of(new EventQuery("TransactionError", app + " AND error.expected IS FALSE")));
    }

    /**
     * Latency SLI: web transactions are valid; good ones finished faster than the threshold.
     * Background jobs are left out: their duration says nothing about what a driver waits for.
     */
    public static SliEvents latency(SloSpec spec) {
        var web = "appName = " + Nrql.quote(spec.apmAppName()) + " AND transactionType = 'Web'";
        return new SliEvents(
            new EventQuery("Transaction", web),
            Optional.of(new EventQuery("Transaction", web + " AND duration < " + Nrql.number(spec.latencyThresholdSeconds()))),
            Optional.empty());
    }
}
