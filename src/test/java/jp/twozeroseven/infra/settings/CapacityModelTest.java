package jp.twozeroseven.infra.settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of docs/capacity.md, computed by hand. */
class CapacityModelTest {

    @ParameterizedTest(name = "{0} rps at {1} rps/task x {2}, headroom {3}, floor {4} -> {5}..{6}")
    @CsvSource({
            // 300 / (40 x 0.6) = 12.5 -> 13; 13 x 1.5 = 19.5 -> 20
            "300, 40, 0.6, 0.5, 2, 13, 20",
            // 200 / 24 = 8.33 -> 9; 9 x 1.5 = 13.5 -> 14 (prod api early morning)
            "200, 40, 0.6, 0.5, 2, 9, 14",
            // 10 / 24 = 0.42 -> 1, raised to the production floor 2; 2 x 1.5 = 3
            "10, 40, 0.6, 0.5, 2, 2, 3",
            // no load at all still keeps the floor
            "0, 40, 0.6, 0.5, 1, 1, 2",
            // 600 / (50 x 0.6) is 20.000000000000004 in floating point: still exactly 20 tasks, max 30
            "600, 50, 0.6, 0.5, 1, 20, 30",
            // headroom 0 pins max to min
            "100, 25, 1.0, 0.0, 1, 4, 4",
            // 100 / (25 x 0.8) = 5 exactly; 5 x 1.2 = 6 exactly (not 7)
            "100, 25, 0.8, 0.2, 1, 5, 6"
    })
    void derivesMinAndMaxTasks(double peakRps, double perTaskRps, double utilisation, double headroom, int floor,
                               int expectedMin, int expectedMax) {
        CapacityModel model = new CapacityModel(perTaskRps, utilisation, headroom, floor);
        int min = model.minTasks(peakRps);
        assertThat(min).isEqualTo(expectedMin);
        assertThat(model.maxTasks(min)).isEqualTo(expectedMax);
    }

    @Test
    void targetTrackingFollowsThePlannedLoadPerTask() {
        assertThat(new CapacityModel(40, 0.6, 0.5, 2).requestsPerTargetPerMinute()).isEqualTo(1440);
    }
}
