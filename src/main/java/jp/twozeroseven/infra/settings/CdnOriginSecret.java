package jp.twozeroseven.infra.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret CloudFront sends to the ALB so that the ALB origin's host answers CloudFront only (docs/cdn.md): the
 * secret config key {@code cdnOriginSecret}, one value, or {@code new,old} while rotating (the ALB accepts both,
 * CloudFront sends the first).
 *
 * <p>Each value is 32 to 128 characters of {@code A-Z a-z 0-9 _ -}: an ALB http-header condition compares values
 * of at most 128 characters, case-insensitively, and reads {@code *} and {@code ?} as wildcards
 * (Elastic Load Balancing API Reference, HttpHeaderConditionConfig), so a secret with either would match more than
 * itself. A rule holds at most 5 condition values in all (ELB User Guide, "Quotas for your Application Load
 * Balancers", condition values per rule), and the service's host headers and path patterns count too.
 */
public final class CdnOriginSecret {

    public static final int MAX_VALUES = 2;
    /** ELB quotas: condition values per rule. */
    public static final int CONDITION_VALUES_PER_RULE = 5;
    static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{32,128}");
    static final String GENERATE = "\"$(openssl rand -hex 32)\"";

    private CdnOriginSecret() {
    }

    /** The values the ALB accepts, the one CloudFront sends first; empty when the stack has no ALB origin. */
    public static List<String> values(StackSettings settings) {
        if (settings.cdn().albOriginDomain().isEmpty()) {
            return List.of();
        }
        return settings.secrets().get(SecretKey.CDN_ORIGIN_SECRET).map(v -> split(v.reveal())).orElse(List.of());
    }

    /** The service whose host CloudFront's ALB origin connects to: its production rule answers CloudFront only. */
    public static Optional<ServiceSettings> guardedService(CdnSettings cdn, List<ServiceSettings> services) {
        return cdn.albOriginDomain().flatMap(host -> services.stream()
                .filter(s -> s.hostHeaders().contains(host)).findFirst());
    }

    /**
     * The values the production rule of {@code service} requires in the header: the accepted values when it is the
     * guarded service (its host is cdn.albOriginDomain), else none.
     */
    public static List<String> valuesFor(StackSettings settings, ServiceSettings service) {
        boolean guarded = guardedService(settings.cdn(), settings.services())
                .filter(s -> s.name().equals(service.name())).isPresent();
        return guarded ? values(settings) : List.of();
    }

    /** The priority of the rule that answers 403 to the guarded host without the header: right after its rule. */
    public static int denyPriority(ServiceSettings service) {
        return denyPriority(routing(service).priority());
    }

    /** The listener rule of a service behind the load balancer (the guarded service always is: it has a host). */
    private static Routing routing(ServiceSettings service) {
        return service.loadBalanced().orElseThrow().routing();
    }

    /** @param productionPriority the priority of the guarded service's production rule */
    public static int denyPriority(int productionPriority) {
        return productionPriority + 1;
    }

    /** A CloudFront path pattern (* and ? wildcards) as a regular expression. */
    static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    static List<String> split(String text) {
        return List.copyOf(new LinkedHashSet<>(List.of(text.split(",", -1))));
    }

    /** One message per problem, before any resource is registered; the value itself is never shown. */
    static void check(String project, CdnSettings cdn, List<ServiceSettings> services, StackSecrets secrets,
                      boolean offline, Problems problems) {
        String key = project + ":" + SecretKey.CDN_ORIGIN_SECRET.key();
        String setIt = "set it with: pulumi config set --secret " + key + " " + GENERATE;
        Optional<SecretValue> secret = secrets.get(SecretKey.CDN_ORIGIN_SECRET);
        Optional<ServiceSettings> guarded = guardedService(cdn, services);
        if (guarded.isEmpty()) {
            if (cdn.albOriginDomain().isEmpty() && secret.isPresent() && !secret.get().isOfflinePlaceholder()) {
                problems.add(key, "(secret, not shown)", "has no effect without cdn.albOriginDomain; remove it with: "
                        + "pulumi config rm " + key);
            }
            return;
        }
        ServiceSettings service = guarded.get();
        int deny = denyPriority(service);
        String prefix = project + ":services.";
        services.stream().filter(s -> s.loadBalanced().isPresent() && routing(s).priority() == deny).findFirst().ifPresent(s -> problems.add(
                prefix + s.name() + ".routing.priority", String.valueOf(deny), "is the priority of the rule that "
                        + "answers 403 to " + cdn.albOriginDomain().get() + " requests that did not come through "
                        + "CloudFront (services." + service.name() + ".routing.priority + 1); choose another"));
        if (deny > 50000) {
            problems.add(prefix + service.name() + ".routing.priority", String.valueOf(routing(service).priority()),
                    "must be below 50000: the rule after it (403 without CloudFront's header) takes the next one");
        }
        int routingValues = routing(service).hostHeaders().size() + routing(service).pathPatterns().size();
        if (routingValues + MAX_VALUES > CONDITION_VALUES_PER_RULE) {
            problems.add(prefix + service.name() + ".routing", routingValues + " host headers and path patterns",
                    "with CloudFront's header (up to " + MAX_VALUES + " values while rotating) the rule would exceed "
                            + "the ALB's " + CONDITION_VALUES_PER_RULE + " condition values per rule; use at most "
                            + (CONDITION_VALUES_PER_RULE - MAX_VALUES));
        }
        String health = service.loadBalanced().orElseThrow().healthCheckPath();
        if (health != null && cdn.albPathPatterns().stream().noneMatch(p -> health.matches(glob(p)))) {
            problems.add(prefix + service.name() + ".healthCheckPath", health, "the outside-in check of "
                    + service.name() + " goes through CloudFront (its host answers CloudFront only), which sends only "
                    + "cdn.albPathPatterns " + cdn.albPathPatterns() + " to the ALB; use a health path under one of them");
        }
        if (secret.isEmpty()) {
            if (!offline) {
                problems.add(key, null, "required while cdn.albOriginDomain is set: CloudFront sends it to the ALB, "
                        + "which answers 403 to " + cdn.albOriginDomain().get() + " without it; " + setIt);
            }
            return;
        }
        if (secret.get().isOfflinePlaceholder()) {
            return;
        }
        List<String> values = new ArrayList<>(List.of(secret.get().reveal().split(",", -1)));
        if (values.size() > MAX_VALUES || !values.stream().allMatch(v -> VALUE.matcher(v).matches())) {
            problems.add(key, "(secret, not shown)", "expected one value, or 'new,old' while rotating, each 32 to 128 "
                    + "characters of A-Z a-z 0-9 _ - (the ALB compares at most 128 characters and reads * and ? as "
                    + "wildcards); " + setIt);
        }
    }
}
