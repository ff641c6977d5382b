package jp.twozeroseven.infra.settings;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Capacity windows must tile the Tokyo day exactly, so that no hour is left without a min and a max. Each window
 * either types its min and max, or gives the peak load it expects ({@code peakRps}) and has them derived from the
 * service's {@code capacity} ({@link CapacityModel}).
 */
final class ScheduleParser {

    private static final String CLOCK = "a Tokyo time HH:MM, e.g. 04:30";
    private static final int MAX_TASKS = 200;

    private ScheduleParser() {
    }

    /**
     * @param loadBalanced false for a worker: it serves no requests, so neither the ALB request-count tracking
     *                     ({@code requestsPerTarget}, which needs a target group: Application Auto Scaling,
     *                     predefined metric ALBRequestCountPerTarget) nor a load-derived capacity model applies
     */
    static ScalingSettings parse(Section s, boolean loadBalanced) {
        Optional<CapacityModel> capacity = s.optionalSection("capacity").flatMap(CapacityModelParser::parse);
        boolean capacityGiven = s.has("capacity");
        List<CapacityWindow> windows = s.each(s.list("windows", true), w -> window(w, capacity, capacityGiven));
        int cpuTarget = s.integer("cpuTargetPercent", 10, 90, 60);
        int requestsDefault = capacity.map(c -> Math.max(10, Math.min(100_000, c.requestsPerTargetPerMinute())))
                .orElse(1000);
        int requests = s.integer("requestsPerTarget", 10, 100_000, requestsDefault);
        if (!loadBalanced) {
            String fix = "a rails-worker takes no requests from the load balancer, so it scales on CPU only "
                    + "(cpuTargetPercent) and its windows give min and max; remove ";
            if (s.has("requestsPerTarget")) {
                s.report("requestsPerTarget", String.valueOf(requests), fix + "requestsPerTarget");
            }
            if (s.has("capacity")) {
                s.report("capacity", "a capacity model", fix + "capacity (and the windows' peakRps)");
            }
        }
        s.rejectUnknownKeys();
        checkNames(s, windows);
        checkTiling(s, windows);
        if (capacityGiven && !windows.isEmpty() && windows.stream().noneMatch(CapacityWindow::isDerived)) {
            s.report("capacity", (String) null, "no window gives peakRps, so the capacity model is unused; give "
                    + "windows a peakRps instead of min and max, or remove capacity");
        }
        return new ScalingSettings(windows, cpuTarget, requests, capacity);
    }

    private static CapacityWindow window(Section w, Optional<CapacityModel> capacity, boolean capacityGiven) {
        String name = w.matching("name", "[a-z][a-z0-9-]{0,40}", "a lower-case name like early-morning-peak");
        LocalTime start = clock(w, "start");
        LocalTime end = clock(w, "end");
        if (start != null && start.equals(end)) {
            w.report("end", end.toString(), "the window is empty; end must differ from start");
        }
        boolean typed = w.has("min") || w.has("max");
        if (!w.has("peakRps")) {
            if (!typed) {
                // Ask for the keys so that a typo such as `mn:` is reported with the right hint.
                w.markKnown("peakRps");
                w.markKnown("max");
                w.report("min", (String) null, "required; give min and max (tasks), or peakRps (requests per "
                        + "second) to derive them from scaling.capacity");
                return new CapacityWindow(name, start, end, 0, 1);
            }
            return typed(w, name, start, end);
        }
        double peak = w.number("peakRps", 0, 1_000_000, false);
        if (typed) {
            w.report("peakRps", String.valueOf(peak), "both forms given: a window takes either peakRps (min and "
                    + "max derived from scaling.capacity) or hand-typed min and max; remove one of them");
            return typed(w, name, start, end);
        }
        if (capacity.isEmpty()) {
            if (!capacityGiven) {
                w.report("peakRps", String.valueOf(peak), "deriving min and max from peakRps needs scaling.capacity "
                        + "{perTaskRps, targetUtilisation, headroom}; add it, or type min and max instead");
            }
            return new CapacityWindow(name, start, end, 0, 1, OptionalDouble.of(peak));
        }
        CapacityModel model = capacity.get();
        int min = model.minTasks(peak);
        int max = model.maxTasks(min);
        if (max > MAX_TASKS) {
            w.report("peakRps", String.valueOf(peak), "derives min " + min + " and max " + max + " tasks, above the "
                    + MAX_TASKS + "-task limit; give the service a larger cpu/memory and measure its perTaskRps again");
        }
        return new CapacityWindow(name, start, end, min, max, OptionalDouble.of(peak));
    }

    private static CapacityWindow typed(Section w, String name, LocalTime start, LocalTime end) {
        int min = w.integer("min", 0, MAX_TASKS);
        int max = w.integer("max", 1, MAX_TASKS);
        if (min > max) {
            w.report("min", String.valueOf(min), "min is greater than max (" + max + "); lower min or raise max");
        }
        return new CapacityWindow(name, start, end, min, max);
    }

    private static LocalTime clock(Section w, String key) {
        String text = w.matching(key, "([01]\\d|2[0-3]):[0-5]\\d", CLOCK);
        return text.isEmpty() ? null : LocalTime.parse(text);
    }

    private static void checkNames(Section s, List<CapacityWindow> windows) {
        Set<String> seen = new HashSet<>();
        for (CapacityWindow w : windows) {
            if (!w.name().isEmpty() && !seen.add(w.name())) {
                s.report("windows", w.name(), "duplicate window name; each window needs its own name");
            }
        }
    }

    private static void checkTiling(Section s, List<CapacityWindow> windows) {
        if (windows.isEmpty() || windows.stream().anyMatch(w -> w.start() == null || w.end() == null
                || w.start().equals(w.end()))) {
            return;
        }
        List<CapacityWindow> sorted = windows.stream().sorted(Comparator.comparing(CapacityWindow::start)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            CapacityWindow current = sorted.get(i);
            CapacityWindow next = sorted.get((i + 1) % sorted.size());
            if (!current.end().equals(next.start())) {
                boolean overlap = endsAfter(current, next);
                s.report("windows", current.name() + " " + current.start() + "-" + current.end(),
                        (overlap ? "overlaps" : "leaves a gap before") + " window " + next.name() + " starting "
                                + next.start() + "; each window must end exactly where the next one starts");
            }
        }
        long minutes = windows.stream().mapToLong(w -> w.length().toMinutes()).sum();
        if (minutes != 24 * 60 && s.problems().all().stream().noneMatch(p -> p.key().startsWith(s.keyOf("windows")))) {
            s.report("windows", windows.stream().map(CapacityWindow::name).collect(Collectors.joining(",")),
                    "the windows cover " + minutes + " minutes; they must cover the 24 hours of the day once");
        }
    }

    private static boolean endsAfter(CapacityWindow current, CapacityWindow next) {
        long fromCurrentStart = Math.floorMod(next.start().toSecondOfDay() - current.start().toSecondOfDay(), 86400);
        return fromCurrentStart < current.length().toSeconds();
    }
}
