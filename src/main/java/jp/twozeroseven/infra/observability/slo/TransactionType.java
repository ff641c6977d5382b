package jp.twozeroseven.infra.observability.slo;

/**
 * What kind of APM transactions an SLO counts: New Relic's {@code Transaction.transactionType} is {@code Web} for a
 * web request and {@code Other} for a non-web transaction such as a background job (New Relic data dictionary,
 * Transaction; "Transactions in New Relic's APM": web and non-web transactions). A web service's SLIs count its
 * users' web requests; a worker's count its jobs.
 */
public enum TransactionType {

    /** A user's web request. */
    WEB,
    /** A background job (Sidekiq, a queue consumer). */
    OTHER;

    /** The value of {@code transactionType} in NRQL. */
    public String nrqlValue() {
        return this == WEB ? "Web" : "Other";
    }

    /**
     * The WHERE condition of a counted transaction that failed on the service's side: a web request's 5xx
     * ({@code http.statusCode}, the agents' response status); a job has no status code, so a failed job is one the
     * agent marked as an error ({@code error IS true}: the Transaction event's error attribute, set when the
     * transaction ended in an unhandled exception or a noticed error).
     */
    public String failed() {
        return this == WEB ? "http.statusCode >= 500" : "error IS true";
    }
}
