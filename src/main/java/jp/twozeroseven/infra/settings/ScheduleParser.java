package jp.twozeroseven.infra.settings;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Capacity windows must tile the Tokyo day exactly, so that no hour is left without a min and a max. */
final class ScheduleParser {

    private static final String CLOCK = "a Tokyo time HH:MM, e.g. 04:30";

    private ScheduleParser() {
    }

    static ScalingSettings parse(Section s) {
        List<CapacityWindow> windows = s.each(s.list("windows", true), ScheduleParser::window);
        int cpuTarget = s.integer("cpuTargetPercent", 10, 90, 60);
        int requests = s.integer("requestsPerTarget", 10, 100_000, 1000);
        s.rejectUnknownKeys();
        checkNames(s, windows);
        checkTiling(s, windows);
        return new ScalingSettings(windows, cpuTarget, requests);
    }

    private static CapacityWindow window(Section w) {
        String name = w.matching("name", "[a-z][a-z0-9-]{0,40}", "a lower-case name like early-morning-peak");
        LocalTime start = clock(w, "start");
        LocalTime end = clock(w, "end");
        int min = w.integer("min", 0, 200);
        int max = w.integer("max", 1, 200);
        if (min > max) {
            w.report("min", String.valueOf(min), "min is greater than max (" + max + "); lower min or raise max");
        }
        if (start != null && start.equals(end)) {
            w.report("end", end.toString(), "the window is empty; end must differ from start");
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
