package jp.twozeroseven.infra.settings;

import java.time.Duration;
import java.time.LocalTime;
import java.util.OptionalDouble;

/**
 * A daily window, in Asia/Tokyo, during which a service runs between {@code min} and {@code max} tasks.
 * A window may wrap midnight (22:00 → 04:00). {@code end} is exclusive.
 *
 * @param expectedPeakRps the peak requests per second the window was sized for, when its min and max were
 *                        derived from load ({@link CapacityModel}); empty when they were typed by hand
 */
public record CapacityWindow(String name, LocalTime start, LocalTime end, int min, int max,
                             OptionalDouble expectedPeakRps) {

    /** A hand-typed window. */
    public CapacityWindow(String name, LocalTime start, LocalTime end, int min, int max) {
        this(name, start, end, min, max, OptionalDouble.empty());
    }

    public boolean isDerived() {
        return expectedPeakRps.isPresent();
    }

    public Duration length() {
        Duration d = Duration.between(start, end);
        return d.isNegative() || d.isZero() ? d.plusHours(24) : d;
    }

    /** Whether the window covers the hour that starts at {@code hour}:00, Tokyo time. */
    public boolean coversHour(int hour) {
        int startMinute = start.getHour() * 60 + start.getMinute();
        int minute = hour * 60;
        long offset = Math.floorMod(minute - startMinute, 24 * 60);
        return offset < length().toMinutes();
    }
}
