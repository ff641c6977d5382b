package jp.twozeroseven.infra.observability.synthetics;

import java.util.List;

/**
 * What New Relic Synthetics checks from outside for one service, through the DNS name users use (the ALB
 * listener's host header) and the path its availability SLO names (the API's health endpoint, the web app's admin
 * page in the stack files). A DNS, TLS, CloudFront/ALB or
 * WAF failure shows here while the APM SLIs, which only see requests that reached a task, stay green.
 *
 * @param uri       https URL of the check
 * @param locations New Relic public locations without the {@code AWS_} prefix (provider docs, synthetics/monitor.d.ts
 *                  {@code locationsPublics}); Tokyo, where the drivers are, and Singapore, so one location's network
 *                  trouble is not an outage
 * @param redirectFails whether a redirect fails the check (the health endpoint answers 200; the admin page may
 *                  redirect to its sign-in)
 */
public record PublicCheck(String uri, List<String> locations, boolean redirectFails) {

    public static final List<String> LOCATIONS = List.of("AP_NORTHEAST_1", "AP_SOUTHEAST_1");

    public PublicCheck {
        if (uri == null || !uri.matches("https://[a-z0-9.-]+/[A-Za-z0-9/_.-]*")) {
            throw new IllegalArgumentException("synthetic check URI '" + uri + "' must be https://<host>/<path>");
        }
        locations = List.copyOf(locations);
        if (!locations.contains("AP_NORTHEAST_1") || locations.size() < 2) {
            throw new IllegalArgumentException("synthetic checks run from Tokyo (AP_NORTHEAST_1) and at least one other "
                    + "location, got " + locations);
        }
    }

    /**
     * The check of {@code https://<host><path>} from {@link #LOCATIONS}.
     *
     * @param redirectIsFailure true for an endpoint that answers 200 itself (a health check); false where a redirect
     *                          is normal (a page that sends visitors to its sign-in)
     */
    public static PublicCheck of(String host, String path, boolean redirectIsFailure) {
        return new PublicCheck("https://" + host + path, LOCATIONS, redirectIsFailure);
    }
}
