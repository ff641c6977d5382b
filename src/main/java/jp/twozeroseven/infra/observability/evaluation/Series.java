package jp.twozeroseven.infra.observability.evaluation;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Raw telemetry as the streaming alert pipeline sees it, in fixed buckets from time 0: per bucket the events the
 * condition's WHERE clause lets through ({@code total}, e.g. valid SLI events or transactions) and the share of
 * them the query counts in its numerator ({@code counted}, e.g. bad events). A bucket with no events is where a
 * signal is absent. Events are taken to arrive at the start of their bucket with their own timestamp (no
 * ingest lag), which is what the event-flow and event-timer methods key on.
 */
public final class Series {

    private final int bucketSeconds;
    private final double[] totalPrefix;
    private final double[] countedPrefix;
    private final int[] lastEventBucket;

    private Series(int bucketSeconds, double[] total, double[] counted) {
        if (bucketSeconds <= 0 || total.length != counted.length) {
            throw new IllegalArgumentException("a series needs a positive bucket and as many counted as total values");
        }
        this.bucketSeconds = bucketSeconds;
        totalPrefix = new double[total.length + 1];
        countedPrefix = new double[total.length + 1];
        lastEventBucket = new int[total.length];
        int last = -1;
        for (int i = 0; i < total.length; i++) {
            totalPrefix[i + 1] = totalPrefix[i] + total[i];
            countedPrefix[i + 1] = countedPrefix[i] + counted[i];
            if (total[i] > 0) {
                last = i;
            }
            lastEventBucket[i] = last;
        }
    }

    /** {@code buckets} buckets; {@code total} and {@code counted} give each bucket's event counts. */
    public static Series of(int bucketSeconds, int buckets, IntToDoubleFunction total, IntToDoubleFunction counted) {
        double[] t = new double[buckets];
        double[] c = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            t[i] = total.applyAsDouble(i);
            c[i] = counted.applyAsDouble(i);
        }
        return new Series(bucketSeconds, t, c);
    }

    /** Single events at the given seconds (e.g. one heartbeat a night), nothing in between. */
    public static Series events(int bucketSeconds, long endSeconds, long... eventSeconds) {
        double[] t = new double[(int) (endSeconds / bucketSeconds)];
        for (long at : eventSeconds) {
            if (at >= 0 && at / bucketSeconds < t.length) {
                t[(int) (at / bucketSeconds)] += 1;
            }
        }
        return new Series(bucketSeconds, t, Arrays.copyOf(t, t.length));
    }

    public int bucketSeconds() {
        return bucketSeconds;
    }

    public long endSeconds() {
        return (long) (totalPrefix.length - 1) * bucketSeconds;
    }

    /** Events in [from, to), clipped to the series. */
    public double total(long from, long to) {
        return totalPrefix[index(to)] - totalPrefix[index(from)];
    }

    public double counted(long from, long to) {
        return countedPrefix[index(to)] - countedPrefix[index(from)];
    }

    /** The timestamp of the last event before {@code to}, or -1 when there is none. */
    public long lastEventBefore(long to) {
        int i = index(to) - 1;
        if (i < 0) {
            return -1;
        }
        int b = lastEventBucket[i];
        return b < 0 ? -1 : (long) b * bucketSeconds;
    }

    /** The timestamp of the first event at or after {@code from}, or -1 when there is none. */
    public long firstEventFrom(long from) {
        for (int i = index(from); i < totalPrefix.length - 1; i++) {
            if (totalPrefix[i + 1] > totalPrefix[i]) {
                return (long) i * bucketSeconds;
            }
        }
        return -1;
    }

    private int index(long seconds) {
        long i = Math.floorDiv(Math.max(0, seconds) + bucketSeconds - 1, bucketSeconds);
        return (int) Math.min(i, totalPrefix.length - 1);
    }
}
