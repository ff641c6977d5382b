package jp.twozeroseven.infra.settings;

/**
 * Where alerts go.
 *
 * @param paging             true: critical issues page the on-call engineer through PagerDuty; false: Slack only
 * @param slackDestinationId the id of the Slack destination created in the New Relic UI (the API cannot)
 * @param slackChannelId     the Slack channel id, e.g. C04ABCDEF12
 */
public record ObservabilityRouting(boolean paging, String slackDestinationId, String slackChannelId) {
}
