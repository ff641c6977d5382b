package jp.twozeroseven.infra.settings;

import java.util.Optional;
import java.util.OptionalDouble;

/** Reads {@code scaling.capacity}; every number is checked against what it means, not just its type. */
final class CapacityModelParser {

    private static final String MEASURE = "measure it with the load-test kit (docs/capacity.md) for this service's "
            + "cpu and memory";

    private CapacityModelParser() {
    }

    static Optional<CapacityModel> parse(Section c) {
        OptionalDouble perTask = decimal(c, "perTaskRps", "requests per second one task sustains at the target "
                + "latency; " + MEASURE);
        OptionalDouble utilisation = decimal(c, "targetUtilisation", "the share of perTaskRps planned at peak, "
                + "e.g. 0.6");
        OptionalDouble headroom = decimal(c, "headroom", "how far max may rise above min, e.g. 0.5 for 50%");
        int minimumTasks = c.integer("minimumTasks", 1, 200, 1);
        c.rejectUnknownKeys();
        if (perTask.isPresent() && !(perTask.getAsDouble() > 0)) {
            c.report("perTaskRps", number(perTask), "per-task capacity must be above 0; " + MEASURE);
            perTask = OptionalDouble.empty();
        }
        if (utilisation.isPresent() && !(utilisation.getAsDouble() > 0 && utilisation.getAsDouble() <= 1)) {
            c.report("targetUtilisation", number(utilisation), "expected a share above 0 and at most 1, e.g. 0.6 to "
                    + "plan each task at 60% of its measured capacity");
            utilisation = OptionalDouble.empty();
        }
        if (headroom.isPresent() && !(headroom.getAsDouble() >= 0 && headroom.getAsDouble() <= 3)) {
            c.report("headroom", number(headroom), "expected 0 to 3, e.g. 0.5 lets max rise 50% above min; "
                    + "0 pins max to min");
            headroom = OptionalDouble.empty();
        }
        if (perTask.isEmpty() || utilisation.isEmpty() || headroom.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CapacityModel(perTask.getAsDouble(), utilisation.getAsDouble(),
                headroom.getAsDouble(), minimumTasks));
    }

    private static OptionalDouble decimal(Section c, String key, String meaning) {
        if (!c.has(key)) {
            c.markKnown(key);
            c.report(key, (String) null, "required; " + meaning);
            return OptionalDouble.empty();
        }
        int before = c.problems().all().size();
        double value = c.number(key, -1e9, 1e9, false);
        return c.problems().all().size() > before ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static String number(OptionalDouble value) {
        double v = value.getAsDouble();
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
