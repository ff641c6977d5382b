package jp.twozeroseven.infra.platform.containers;

/**
 * How the New Relic sidecars of a task are set up.
 *
 * @param licenseKey       the New Relic license key secret; its variable name is ignored, each container gets the
 *                         name it expects (NEW_RELIC_LICENSE_KEY, NRIA_LICENSE_KEY, licenseKey)
 * @param accountRegion    US or EU New Relic account
 * @param logRouterImage   New Relic's FireLens image (Fluent Bit with its output plugin), by digest or version tag
 * @param infraAgentImage  New Relic's ECS integration ({@code newrelic/nri-ecs}), by digest or version tag
 * The images are the stack's own ECR mirrors (platform/registry/SidecarImages), never a Docker Hub name.
 */
public record NewRelicSidecars(SecretRef licenseKey, NewRelicAccountRegion accountRegion,
                               String logRouterImage, String infraAgentImage) {

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

    /** A registry host (with a dot, so never Docker Hub's implicit one), then {@code :tag} (not latest) or a digest. */
    private static final String REPOSITORY = "[a-z0-9-]+(\\.[a-z0-9-]+)+(:[0-9]+)?(/[a-z0-9._-]+)+";

    private static void requirePinned(String what, String image) {
        boolean tagged = image != null && image.matches(REPOSITORY + ":[A-Za-z0-9_.-]+") && !image.endsWith(":latest");
        boolean digest = image != null && image.matches(REPOSITORY + "@sha256:[0-9a-f]{64}");
        if (!tagged && !digest) {
            throw new IllegalArgumentException("New Relic " + what + " image '" + image + "' must name its registry "
                    + "and be pinned to a version tag or a sha256 digest");
        }
    }
}
