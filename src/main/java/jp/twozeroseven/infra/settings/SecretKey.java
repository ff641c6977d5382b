package jp.twozeroseven.infra.settings;

/**
 * Every config key that holds a secret. They are set with {@code pulumi config set --secret <project>:<key>},
 * never written in plain text, and listed in the README.
 */
public enum SecretKey {
    SLACK_WEBHOOK_URL("slackWebhookUrl", "Slack incoming-webhook URL for data-pipeline failure reports", true),
    // Every stack runs the data pipeline, and every pipeline posts its heartbeat.
    NEW_RELIC_INGEST_KEY("newRelicIngestKey",
            "New Relic license (ingest) key the ETL state machine and the heartbeat checker post their events with", true),
    PAGERDUTY_INTEGRATION_KEY("pagerDutyIntegrationKey",
            "PagerDuty Events API v2 integration key of the on-call service (stacks that page)", false),
    NEW_RELIC_API_KEY("newRelicApiKey",
            "New Relic user API key for the provider and the NerdGraph deploy markers (needed while "
                    + "observability.deployMarkers is on); NEW_RELIC_API_KEY in the environment also works for the provider",
            false),
    // Checked by CdnOriginSecret: required while cdn.albOriginDomain is set.
    CDN_ORIGIN_SECRET("cdnOriginSecret",
            "The value CloudFront sends to the ALB in X-Origin-Verify (docs/cdn.md); 'new,old' while rotating", false);

    private final String key;
    private final String description;
    private final boolean requiredEverywhere;

    SecretKey(String key, String description, boolean requiredEverywhere) {
        this.key = key;
        this.description = description;
        this.requiredEverywhere = requiredEverywhere;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public boolean requiredEverywhere() {
        return requiredEverywhere;
    }

    public static boolean isSecretKey(String name) {
        for (SecretKey k : values()) {
            if (k.key.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
