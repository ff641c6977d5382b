package jp.twozeroseven.infra.observability.evaluation;

import java.util.OptionalDouble;

/**
 * What the condition's NRQL SELECT computes over one aggregation window. Empty means the window had no event,
 * so SELECT never ran: "aggregators like count() and uniqueCount() will never return a zero value ... resulting
 * in a value of NULL" (docs.newrelic.com/docs/alerts/create-alert/create-alert-condition/create-nrql-alert-conditions,
 * "NRQL conditions and query order of operations").
 */
public enum Query {
    /** {@code clamp_max(sum(bad) / sum(valid) * 100, 100)}: the burn-rate queries and percentage(). */
    PERCENT_COUNTED,
    /** {@code count(*)}. */
    COUNT,
    /** {@code rate(count(*), 1 minute)}. */
    RATE_PER_MINUTE,
    /**
     * {@code filter(rate(count(*), 1 minute), WHERE <counted>)} over a wider FROM/WHERE: the total keeps the signal
     * alive, the value is the counted events per minute, 0 when there are none.
     */
    FILTERED_RATE_PER_MINUTE,
    /**
     * {@code filter(count(*), WHERE <counted>)}: the events the filter counts, 0 when the window has events but none
     * match (the heartbeat's checks that say "missed").
     */
    FILTERED_COUNT;

    public OptionalDouble evaluate(Series series, long from, long to) {
        double total = series.total(from, to);
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        return switch (this) {
            // 100 × counted first, then divide: the ratio of integers stays exact where it can.
            case PERCENT_COUNTED -> OptionalDouble.of(Math.min(100.0, 100.0 * series.counted(from, to) / total));
            case COUNT -> OptionalDouble.of(total);
            case RATE_PER_MINUTE -> OptionalDouble.of(total / ((to - from) / 60.0));
            case FILTERED_RATE_PER_MINUTE -> OptionalDouble.of(series.counted(from, to) / ((to - from) / 60.0));
            case FILTERED_COUNT -> OptionalDouble.of(series.counted(from, to));
        };
    }
}
