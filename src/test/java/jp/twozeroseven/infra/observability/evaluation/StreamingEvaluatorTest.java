package jp.twozeroseven.infra.observability.evaluation;

import jp.twozeroseven.infra.observability.evaluation.Condition.AggregationMethod;
import jp.twozeroseven.infra.observability.evaluation.Condition.FillOption;
import jp.twozeroseven.infra.observability.evaluation.Condition.Occurrences;
import jp.twozeroseven.infra.observability.evaluation.Condition.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model against the examples on New Relic's own pages. Time 0 is 12:00 in the docs' examples; pages are under
 * https://docs.newrelic.com/docs/alerts/create-alert/ unless a full path is given.
 */
class StreamingEvaluatorTest {

    private static final int MINUTE = 60;
    private static final int HOUR = 3600;

    private static Condition count(int window, AggregationMethod method, int delay, FillOption fill, int duration,
                                   Occurrences occurrences) {
        return new Condition(Query.COUNT, window, Optional.empty(), method, delay, fill, Operator.ABOVE, 0, duration,
                occurrences, Optional.empty(), false, false, 86_400);
    }

    @Test
    void eventFlowAggregatesAWindowWhenTheFirstDataPointAtOrPastItsEndPlusTheDelayArrives() {
        // fine-tune/streaming-alerts-key-terms-concepts, "Event flow": 1-minute windows, 3-minute delay; the
        // 12:00-12:01 window is aggregated when the first data point with a timestamp of 12:04 or later arrives.
        Series everyMinute = Series.of(MINUTE, 20, i -> 1, i -> 0);
        Condition c = count(MINUTE, AggregationMethod.EVENT_FLOW, 3 * MINUTE, FillOption.NONE, MINUTE, Occurrences.ALL);
        assertThat(StreamingEvaluator.evaluate(c, everyMinute, 0)).first()
                .satisfies(i -> assertThat(i.openedAt()).isEqualTo(4 * MINUTE));
        // The caution on that page: when data stops, nothing pushes the last windows out; they are never evaluated.
        Series twoMinutesOnly = Series.of(MINUTE, 20, i -> i < 2 ? 1 : 0, i -> 0);
        assertThat(StreamingEvaluator.evaluate(c, twoMinutesOnly, 0)).isEmpty();
    }

    @Test
    void eventTimerAggregatesTheTimerAfterTheWindowsLastDataPoint() {
        // Same page, "Event timer": 1-minute window, 3-minute timer; a lone CloudWatch point in 12:00-12:01 is
        // aggregated 3 minutes later. Here it arrives at 12:00:30.
        Series lonePoint = Series.events(30, 20 * MINUTE, 30);
        Condition c = count(MINUTE, AggregationMethod.EVENT_TIMER, 3 * MINUTE, FillOption.NONE, MINUTE, Occurrences.ALL);
        assertThat(StreamingEvaluator.evaluate(c, lonePoint, 0)).singleElement()
                .satisfies(i -> assertThat(i.openedAt()).isEqualTo(30 + 3 * MINUTE));
    }

    @Test
    void cadenceUsesTheWallClockWhateverTheData() {
        Condition c = count(MINUTE, AggregationMethod.CADENCE, 2 * MINUTE, FillOption.NONE, MINUTE, Occurrences.ALL);
        Series twoMinutesOnly = Series.of(MINUTE, 20, i -> i < 2 ? 1 : 0, i -> 0);
        assertThat(StreamingEvaluator.evaluate(c, twoMinutesOnly, 0)).first()
                .satisfies(i -> assertThat(i.openedAt()).isEqualTo(3 * MINUTE));
    }

    @Test
    void withFillNoneOneEmptyWindowOfFiveMeansNoIncidentAndAStaticFillBridgesIt() {
        // create-alert-condition/create-nrql-alert-conditions, "Fill data gaps": "if a condition says that all
        // aggregation windows must have data points above the threshold for 5 minutes, and 1 of the 5 aggregation
        // windows is empty, then the condition won't be an incident."
        Series gapAtMinute2 = Series.of(MINUTE, 30, i -> i == 2 ? 0 : 1, i -> 0);
        Condition none = count(MINUTE, AggregationMethod.CADENCE, 0, FillOption.NONE, 5 * MINUTE, Occurrences.ALL);
        List<Incident> withGap = StreamingEvaluator.evaluate(none, Series.of(MINUTE, 30, i -> i < 5 && i != 2 ? 1 : 0,
                i -> 0), 0);
        assertThat(withGap).isEmpty();
        // A static value above the threshold fills the gap, so the five minutes breach.
        Condition filled = count(MINUTE, AggregationMethod.CADENCE, 0, FillOption.staticValue(5), 5 * MINUTE,
                Occurrences.ALL);
        assertThat(StreamingEvaluator.evaluate(filled, Series.of(MINUTE, 30, i -> i < 5 && i != 2 ? 1 : 0, i -> 0), 0))
                .first().satisfies(i -> assertThat(i.openedAt()).isEqualTo(5 * MINUTE));
        // Last value: the gap takes the last seen value (above 0 here).
        Condition last = count(MINUTE, AggregationMethod.CADENCE, 0, FillOption.lastValue(), 5 * MINUTE, Occurrences.ALL);
        assertThat(StreamingEvaluator.evaluate(last, gapAtMinute2, 0)).first()
                .satisfies(i -> assertThat(i.openedAt()).isEqualTo(5 * MINUTE));
    }

    @Test
    void atLeastOnceOpensOnTheFirstBreachingPointAndForAtLeastNeedsTheWholeDuration() {
        // set-thresholds/set-thresholds-alert-condition: "An application's error rate per minute hits 10% or
        // higher at least once in an hour" versus "greater than 5 seconds for 15 minutes".
        Series spike = Series.of(MINUTE, 180, i -> 100, i -> i == 30 ? 20 : 0);
        Condition atLeastOnce = new Condition(Query.PERCENT_COUNTED, MINUTE, Optional.empty(), AggregationMethod.CADENCE,
                0, FillOption.NONE, Operator.ABOVE_OR_EQUALS, 10, HOUR, Occurrences.AT_LEAST_ONCE, Optional.empty(),
                false, false, 86_400);
        assertThat(StreamingEvaluator.evaluate(atLeastOnce, spike, 0)).singleElement().satisfies(i -> {
            assertThat(i.openedAt()).isEqualTo(31 * MINUTE);
            // it closes when a whole hour has no breaching point
            assertThat(i.closedAt()).hasValue(91 * MINUTE);
        });
        assertThat(StreamingEvaluator.evaluate(atLeastOnce.withOccurrences(Occurrences.ALL, 15 * MINUTE), spike, 0))
                .isEmpty();
    }

    @Test
    void theAlertsSlmExampleWithSixtySecondSlidePagesInMinutesWhileForAtLeastAnHourTakesAnHour() {
        // service-level-management/alerts-slm: threshold 1.344 for 28 days at 99.9 %, "at least once in the
        // evaluation period (60 minutes)", window 60 minutes, "a 60 seconds slide by interval". 100 % errors from 2 h.
        int t0 = 2 * HOUR;
        Series outage = Series.of(MINUTE, 6 * 60, i -> 1000, i -> i * MINUTE >= t0 ? 1000 : 0);
        Condition slm = new Condition(Query.PERCENT_COUNTED, HOUR, Optional.of(MINUTE), AggregationMethod.EVENT_FLOW,
                120, FillOption.NONE, Operator.ABOVE, 1.344, HOUR, Occurrences.AT_LEAST_ONCE, Optional.empty(), false,
                false, 86_400);
        assertThat(StreamingEvaluator.evaluate(slm, outage, 0)).first()
                .satisfies(i -> assertThat(i.openedAt() - t0).isEqualTo(3 * MINUTE));
        // The shape issue 13 found in our conditions: slide 300 s, "all" for 3600 s opens at about +62 minutes.
        Condition all = new Condition(Query.PERCENT_COUNTED, HOUR, Optional.of(300), AggregationMethod.EVENT_FLOW,
                120, FillOption.NONE, Operator.ABOVE, 1.344, HOUR, Occurrences.ALL, Optional.empty(), false, false,
                86_400);
        assertThat(StreamingEvaluator.evaluate(all, outage, 0)).first()
                .satisfies(i -> assertThat(i.openedAt() - t0).isEqualTo(62 * MINUTE));
    }

    @Test
    void aSlidingWindowConditionCannotOpenUntilOneFullWindowAfterCreationOrAnEdit() {
        // create-nrql-alert-conditions, "Sliding window aggregation": after creation or an evaluation reset "no
        // incidents will trigger" for the duration of the first aggregation window.
        Series alwaysBad = Series.of(MINUTE, 8 * 60, i -> 1000, i -> 1000);
        Condition slm = new Condition(Query.PERCENT_COUNTED, HOUR, Optional.of(MINUTE), AggregationMethod.CADENCE, 0,
                FillOption.NONE, Operator.ABOVE, 1.344, HOUR, Occurrences.AT_LEAST_ONCE, Optional.empty(), false, false,
                86_400);
        assertThat(StreamingEvaluator.evaluate(slm, alwaysBad, HOUR)).first()
                .satisfies(i -> assertThat(i.openedAt()).isEqualTo(2 * HOUR));
    }

    @Test
    void lossOfSignalOpensWhenTheTimerExpiresAndClosesWhenDataComesBackButNeedsASignalFirst() {
        // create-nrql-alert-conditions, "Set the loss of signal threshold".
        Series stopsAt60Min = Series.of(MINUTE, 180, i -> i < 60 || i >= 120 ? 10 : 0, i -> 0);
        Condition los = new Condition(Query.RATE_PER_MINUTE, MINUTE, Optional.empty(), AggregationMethod.CADENCE, 0,
                FillOption.NONE, Operator.BELOW, 0, MINUTE, Occurrences.ALL, Optional.of(10 * MINUTE), true, true, 86_400);
        List<Incident> incidents = StreamingEvaluator.evaluate(los, stopsAt60Min, 0);
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.cause()).isEqualTo(Incident.Cause.LOSS_OF_SIGNAL);
            assertThat(i.openedAt()).isEqualTo(59 * MINUTE + 10 * MINUTE); // last event at 00:59, lost 10 min later
            assertThat(i.closedAt()).hasValue(121 * MINUTE);               // first data point back, 02:00-02:01
            assertThat(i.closedBy()).isEqualTo(Incident.Closure.SIGNAL_BACK);
        });
        // "requires a signal to be present": created while no data flows, nothing is lost.
        Series neverThere = Series.of(MINUTE, 180, i -> 0, i -> 0);
        assertThat(StreamingEvaluator.evaluate(los, neverThere, 0)).isEmpty();
        // and an edit (evaluation reset) in the gap forgets the signal: no incident either
        assertThat(StreamingEvaluator.evaluate(los, stopsAt60Min, 0, 65 * MINUTE)).isEmpty();
    }

    @Test
    void theViolationTimeLimitForceClosesALongIncidentAndANewOneOpensWhileItStillHolds() {
        Series alwaysBad = Series.of(MINUTE, 3 * 60, i -> 10, i -> 10);
        Condition c = new Condition(Query.PERCENT_COUNTED, MINUTE, Optional.empty(), AggregationMethod.CADENCE, 0,
                FillOption.NONE, Operator.ABOVE, 1, MINUTE, Occurrences.ALL, Optional.empty(), false, false, HOUR);
        List<Incident> incidents = StreamingEvaluator.evaluate(c, alwaysBad, 0);
        assertThat(incidents).hasSizeGreaterThanOrEqualTo(2);
        assertThat(incidents.get(0).closedBy()).isEqualTo(Incident.Closure.TIME_LIMIT);
        assertThat(incidents.get(0).closedAt()).hasValue(MINUTE + HOUR);
        assertThat(incidents.get(1).openedAt()).isEqualTo(MINUTE + HOUR); // the data point of that minute reopens it
    }

    @Test
    void compoundConditionsEvaluateTheirTriggerExpressionOverOpenComponents() {
        Incident a = new Incident(100, java.util.OptionalLong.of(500), Incident.Cause.THRESHOLD, Incident.Closure.RECOVERED);
        Incident b = new Incident(300, java.util.OptionalLong.of(900), Incident.Cause.THRESHOLD, Incident.Closure.RECOVERED);
        Map<String, List<Incident>> parts = Map.of("A", List.of(a), "B", List.of(b), "C", List.of());
        assertThat(CompoundEvaluator.evaluate("A AND B", parts)).singleElement().satisfies(i -> {
            assertThat(i.openedAt()).isEqualTo(300);
            assertThat(i.closedAt()).hasValue(500);
        });
        assertThat(CompoundEvaluator.evaluate("A AND NOT B", parts)).singleElement()
                .satisfies(i -> assertThat(i.closedAt()).hasValue(300));
        assertThat(CompoundEvaluator.evaluate("(A OR C) AND B", parts)).hasSize(1);
        assertThat(CompoundEvaluator.evaluate("C OR A AND B", parts)).singleElement()
                .satisfies(i -> assertThat(i.openedAt()).isEqualTo(300));
        assertThatThrownBy(() -> CompoundEvaluator.evaluate("A AND D", parts)).hasMessageContaining("unknown alias 'D'");
        assertThatThrownBy(() -> CompoundEvaluator.evaluate("A AND (B", parts)).hasMessageContaining("missing ')'");
        // compound-alert-limitations: "You can combine up to five conditions in a single compound alert."
        assertThatThrownBy(() -> CompoundEvaluator.evaluate("A", Map.of("A", List.of(), "B", List.of(), "C", List.of(),
                "D", List.of(), "E", List.of(), "F", List.of()))).hasMessageContaining("1 to 5");
    }
}
