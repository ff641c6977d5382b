package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.ServiceSettings;

import java.util.List;

/**
 * One service's scheduled capacity over the Tokyo day, minute by minute, so that windows that start at 05:30
 * are counted exactly.
 */
public record DailyPlan(String service, List<CapacityWindow> windows) {

    public static final int MINUTES_PER_DAY = 24 * 60;

    public static DailyPlan of(ServiceSettings service) {
        return new DailyPlan(service.name(), service.scaling().windows());
    }

    public CapacityWindow windowAtMinute(int minuteOfDay) {
        return windows.stream().filter(w -> covers(w, minuteOfDay)).findFirst().orElseThrow(() ->
                new IllegalStateException("no window of " + service + " covers minute " + minuteOfDay));
    }

    /** Task-hours per day with every window at its min: what the schedule itself keeps running. */
    public double minTaskHoursPerDay() {
        return windows.stream().mapToDouble(w -> hours(w) * w.min()).sum();
    }

    /** Task-hours per day with every window at its max: the most target tracking can add. */
    public double maxTaskHoursPerDay() {
        return windows.stream().mapToDouble(w -> hours(w) * w.max()).sum();
    }

    /** Task-hours per day of a fixed fleet sized for the busiest window's max, all day. */
    public double staticTaskHoursPerDay() {
        return 24.0 * peakTasks();
    }

    public int peakTasks() {
        return windows.stream().mapToInt(CapacityWindow::max).max().orElse(0);
    }

    private static double hours(CapacityWindow w) {
        return w.length().toMinutes() / 60.0;
    }

    private static boolean covers(CapacityWindow w, int minuteOfDay) {
        int start = w.start().getHour() * 60 + w.start().getMinute();
        return Math.floorMod(minuteOfDay - start, MINUTES_PER_DAY) < w.length().toMinutes();
    }
}
