package jp.twozeroseven.infra.platform.containers;

/** The data centre of the New Relic account; it decides the log ingest endpoint. */
public enum NewRelicAccountRegion {
    US("https://log-api.newrelic.com/log/v1"),
    EU("https://log-api.eu.newrelic.com/log/v1");

    private final String logEndpoint;

    NewRelicAccountRegion(String logEndpoint) {
        this.logEndpoint = logEndpoint;
    }

    public String logEndpoint() {
        return logEndpoint;
    }
}
