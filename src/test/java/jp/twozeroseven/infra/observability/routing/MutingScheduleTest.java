package jp.twozeroseven.infra.observability.routing;

import jp.twozeroseven.infra.settings.ObservabilityMaintenanceWindow;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class MutingScheduleTest {

    @Test
    void weeklyWindowInTokyoTime() {
        MutingSchedule s = MutingSchedule.weekly(new ObservabilityMaintenanceWindow("db", DayOfWeek.MONDAY,
                LocalTime.of(3, 25), LocalTime.of(4, 45)));
        assertThat(s).isEqualTo(new MutingSchedule("2025-01-06T03:25:00", "2025-01-06T04:45:00", "Asia/Tokyo",
                "WEEKLY", "MONDAY"));
    }

    @Test
    void windowAcrossMidnightEndsTheNextDay() {
        MutingSchedule s = MutingSchedule.weekly(new ObservabilityMaintenanceWindow("night", DayOfWeek.SATURDAY,
                LocalTime.of(23, 0), LocalTime.of(1, 30)));
        // first Saturday on or after 2025-01-06 is 2025-01-11
        assertThat(s.startTime()).isEqualTo("2025-01-11T23:00:00");
        assertThat(s.endTime()).isEqualTo("2025-01-12T01:30:00");
        assertThat(s.weeklyRepeatDay()).isEqualTo("SATURDAY");
    }
}
