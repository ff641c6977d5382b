package jp.twozeroseven.infra.observability.synthetics;

import jp.twozeroseven.infra.settings.CdnOriginSecret;
import jp.twozeroseven.infra.settings.ServiceKind;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;

import java.util.List;
import java.util.Optional;

/**
 * What New Relic Synthetics checks from outside for one service, through the DNS name users use (the ALB
 * listener's host header): the Rails API's health endpoint, the web app's admin page. A DNS, TLS, CloudFront/ALB or
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
     * The check of a service in its stack: the host that answers CloudFront only (cdn.albOriginDomain, docs/cdn.md)
     * is checked as users reach it, through the distribution's first alias, at the health path CloudFront forwards
     * to the ALB; a direct request would get the ALB's 403.
     */
    public static Optional<PublicCheck> of(ServiceSettings service, StackSettings stack) {
        boolean cloudFrontOnly = CdnOriginSecret.guardedService(stack.cdn(), stack.services())
                .filter(s -> s.name().equals(service.name())).isPresent();
        if (cloudFrontOnly && !stack.cdn().aliases().isEmpty()) {
            return Optional.of(new PublicCheck("https://" + stack.cdn().aliases().get(0) + service.healthCheckPath(),
                    LOCATIONS, true));
        }
        return of(service);
    }

    /** The check of a service, or empty when it has no host name of its own (path-routed only). */
    public static Optional<PublicCheck> of(ServiceSettings service) {
        if (service.routing().hostHeaders().isEmpty()) {
            return Optional.empty();
        }
        String host = service.routing().hostHeaders().get(0);
        boolean api = service.kind() == ServiceKind.RAILS_API;
        return Optional.of(new PublicCheck("https://" + host + (api ? service.healthCheckPath() : "/"), LOCATIONS, api));
    }
}
