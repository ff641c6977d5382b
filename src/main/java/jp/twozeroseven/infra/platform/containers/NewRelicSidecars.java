package jp.twozeroseven.infra.platform.containers;

/**
 * How the New Relic sidecars of a task are set up.
 *
 * @param licenseKey       the New Relic license key secret; its variable name is ignored, each container gets the
 *                         name it expects (NEW_RELIC_LICENSE_KEY, NRIA_LICENSE_KEY, licenseKey)
 * @param accountRegion    US or EU New Relic account
 * @param logRouterImage   Fluent Bit image with New Relic's output plugin, pinned
 * @param infraAgentImage  {@code newrelic/nri-ecs}, pinned
 */
public record NewRelicSidecars(SecretRef licenseKey, NewRelicAccountRegion accountRegion,
                               String logRouterImage, String infraAgentImage) {

    /** Tags seen in public task definitions; bump deliberately, never float to latest. */
    public static final String DEFAULT_LOG_ROUTER_IMAGE = "newrelic/newrelic-fluentbit-output:2.0.0";
    public static final String DEFAULT_INFRA_AGENT_IMAGE = "newrelic/nri-ecs:1.12.18";

    public NewRelicSidecars {
        if (licenseKey == null) {
            throw new IllegalArgumentException("New Relic license key secret is missing");
        }
        if (accountRegion == null) {
            throw new IllegalArgumentException("New Relic account region is missing (US or EU)");
        }
        requirePinned("log router", logRouterImage);
        requirePinned("infrastructure agent", infraAgentImage);
    }

    public static NewRelicSidecars withDefaultImages(SecretRef licenseKey, NewRelicAccountRegion accountRegion) {
        return new NewRelicSidecars(licenseKey, accountRegion, DEFAULT_LOG_ROUTER_IMAGE, DEFAULT_INFRA_AGENT_IMAGE);
    }

    private static void requirePinned(String what, String image) {
        if (image == null || !image.matches("[^:\\s]+:[A-Za-z0-9_.-]+") || image.endsWith(":latest")) {
            throw new IllegalArgumentException("New Relic " + what + " image '" + image + "' must be pinned to a version tag");
        }
    }
}
