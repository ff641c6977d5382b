package jp.twozeroseven.infra.observability.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * New Relic's streaming alert evaluation of one NRQL condition, as a pure function of the condition, the raw
 * telemetry and the times the condition was created or edited. Each rule below names the page it comes from
 * (all under https://docs.newrelic.com/docs/alerts/create-alert/):
 *
 * <ol>
 * <li>Data points: "Data with timestamps that fall within this window will be aggregated"; with sliding windows a
 *     data point every {@code slideBy} seconds over the last window ({@code fine-tune/streaming-alerts-key-terms-concepts},
 *     "Sliding windows"). Windows are aligned to the clock.</li>
 * <li>Warm-up: after a condition is created or an edit resets evaluation, "your condition will need time build up an
 *     aggregated buffer for the duration of the first aggregation window. During that time, no incidents will
 *     trigger" ({@code create-alert-condition/create-nrql-alert-conditions}, "Sliding window aggregation" and
 *     "Condition edits can reset condition evaluation"). Only windows that start at or after the reset count.</li>
 * <li>When a window is aggregated: event flow, "when the first data point arrives in a subsequent window" at or past
 *     window end + delay (the example: window 12:00–12:01, delay 3 min, aggregated at the first data point of 12:04
 *     or later); event timer, timer seconds after the window's last data point, and never before an earlier window;
 *     cadence, wall clock end + delay ({@code streaming-alerts-key-terms-concepts}, "Event flow", "Event timer",
 *     "Cadence").</li>
 * <li>Empty windows: with fill none an empty window "will reset the threshold duration timer"; static inserts the
 *     fill value, last value the last seen value; gaps are filled only in signals active within the last 2 hours or
 *     the threshold duration, whichever is longer ({@code create-nrql-alert-conditions}, "Fill data gaps").</li>
 * <li>Opening: ALL ("for at least") needs every data point of the threshold duration to breach ("If the data points
 *     exceed for an entire threshold duration", {@code streaming-alerts-key-terms-concepts}); AT_LEAST_ONCE needs one
 *     breaching data point within it ({@code set-thresholds/set-thresholds-alert-condition}: "hits 10% or higher at
 *     least once in an hour"; {@code service-level-management/alerts-slm}: "above the threshold ... at least once in
 *     the evaluation period").</li>
 * <li>Closing: the inverse of opening, evaluated at each data point (ALL: a data point that does not breach;
 *     AT_LEAST_ONCE: a whole threshold duration without a breaching data point). This rule is our reading; the
 *     pages state only the opening rule.</li>
 * <li>Loss of signal: "Expiration duration is a timer that starts and resets when we receive a data point"; it
 *     "triggers as soon as the timer expires", independent of the threshold duration; it "requires a signal to be
 *     present before it can detect that the signal is lost"; lost-signal incidents "close immediately when new data
 *     is evaluated"; with both actions "we'll close all open incidents first, and then open a new incident"
 *     ({@code create-nrql-alert-conditions}, "Set the loss of signal threshold"). A reset forgets the signal.</li>
 * <li>Violation time limit: a long-lasting incident is force-closed after the limit
 *     ({@code @pulumi/newrelic} 5.77.0 {@code violationTimeLimitSeconds}); if the condition still holds at the next
 *     data point, a new incident opens.</li>
 * </ol>
 */
public final class StreamingEvaluator {

    private StreamingEvaluator() {
    }

    /** Evaluates from {@code createdAt} to the end of the series, with evaluation resets at {@code editsAt}. */
    public static List<Incident> evaluate(Condition c, Series series, long createdAt, long... editsAt) {
        List<Long> resets = new ArrayList<>();
        resets.add(createdAt);
        for (long e : editsAt) {
            resets.add(e);
        }
        resets.sort(Comparator.naturalOrder());
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < resets.size(); i++) {
            long from = resets.get(i);
            long until = i + 1 < resets.size() ? resets.get(i + 1) : series.endSeconds();
            actions.add(new Reset(from));
            actions.addAll(dataPoints(c, series, from, until));
            actions.addAll(expirations(c, series, from, until));
        }
        actions.sort(Comparator.comparingLong(Action::at).thenComparingInt(Action::order));
        return new Run(c).apply(actions, series.endSeconds());
    }

    private sealed interface Action permits Reset, DataPoint, Expiry {
        long at();

        int order();
    }

    private record Reset(long at) implements Action {
        public int order() {
            return 0;
        }
    }

    private record Expiry(long at) implements Action {
        public int order() {
            return 1;
        }
    }

    /** {@code fresh}: the window had events of its own (not a fill), which closes a lost-signal incident. */
    private record DataPoint(long at, long windowEnd, OptionalDouble value, boolean fresh) implements Action {
        public int order() {
            return 2;
        }
    }

    private static List<DataPoint> dataPoints(Condition c, Series series, long from, long until) {
        int step = c.step();
        int window = c.aggregationWindow();
        long firstEnd = ceilTo(from + window, step);
        List<DataPoint> points = new ArrayList<>();
        long previousEmit = Long.MIN_VALUE;
        OptionalDouble last = OptionalDouble.empty();
        long memory = Math.max(7_200, c.thresholdDuration());
        for (long end = firstEnd; end <= series.endSeconds(); end += step) {
            long start = end - window;
            OptionalDouble raw = c.query().evaluate(series, start, end);
            long lastEvent = series.lastEventBefore(end);
            boolean activeSignal = lastEvent >= from && end - lastEvent <= memory;
            OptionalDouble value = raw.isPresent() || activeSignal ? c.filled(raw, last) : OptionalDouble.empty();
            if (raw.isPresent()) {
                last = raw;
            }
            if (value.isEmpty()) {
                continue; // nothing is evaluated; the missing data point breaks an ALL streak (rule 4)
            }
            long emit = switch (c.method()) {
                case CADENCE -> end + c.delayOrTimer();
                case EVENT_FLOW -> series.firstEventFrom(end + c.delayOrTimer());
                case EVENT_TIMER -> (lastEvent >= start ? lastEvent : end) + c.delayOrTimer();
            };
            if (emit < 0) {
                continue; // event flow: no later data ever arrives to push this window out
            }
            emit = Math.max(emit, previousEmit);
            previousEmit = emit;
            if (emit >= until) {
                break; // the next edit resets evaluation before this window is aggregated
            }
            points.add(new DataPoint(emit, end, value, raw.isPresent()));
        }
        return points;
    }

    private static List<Expiry> expirations(Condition c, Series series, long from, long until) {
        List<Expiry> out = new ArrayList<>();
        if (c.expiration().isEmpty()) {
            return out;
        }
        long expiration = c.expiration().get();
        long last = series.firstEventFrom(from);
        while (last >= 0 && last < until) {
            long next = series.firstEventFrom(last + 1);
            long lostAt = last + expiration;
            if ((next < 0 || next > lostAt) && lostAt < until) {
                out.add(new Expiry(lostAt));
            }
            last = next;
        }
        return out;
    }

    private static long ceilTo(long value, long step) {
        return Math.floorDiv(value + step - 1, step) * step;
    }

    /** The incident state machine over time-ordered actions. */
    private static final class Run {
        private final Condition c;
        private final List<Incident> done = new ArrayList<>();
        private Incident threshold;
        private Incident lost;
        private long streak;
        private long previousEnd = Long.MIN_VALUE;
        private long lastBreachEnd = Long.MIN_VALUE;

        Run(Condition c) {
            this.c = c;
        }

        List<Incident> apply(List<Action> actions, long end) {
            for (Action a : actions) {
                enforceTimeLimit(a.at());
                if (a instanceof Reset) {
                    streak = 0;
                    previousEnd = Long.MIN_VALUE;
                    lastBreachEnd = Long.MIN_VALUE;
                } else if (a instanceof Expiry e) {
                    expire(e.at());
                } else if (a instanceof DataPoint p) {
                    point(p);
                }
            }
            enforceTimeLimit(end);
            List<Incident> all = new ArrayList<>(done);
            if (threshold != null) {
                all.add(threshold);
            }
            if (lost != null) {
                all.add(lost);
            }
            all.sort(Comparator.comparingLong(Incident::openedAt));
            return List.copyOf(all);
        }

        private void point(DataPoint p) {
            if (lost != null && p.fresh()) {
                done.add(lost.close(p.at(), Incident.Closure.SIGNAL_BACK));
                lost = null;
            }
            if (previousEnd != p.windowEnd() - c.step()) {
                streak = 0;
            }
            previousEnd = p.windowEnd();
            boolean breach = p.value().isPresent() && c.operator().breaches(p.value().getAsDouble(), c.threshold());
            if (breach) {
                streak++;
                lastBreachEnd = p.windowEnd();
            } else {
                streak = 0;
            }
            boolean holds = c.occurrences() == Condition.Occurrences.ALL
                    ? streak >= c.thresholdDuration() / c.step()
                    : lastBreachEnd > p.windowEnd() - c.thresholdDuration();
            if (threshold == null && holds) {
                threshold = Incident.open(p.at(), Incident.Cause.THRESHOLD);
            } else if (threshold != null && !holds) {
                done.add(threshold.close(p.at(), Incident.Closure.RECOVERED));
                threshold = null;
            }
        }

        private void expire(long at) {
            if (c.closeOnExpiration() && threshold != null) {
                done.add(threshold.close(at, Incident.Closure.SIGNAL_LOST));
                threshold = null;
            }
            if (c.openOnExpiration() && lost == null) {
                lost = Incident.open(at, Incident.Cause.LOSS_OF_SIGNAL);
            }
        }

        private void enforceTimeLimit(long now) {
            if (threshold != null && now >= threshold.openedAt() + c.violationTimeLimit()) {
                done.add(threshold.close(threshold.openedAt() + c.violationTimeLimit(), Incident.Closure.TIME_LIMIT));
                threshold = null;
            }
            if (lost != null && now >= lost.openedAt() + c.violationTimeLimit()) {
                done.add(lost.close(lost.openedAt() + c.violationTimeLimit(), Incident.Closure.TIME_LIMIT));
                lost = null;
            }
        }
    }
}
