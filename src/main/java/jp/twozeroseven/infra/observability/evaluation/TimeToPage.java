package jp.twozeroseven.infra.observability.evaluation;

import jp.twozeroseven.infra.observability.slo.AlertSeverity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How long after a burn starts each SLO pages and tickets, measured by running its alert conditions through the
 * streaming evaluation model ({@link StreamingEvaluator}, {@link CompoundEvaluator}).
 *
 * <p>The telemetry: {@value #VALID_PER_MINUTE} valid events a minute, steady (the model's results depend on shares,
 * not volume, except where a window is empty); the burn starts {@link #START} after the conditions were created, so
 * every sliding window's warm-up is over; the SLI metrics arrive with their own timestamps.
 */
public final class TimeToPage {

    public static final long START = 86_400;
    public static final double VALID_PER_MINUTE = 1_000_000;
    private static final int BUCKET = 60;
    private static final Duration AFTER = Duration.ofDays(1);

    /** The profiles of issue 13: full and partial errors, the 2 %-in-an-hour burn, a short outage, slow burns. */
    public static final List<BurnProfile> PROFILES = List.of(
            BurnProfile.errors("100 % errors", 1.0, Duration.ofDays(1)),
            BurnProfile.errors("10 % errors", 0.10, Duration.ofDays(1)),
            BurnProfile.burn("2 % of budget in 1 h (13.44x)", 0.02 * 672, Duration.ofHours(1)),
            BurnProfile.errors("20-min full outage", 1.0, Duration.ofMinutes(20)),
            BurnProfile.burn("1x for 3 days", 1.0, Duration.ofDays(3)),
            BurnProfile.burn("0.5x for a week", 0.5, Duration.ofDays(7)));

    /**
     * One alert of an SLO: a compound of components (trigger expression over their aliases) or a single condition
     * (one component, expression = its alias).
     */
    public record Alert(String name, AlertSeverity severity, String triggerExpression, Map<String, Condition> components) {
        public static Alert single(String name, AlertSeverity severity, Condition condition) {
            return new Alert(name, severity, "A", Map.of("A", condition));
        }
    }

    public record Slo(String name, double objectivePercent, List<Alert> alerts) {
    }

    /** Seconds from the start of the burn to the first page and the first ticket; empty = never. */
    public record Result(OptionalLong page, OptionalLong ticket) {
    }

    private TimeToPage() {
    }

    public static Result measure(Slo slo, BurnProfile profile) {
        double share = profile.badShareFor(100.0 - slo.objectivePercent());
        long end = START + profile.lasts().toSeconds();
        int buckets = (int) ((end + AFTER.toSeconds()) / BUCKET);
        long bad = Math.round(share * VALID_PER_MINUTE);
        Series series = Series.of(BUCKET, buckets, i -> VALID_PER_MINUTE,
                i -> (long) i * BUCKET >= START && (long) i * BUCKET < end ? bad : 0);
        OptionalLong page = OptionalLong.empty();
        OptionalLong ticket = OptionalLong.empty();
        for (Alert alert : slo.alerts()) {
            Map<String, List<Incident>> parts = new LinkedHashMap<>();
            alert.components().forEach((alias, c) -> parts.put(alias, StreamingEvaluator.evaluate(c, series, 0)));
            OptionalLong first = CompoundEvaluator.evaluate(alert.triggerExpression(), parts).stream()
                    .mapToLong(Incident::openedAt).filter(t -> t >= START).map(t -> t - START).min();
            if (alert.severity() == AlertSeverity.PAGE) {
                page = earliest(page, first);
            } else {
                ticket = earliest(ticket, first);
            }
        }
        return new Result(page, ticket);
    }

    private static OptionalLong earliest(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }

    /** The two markdown tables (time to page, time to ticket), one row per SLO and one column per profile. */
    public static String markdown(List<Slo> slos) {
        List<List<Result>> results = new ArrayList<>();
        for (Slo slo : slos) {
            results.add(PROFILES.stream().map(p -> measure(slo, p)).toList());
        }
        StringBuilder out = new StringBuilder();
        table(out, "Time to page", slos, results, true);
        out.append('\n');
        table(out, "Time to ticket", slos, results, false);
        return out.toString();
    }

    private static void table(StringBuilder out, String title, List<Slo> slos, List<List<Result>> results, boolean page) {
        out.append("| ").append(title).append(" |");
        PROFILES.forEach(p -> out.append(' ').append(p.label()).append(" |"));
        out.append("\n|---|");
        PROFILES.forEach(p -> out.append("---|"));
        out.append('\n');
        for (int i = 0; i < slos.size(); i++) {
            out.append("| ").append(slos.get(i).name()).append(" |");
            for (Result r : results.get(i)) {
                out.append(' ').append(human(page ? r.page() : r.ticket())).append(" |");
            }
            out.append('\n');
        }
    }

    /** "3 min", "1 h 02 min", "23 h 02 min", "never". */
    public static String human(OptionalLong seconds) {
        if (seconds.isEmpty()) {
            return "never";
        }
        long minutes = (seconds.getAsLong() + 59) / 60;
        return minutes < 60 ? minutes + " min" : String.format(java.util.Locale.ROOT, "%d h %02d min", minutes / 60,
                minutes % 60);
    }
}
