package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.data.orchestration.EtlExecutions.Run;
import jp.twozeroseven.infra.observability.alerts.HeartbeatCondition;
import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;
import jp.twozeroseven.infra.observability.evaluation.Condition;
import jp.twozeroseven.infra.observability.evaluation.Incident;
import jp.twozeroseven.infra.observability.evaluation.ProviderInputs;
import jp.twozeroseven.infra.observability.evaluation.Series;
import jp.twozeroseven.infra.observability.evaluation.StreamingEvaluator;
import jp.twozeroseven.infra.settings.ObservabilityHeartbeat;
import jp.twozeroseven.infra.support.PipelineEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heartbeat end to end, night by night: the checker's real JSONata (pinned jsonata) turns a history of ETL runs
 * into one EtlHeartbeatCheck every 15 minutes, and the evaluation model runs the synthesized condition over those
 * events. Time 0 = day 0, 00:00 JST; runs start 01:30, deadline 06:00.
 */
class HeartbeatCheckModelTest {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final long CHECK = PipelineEvents.CHECK_EVERY.toSeconds();
    /** NrqlConditions registers sparse-event conditions with event_timer 300 s. */
    private static final int TIMER = 300;
    private static final ObservabilityHeartbeat PROD = new ObservabilityHeartbeat(LocalTime.of(1, 30), LocalTime.of(6, 0));
    private static final NrqlConditionSpec SPEC = HeartbeatCondition.of("prod", PROD);
    private static final Condition HEARTBEAT = new Condition(ProviderInputs.query(SPEC.nrql()), SPEC.aggregationWindowSeconds(),
            SPEC.slideBySeconds(), Condition.AggregationMethod.EVENT_TIMER, TIMER, Condition.FillOption.NONE,
            Condition.Operator.of(SPEC.operator()), SPEC.threshold(), SPEC.thresholdDurationSeconds(), Condition.Occurrences.ALL,
            SPEC.signalLossSeconds(), true, true, SPEC.violationTimeLimitSeconds());
    private static final String CHECK_JSONATA = HeartbeatCheckDefinition.render(HeartbeatCheckDefinitionTest.PROD)
            .path("States").path(HeartbeatCheckDefinition.LIST_RUNS).path("Output").asText();
    /** Deadline after which "at most one cadence" holds: the check at the deadline, then the event timer. */
    private static final long ONE_CHECK = CHECK + TIMER;

    private static long at(int day, int hour, int minute) {
        return day * DAY + hour * HOUR + minute * MINUTE;
    }

    private static final long END = at(6, 0, 0);
    private static final long DEPLOYED = at(0, 0, 0);
    /** Day 0 succeeds; day 1 fails; day 2 fails too; on day 2 at 10:00 a manual rerun succeeds at 12:00; days 3.. succeed. */
    private static final List<Run> BROKEN_TWO_NIGHTS = List.of(
            new Run(at(0, 1, 30), at(0, 4, 0), "SUCCEEDED"),
            new Run(at(1, 1, 30), at(1, 3, 0), "FAILED"),
            new Run(at(2, 1, 30), at(2, 5, 0), "FAILED"),
            new Run(at(2, 10, 0), at(2, 12, 0), "SUCCEEDED"),
            new Run(at(3, 1, 30), at(3, 4, 0), "SUCCEEDED"),
            new Run(at(4, 1, 30), at(4, 4, 0), "SUCCEEDED"),
            new Run(at(5, 1, 30), at(5, 4, 0), "SUCCEEDED"));
    private static Series broken;

    /** The checks from the checker's first run until {@code until} (none after it: a broken checker). */
    private static Series checks(long etlCreatedAt, List<Run> runs, long until) throws Exception {
        long first = ((etlCreatedAt + CHECK - 1) / CHECK) * CHECK;
        long[] times = LongStream.iterate(first, t -> t < Math.min(until, END), t -> t + CHECK).toArray();
        List<JsonNode> states = new ArrayList<>();
        for (long t : times) {
            states.add(EtlExecutions.statesAt(t, etlCreatedAt, runs));
        }
        List<Jsonata.Result> results = Jsonata.evaluateAll(CHECK_JSONATA, states);
        double[] total = new double[(int) (END / MINUTE)];
        double[] missed = new double[total.length];
        for (int i = 0; i < times.length; i++) {
            assertThat(results.get(i).ok()).as(results.get(i).error()).isTrue();
            JsonNode event = results.get(i).value();
            // the event reaches New Relic within seconds of the check, in the same minute
            int bucket = (int) (times[i] / MINUTE);
            total[bucket] += 1;
            if (event.path(PipelineEvents.PAST_DEADLINE).asInt() == 1 && event.path(PipelineEvents.SUCCEEDED_SINCE_START).asInt() == 0) {
                missed[bucket] += 1;
            }
        }
        return Series.of((int) MINUTE, total.length, i -> total[i], i -> missed[i]);
    }

    /** Runs that start at 01:30 and succeed at 04:00 on days {@code from..to}. */
    private static List<Run> nightlySuccesses(int from, int to) {
        List<Run> runs = new ArrayList<>();
        for (int day = from; day <= to; day++) {
            runs.add(new Run(at(day, 1, 30), at(day, 4, 0), "SUCCEEDED"));
        }
        return runs;
    }

    @BeforeAll
    static void checkTheBrokenNights() throws Exception {
        broken = checks(DEPLOYED, BROKEN_TWO_NIGHTS, END);
    }

    @Test
    void aMissedNightOpensWithinOneCheckOfTheDeadlineAndStaysOpenAcrossTheNextStartUntilASuccess() {
        List<Incident> incidents = StreamingEvaluator.evaluate(HEARTBEAT, broken, DEPLOYED);
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.cause()).isEqualTo(Incident.Cause.THRESHOLD);
            // day 1's deadline 06:00: the 06:00 check says missed, its window is aggregated 5 min after it
            assertThat(i.openedAt()).isGreaterThanOrEqualTo(at(1, 6, 0)).isLessThanOrEqualTo(at(1, 6, 0) + ONE_CHECK);
            // open through day 2's 01:30 start and its failure, closed by the rerun that succeeded at 12:00
            assertThat(i.openAt(at(2, 1, 45))).isTrue();
            assertThat(i.openAt(at(2, 11, 59))).isTrue();
            assertThat(i.closedBy()).isEqualTo(Incident.Closure.RECOVERED);
            assertThat(i.closedAt().getAsLong()).isGreaterThanOrEqualTo(at(2, 12, 0)).isLessThanOrEqualTo(at(2, 12, 0) + ONE_CHECK);
        });
    }

    @Test
    void aConditionEditAtAnyTimeLosesNothing() {
        long deadline = at(1, 6, 0);
        long success = at(2, 12, 0);
        for (long edit = at(0, 3, 0); edit < at(3, 0, 0); edit += 7 * MINUTE) {
            List<Incident> incidents = StreamingEvaluator.evaluate(HEARTBEAT, broken, DEPLOYED, edit);
            // never before the deadline, never after the success has been checked
            for (Incident i : incidents) {
                assertThat(i.openedAt()).as("edit at %d", edit).isGreaterThanOrEqualTo(deadline);
                assertThat(i.closedAt()).as("edit at %d", edit).isPresent();
                assertThat(i.closedAt().getAsLong()).as("edit at %d", edit).isLessThanOrEqualTo(success + ONE_CHECK);
            }
            // open from one check after the deadline (or, after an edit, after the warm-up window and the next
            // whole window: two checks) until the success
            long from = Math.max(deadline, edit + CHECK) + ONE_CHECK;
            for (long t = from; t < success; t += MINUTE) {
                long now = t;
                assertThat(incidents).as("edit at %d, open at %d", edit, now).anyMatch(i -> i.openAt(now));
            }
        }
    }

    @Test
    void theFirstNightAfterDeployIsCheckedLikeAnyOther() throws Exception {
        // deployed at 00:45 on day 0, before the 01:30 start; the first run fails: open at day 0's deadline
        List<Run> firstFails = new ArrayList<>(List.of(new Run(at(0, 1, 30), at(0, 2, 0), "FAILED")));
        nightlySuccesses(1, 5).forEach(firstFails::add);
        long early = at(0, 0, 45);
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, checks(early, firstFails, END), early)).singleElement().satisfies(i -> {
            assertThat(i.openedAt()).isBetween(at(0, 6, 0), at(0, 6, 0) + ONE_CHECK);
            assertThat(i.closedAt().getAsLong()).isBetween(at(1, 4, 0), at(1, 4, 0) + ONE_CHECK);
        });
        // deployed at 03:00, after the start: tonight had no run and is not missed; the next night is the first
        long late = at(0, 3, 0);
        List<Run> nextFails = new ArrayList<>(List.of(new Run(at(1, 1, 30), at(1, 2, 0), "FAILED")));
        nightlySuccesses(2, 5).forEach(nextFails::add);
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, checks(late, nextFails, END), late)).singleElement()
                .satisfies(i -> assertThat(i.openedAt()).isBetween(at(1, 6, 0), at(1, 6, 0) + ONE_CHECK));
        // and a first night that succeeds never alerts
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, checks(late, nightlySuccesses(1, 5), END), late)).isEmpty();
    }

    @Test
    void aCheckerThatStopsIsItsOwnIncident() throws Exception {
        List<Run> fine = List.of(new Run(at(0, 1, 30), at(0, 4, 0), "SUCCEEDED"), new Run(at(1, 1, 30), at(1, 4, 0), "SUCCEEDED"));
        Series stopped = checks(DEPLOYED, fine, at(1, 12, 0));
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, stopped, DEPLOYED)).singleElement().satisfies(i -> {
            assertThat(i.cause()).isEqualTo(Incident.Cause.LOSS_OF_SIGNAL);
            // the last check at 11:45, then three cadences without one
            assertThat(i.openedAt()).isEqualTo(at(1, 11, 45) + HeartbeatCondition.SIGNAL_LOSS_SECONDS);
        });
    }

    @Test
    void thePlantedRegressionAConditionOnTheEndOfRunEventIsDisarmedByAnEdit() throws Exception {
        // What the fixed cadence buys: the same nights through a condition that only sees successes (the old
        // loss-of-signal design) open nothing after an edit that follows the last success.
        Series successesOnly = Series.events((int) MINUTE, END, at(0, 4, 0), at(2, 12, 0), at(3, 4, 0), at(4, 4, 0), at(5, 4, 0));
        Condition lossOfSignal = new Condition(ProviderInputs.query("SELECT count(*) FROM " + PipelineEvents.RUN_SUCCEEDED),
                3600, java.util.Optional.empty(), Condition.AggregationMethod.EVENT_TIMER, TIMER, Condition.FillOption.NONE,
                Condition.Operator.BELOW, 1, 3600, Condition.Occurrences.ALL, java.util.Optional.of((int) (DAY + 4 * HOUR + 30 * MINUTE)),
                true, true, SPEC.violationTimeLimitSeconds());
        assertThat(StreamingEvaluator.evaluate(lossOfSignal, successesOnly, DEPLOYED, at(0, 12, 0))).isEmpty();
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, broken, DEPLOYED, at(0, 12, 0))).hasSize(1);
    }
}
