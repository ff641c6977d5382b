package jp.twozeroseven.infra.settings;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code observability.services.<svc>.slos}, the SLO list of one service. Every mistake is reported with its
 * key, the bad value and the fix: unknown keys, a kind other than success/latency/availability, an objective
 * outside (0, 100), a window other than 7 or 28 days, a duplicate name, a threshold or check path on the wrong kind,
 * a second availability SLO, an availability SLO on a service without a host name, a service with no APM SLO.
 */
public final class SloParser {

    static final String KEY = "slos";
    static final Set<Integer> WINDOW_DAYS = new java.util.TreeSet<>(Set.of(7, 28));
    static final int DEFAULT_WINDOW_DAYS = 28;
    private static final String NAME = "[a-z][a-z0-9-]{0,30}";
    private static final String PATH = "/[A-Za-z0-9/_.-]*";
    private static final String LATENCY = "latencyThresholdMs";
    private static final String CHECK_PATH = "checkPath";
    private static final String REDIRECT = "redirectIsFailure";
    private static final Map<String, SloKind> KINDS = new LinkedHashMap<>();

    static {
        for (SloKind kind : SloKind.values()) {
            KINDS.put(kind.key(), kind);
        }
    }

    private SloParser() {
    }

    /**
     * @param service the section {@code observability.services.<svc>}
     * @param hasHost whether the service has a host name of its own ({@code services.<svc>.routing.hostHeaders}),
     *                which an availability SLO checks from outside
     */
    public static List<SloSettings> parse(Section service, boolean hasHost) {
        return parse(service, hasHost, false);
    }

    /**
     * @param worker whether the service is a worker (kind rails-worker): no load balancer, so no public URL for an
     *               availability SLO; its success and latency SLOs count its background transactions
     */
    public static List<SloSettings> parse(Section service, boolean hasHost, boolean worker) {
        List<Section> items = service.list(KEY, true);
        if (items.isEmpty() && service.has(KEY)) {
            service.report(KEY, "[]", "a service needs at least one SLO; add e.g. "
                    + "{name: success, kind: success, objectivePercent: 99.9}");
        }
        List<SloSettings> slos = service.each(items, item -> slo(item, hasHost, worker));
        Set<String> seen = new LinkedHashSet<>();
        boolean availability = false;
        for (int i = 0; i < slos.size(); i++) {
            if (slos.get(i).kind() == SloKind.AVAILABILITY) {
                if (availability) {
                    service.report(KEY + "[" + i + "].kind", SloKind.AVAILABILITY.key(), "a service has one public URL "
                            + "check, so at most one availability SLO; remove this one or merge it into the first");
                }
                availability = true;
            }
            String name = slos.get(i).name();
            if (!name.isEmpty() && !seen.add(name)) {
                service.report(KEY + "[" + i + "].name", name, "duplicate SLO name; every SLO of a service needs its "
                        + "own name (it names the service level and its alerts), e.g. " + name + "-strict");
            }
        }
        if (!slos.isEmpty() && slos.stream().noneMatch(slo -> slo.kind().onApm())) {
            // policy/policies/observability-slo-coverage.ts (mandatory): every load-balanced ECS service needs a
            // service level over its APM app and a burn-rate alert that reads it.
            service.report(KEY, "only availability", "a service needs at least one SLO of kind success or latency "
                    + "(over its APM app, with burn-rate alerts; the policy observability-slo-coverage requires one); "
                    + "add e.g. {name: success, kind: success, objectivePercent: 99.9}");
        }
        return slos;
    }

    private static SloSettings slo(Section s, boolean hasHost, boolean worker) {
        String name = s.matching("name", NAME, "a lower-case name such as success or checkout-latency");
        SloKind kind = s.choice("kind", KINDS);
        double objective = s.number("objectivePercent", 0, 100, true);
        int window = s.integer("windowDays", 1, 366, DEFAULT_WINDOW_DAYS);
        if (!WINDOW_DAYS.contains(window)) {
            s.report("windowDays", String.valueOf(window), "expected one of " + WINDOW_DAYS + " (New Relic's rolling "
                    + "periods; a 1-day period is shorter than the 3-day burn-rate window)");
        }
        Optional<Integer> latency = Optional.empty();
        if (kind == SloKind.LATENCY) {
            latency = Optional.of(s.integer(LATENCY, 1, 60_000));
        } else {
            onlyFor(s, LATENCY, kind, "latency", () -> String.valueOf(s.integer(LATENCY, 1, 60_000, 0)));
        }
        Optional<String> path = Optional.empty();
        boolean redirectIsFailure = false;
        if (kind == SloKind.AVAILABILITY) {
            path = Optional.of(s.matching(CHECK_PATH, PATH, "the path the synthetic monitor calls, such as /health"));
            redirectIsFailure = s.bool(REDIRECT, false);
            if (worker) {
                s.report("kind", kind.key(), "a rails-worker has no public URL (no load balancer reaches it), so no "
                        + "synthetic check can measure it; remove this SLO and keep success and latency, which count "
                        + "its background jobs in APM (docs/workers.md)");
            } else if (!hasHost) {
                s.report("kind", kind.key(), "an availability SLO checks the service's public host name, and this "
                        + "service has no routing.hostHeaders; add a host header or remove this SLO");
            }
        } else {
            onlyFor(s, CHECK_PATH, kind, "availability", () -> s.optionalText(CHECK_PATH, "a path").orElse(""));
            onlyFor(s, REDIRECT, kind, "availability", () -> String.valueOf(s.bool(REDIRECT, false)));
        }
        return new SloSettings(name, kind, objective, window, latency, path, redirectIsFailure);
    }

    /**
     * A key that belongs to another kind: one message that says which, instead of "unknown key". {@code read}
     * reads the value with its own accessor, which marks the key as known (so it is not reported twice).
     */
    private static void onlyFor(Section s, String key, SloKind kind, String owner,
                                java.util.function.Supplier<String> read) {
        if (s.has(key)) {
            s.report(key, read.get(), "only a kind " + owner + " SLO has " + key + "; this one is kind "
                    + kind.key() + ": remove " + key + " or set kind: " + owner);
        }
    }
}
