package jp.twozeroseven.infra.observability.slo;

import java.util.Optional;

/**
 * The NRQL pieces of the two SLIs we define per APM service. Both count what users get: web transactions of the
 * app (a worker's background transactions, {@link TransactionType#OTHER}) without the probe paths (the ALB's and the container's health checks call the target groups'
 * {@code healthCheckPath} every few seconds, which would otherwise dominate the night and keep every SLI green).
 */
public final class SliQueries {

    private SliQueries() {}

    /**
     * The WHERE clause of "a request from a user": {@code appName = '<app>' AND transactionType = 'Web' AND
     * request.uri NOT IN ('<probe>', ...)}. {@code request.uri} is the agents' default Transaction attribute for the
     * request path (docs.newrelic.com agent attributes, e.g. the Go agent's {@code AttributeRequestURI}).
     */
    public static String userRequests(SloSpec spec) {
        String where = "appName = " + Nrql.quote(spec.apmAppName()) + " AND transactionType = "
            + Nrql.quote(spec.transactionType().nrqlValue());
        if (!spec.probePaths().isEmpty()) {
            where += " AND request.uri NOT IN (" + String.join(", ", spec.probePaths().stream().map(Nrql::quote).toList())
                + ")";
        }
        return where;
    }

    /** A counted transaction that failed: a 5xx of a web request, an error of a background job ({@link TransactionType}). */
    public static String failed(SloSpec spec) {
        return spec.transactionType().failed();
    }

    /** Success SLI: user requests are valid; the ones that ended in a server error (5xx) are bad. */
    public static SliEvents success(SloSpec spec) {
        var users = userRequests(spec);
        return new SliEvents(
            new EventQuery("Transaction", users),
            Optional.empty(),
            Optional.of(new EventQuery("Transaction", users + " AND " + failed(spec))));
    }

    /**
     * Latency SLI: user requests are valid; good ones finished faster than the threshold.
     * Background jobs are left out: their duration says nothing about what a driver waits for.
     */
    public static SliEvents latency(SloSpec spec) {
        var users = userRequests(spec);
        return new SliEvents(
            new EventQuery("Transaction", users),
            Optional.of(new EventQuery("Transaction", users + " AND duration < " + Nrql.number(spec.latencyThresholdSeconds()))),
            Optional.empty());
    }
}
