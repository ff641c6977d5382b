package jp.twozeroseven.infra.observability.evaluation;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The settings of one NRQL alert condition that decide when it opens and closes an incident, named as in
 * {@code @pulumi/newrelic} 5.77.0 {@code NrqlAlertConditionArgs}.
 *
 * @param query                  what SELECT computes
 * @param aggregationWindow      seconds of data aggregated into one data point (30 s .. 6 h)
 * @param slideBy                sliding windows: a data point every {@code slideBy} seconds, each over the last window
 * @param method                 event flow, event timer or cadence
 * @param delayOrTimer           seconds: the delay (event flow, cadence) or the timer (event timer)
 * @param fill                   how an empty window is filled
 * @param operator               above, above_or_equals, below, below_or_equals
 * @param threshold              the critical threshold
 * @param thresholdDuration      seconds the threshold must hold
 * @param occurrences            ALL ("for at least") or AT_LEAST_ONCE ("at least once in")
 * @param expiration             loss of signal: seconds without any event after which the signal is lost
 * @param openOnExpiration       open a loss-of-signal incident when the signal is lost
 * @param closeOnExpiration      close open incidents when the signal is lost
 * @param violationTimeLimit     seconds after which an open incident is force-closed
 */
public record Condition(Query query, int aggregationWindow, Optional<Integer> slideBy, AggregationMethod method,
                        int delayOrTimer, FillOption fill, Operator operator, double threshold, int thresholdDuration,
                        Occurrences occurrences, Optional<Integer> expiration, boolean openOnExpiration,
                        boolean closeOnExpiration, int violationTimeLimit) {

    public enum AggregationMethod { EVENT_FLOW, EVENT_TIMER, CADENCE }

    public enum Occurrences { ALL, AT_LEAST_ONCE }

    public enum Operator {
        ABOVE, ABOVE_OR_EQUALS, BELOW, BELOW_OR_EQUALS;

        boolean breaches(double value, double threshold) {
            return switch (this) {
                case ABOVE -> value > threshold;
                case ABOVE_OR_EQUALS -> value >= threshold;
                case BELOW -> value < threshold;
                case BELOW_OR_EQUALS -> value <= threshold;
            };
        }

        public static Operator of(String providerValue) {
            return valueOf(providerValue.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The provider's fill_option: none, static (with fill_value) or last_value. */
    public record FillOption(String kind, double value) {
        public static final FillOption NONE = new FillOption("none", 0);

        public static FillOption staticValue(double value) {
            return new FillOption("static", value);
        }

        public static FillOption lastValue() {
            return new FillOption("last_value", 0);
        }
    }

    public Condition {
        if (aggregationWindow < 30 || aggregationWindow > 21_600) {
            throw new IllegalArgumentException("aggregation window " + aggregationWindow + " s is outside 30..21600 s");
        }
        int step = slideBy.orElse(aggregationWindow);
        if (slideBy.isPresent() && (step >= aggregationWindow || aggregationWindow % step != 0)) {
            throw new IllegalArgumentException("slideBy " + step + " s must be smaller than and a factor of the window");
        }
        if (thresholdDuration < step || thresholdDuration % step != 0) {
            throw new IllegalArgumentException("threshold duration " + thresholdDuration
                    + " s must be a positive multiple of the data-point step " + step + " s");
        }
    }

    /** Seconds between two data points: the slide, or the whole window when windows tumble. */
    public int step() {
        return slideBy.orElse(aggregationWindow);
    }

    /** The copy of this condition with other threshold semantics, for what-if tests. */
    public Condition withOccurrences(Occurrences other, int duration) {
        return new Condition(query, aggregationWindow, slideBy, method, delayOrTimer, fill, operator, threshold,
                duration, other, expiration, openOnExpiration, closeOnExpiration, violationTimeLimit);
    }

    OptionalDouble filled(OptionalDouble value, OptionalDouble last) {
        if (value.isPresent()) {
            return value;
        }
        return switch (fill.kind()) {
            case "static" -> OptionalDouble.of(fill.value());
            case "last_value" -> last;
            default -> OptionalDouble.empty();
        };
    }
}
