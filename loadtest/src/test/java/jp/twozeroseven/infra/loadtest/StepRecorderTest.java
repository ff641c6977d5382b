package jp.twozeroseven.infra.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepRecorderTest {

    @Test
    void nearestRankPercentile() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(StepRecorder.percentile(hundred, 0.95)).isEqualTo(95);
        assertThat(StepRecorder.percentile(new long[]{300, 10, 20}, 0.95)).isEqualTo(300);
        assertThat(StepRecorder.percentile(new long[0], 0.95)).isNaN();
    }

    @Test
    void measuresOnlyTheHoldPartAndCountsFailures() {
        long second = 1_000_000_000L;
        // 1 s ramp from the first request at 9 s, then 2 s measured: [10 s, 12 s)
        StepRecorder recorder = new StepRecorder(second, 2 * second);
        recorder.record(9 * second, 5, 200);            // ramp: ignored
        recorder.record(10 * second, 10, 200);
        recorder.record(11 * second, 20, 500);          // server error
        recorder.record(11 * second, -1, 0);            // no response
        recorder.record(11 * second + 5, 30, 404);      // answered: a client error is served load
        recorder.record(12 * second, 5, 200);           // after the step: ignored

        StepMeasurement m = recorder.summarize(2);

        assertThat(m.requests()).isEqualTo(4);
        assertThat(m.failures()).isEqualTo(2);
        assertThat(m.clientErrors()).isEqualTo(1);
        assertThat(m.errorRate()).isEqualTo(0.5);
        assertThat(m.achievedRps()).isEqualTo(1.0);
        assertThat(m.p95Millis()).isEqualTo(30);
        assertThat(m.meets(new LoadTargets(100, 0.6))).isTrue();
        assertThat(m.meets(new LoadTargets(100, 0.1))).isFalse();
        assertThat(m.meets(new LoadTargets(25, 0.6))).isFalse();
    }
}
