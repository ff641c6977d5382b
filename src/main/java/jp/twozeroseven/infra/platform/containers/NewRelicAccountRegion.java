package jp.twozeroseven.infra.platform.containers;

/** The data centre of the New Relic account; it decides the log ingest endpoint. */
public enum NewRelicAccountRegion {
    US,
    EU;

    /** The Log API endpoint of the account's data centre (New Relic docs, "Introduction to the Log API"). */
    public String logEndpoint() {
        return switch (this) {
            case US -> "https://log-api.newrelic.com/log/v1";
            case EU -> "https://log-api.eu.newrelic.com/log/v1";
        };
    }
}
