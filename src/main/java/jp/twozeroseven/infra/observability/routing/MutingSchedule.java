package jp.twozeroseven.infra.observability.routing;

import jp.twozeroseven.infra.settings.ObservabilityMaintenanceWindow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * The weekly schedule of a muting rule, in New Relic's format: local times without offset plus
 * {@code timeZone = Asia/Tokyo}. The first occurrence is anchored at a fixed past date so the schedule, and the
 * synth, do not change from one run to the next.
 */
public record MutingSchedule(String startTime, String endTime, String timeZone, String repeat, String weeklyRepeatDay) {

    public static final String TOKYO = "Asia/Tokyo";
    /** A Monday; every window's first occurrence is the first matching weekday on or after it. */
    static final LocalDate ANCHOR = LocalDate.of(2025, 1, 6);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public static MutingSchedule weekly(ObservabilityMaintenanceWindow window) {
        LocalDate day = ANCHOR.with(TemporalAdjusters.nextOrSame(window.weekday()));
        LocalDateTime start = LocalDateTime.of(day, window.start());
        LocalDateTime end = start.plus(window.length());
        return new MutingSchedule(start.format(FORMAT), end.format(FORMAT), TOKYO, "WEEKLY", window.weekday().name());
    }
}
