package jp.twozeroseven.infra.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects every response of a step. The kit measures itself instead of reading Gatling's report files, whose
 * format is internal to Gatling and changes between versions.
 */
public final class StepRecorder {

    private final long rampNanos;
    private final long holdNanos;
    private final List<long[]> samples = new ArrayList<>();
    private long firstStartNanos = Long.MIN_VALUE;

    /**
     * The clock starts with the first request, not when Gatling is asked to start: its own start-up takes a
     * variable part of a second. Requests started during the ramp or after the hold are not measured.
     */
    public StepRecorder(long rampNanos, long holdNanos) {
        this.rampNanos = rampNanos;
        this.holdNanos = holdNanos;
    }

    /**
     * @param latencyMillis negative when no response came back (connection error, timeout)
     * @param status        HTTP status, or 0 when no response came back
     */
    public synchronized void record(long startNanos, long latencyMillis, int status) {
        if (firstStartNanos == Long.MIN_VALUE || startNanos < firstStartNanos) {
            firstStartNanos = startNanos;
        }
        long from = firstStartNanos + rampNanos;
        if (startNanos >= from && startNanos < from + holdNanos) {
            samples.add(new long[]{latencyMillis, status});
        }
    }

    public synchronized StepMeasurement summarize(double offeredRps) {
        long failures = samples.stream().filter(s -> s[1] < 200 || s[1] >= 500 || s[0] < 0).count();
        long successes = samples.size() - failures;
        long clientErrors = samples.stream().filter(s -> s[1] >= 400 && s[1] < 500).count();
        long[] latencies = samples.stream().filter(s -> s[0] >= 0).mapToLong(s -> s[0]).sorted().toArray();
        double seconds = holdNanos / 1e9;
        return new StepMeasurement(offeredRps, samples.size(), failures, clientErrors, successes / seconds,
                percentile(latencies, 0.95));
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        long[] values = sorted.clone();
        Arrays.sort(values);
        int rank = (int) Math.ceil(p * values.length);
        return values[Math.max(0, rank - 1)];
    }
}
