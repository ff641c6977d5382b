package jp.twozeroseven.infra.settings;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

/**
 * A weekly planned maintenance window in Asia/Tokyo during which alert notifications are muted. It may cross
 * midnight (end before start means the next day).
 */
public record ObservabilityMaintenanceWindow(String name, DayOfWeek weekday, LocalTime start, LocalTime end) {

    public Duration length() {
        Duration d = Duration.between(start, end);
        return d.isNegative() || d.isZero() ? d.plusHours(24) : d;
    }
}
