package jp.twozeroseven.infra.observability.slo;

/**
 * What kind of APM transactions an SLO counts: New Relic's {@code Transaction.transactionType} is {@code Web} for a
 * web request and {@code Other} for a non-web transaction such as a background job (New Relic data dictionary,
 * Transaction; "Transactions in New Relic's APM": web and non-web transactions). A web service's SLIs count its
 * users' web requests; a worker's count its jobs.
 */
public enum TransactionType {

    /** A user's web request; a server error is a 5xx ({@code http.statusCode}, the agents' response status). */
    WEB("Web", "http.statusCode >= 500"),
    /**
     * A background job (Sidekiq, a queue consumer): it has no status code, so a failed job is one the agent marked
     * as an error ({@code error IS true}: the Transaction event's error attribute, set when the transaction ended
     * in an unhandled exception or a noticed error).
     */
    OTHER("Other", "error IS true");

    private final String nrqlValue;
    private final String failed;

    TransactionType(String nrqlValue, String failed) {
        this.nrqlValue = nrqlValue;
        this.failed = failed;
    }

    /** The value of {@code transactionType} in NRQL. */
    public String nrqlValue() {
        return nrqlValue;
    }

    /** The WHERE condition of a transaction of this type that failed on the service's side. */
    public String failed() {
        return failed;
    }
}
