package jp.twozeroseven.infra.data.orchestration;

import jp.twozeroseven.infra.settings.ObservabilityRegion;

import java.util.regex.Pattern;

/**
 * Where the state machine reports that a nightly run completed: New Relic's Event API, authenticated by an
 * EventBridge connection that holds the ingest key (the key itself never appears in the definition).
 *
 * @param eventApiUrl   {@code https://insights-collector.newrelic.com/v1/accounts/<id>/events} (US) or the EU host
 * @param connectionArn the EventBridge connection (API_KEY, header {@code Api-Key}) the HTTP task authenticates with
 * @param stack         the value of the event's {@code stack} attribute; the heartbeat NRQL filters on it
 */
public record HeartbeatEndpoint(String eventApiUrl, String connectionArn, String stack) {

    public static final String US_HOST = "insights-collector.newrelic.com";
    public static final String EU_HOST = "insights-collector.eu01.nr-data.net";
    private static final Pattern URL = Pattern.compile("https://(" + Pattern.quote(US_HOST) + "|" + Pattern.quote(EU_HOST)
            + ")/v1/accounts/\\d{1,12}/events");
    private static final Pattern CONNECTION_ARN =
            Pattern.compile("arn:aws:events:[a-z]{2}-[a-z]+-\\d:\\d{12}:connection/[A-Za-z0-9._-]+/[A-Za-z0-9-]+");

    public HeartbeatEndpoint {
        if (eventApiUrl == null || !URL.matcher(eventApiUrl).matches()) {
            throw new IllegalArgumentException("New Relic Event API URL '" + eventApiUrl + "' must be https://" + US_HOST
                    + "/v1/accounts/<accountId>/events (or " + EU_HOST + " for EU accounts); use HeartbeatEndpoint.newRelic");
        }
        if (connectionArn == null || !CONNECTION_ARN.matcher(connectionArn).matches()) {
            throw new IllegalArgumentException("EventBridge connection ARN '" + connectionArn
                    + "' must look like arn:aws:events:<region>:<account>:connection/<name>/<id>");
        }
        if (stack == null || !stack.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("heartbeat stack '" + stack + "' must be the Pulumi stack name, e.g. prod");
        }
    }

    /** The Event API of the account's data center. */
    public static HeartbeatEndpoint newRelic(String accountId, ObservabilityRegion region, String connectionArn, String stack) {
        return new HeartbeatEndpoint(eventApiUrl(accountId, region), connectionArn, stack);
    }

    public static String eventApiUrl(String accountId, ObservabilityRegion region) {
        if (accountId == null || !accountId.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("New Relic account id '" + accountId + "' must be digits only");
        }
        if (region == null) {
            throw new IllegalArgumentException("New Relic region is missing; use US or EU");
        }
        return "https://" + (region == ObservabilityRegion.EU ? EU_HOST : US_HOST) + "/v1/accounts/" + accountId + "/events";
    }
}
