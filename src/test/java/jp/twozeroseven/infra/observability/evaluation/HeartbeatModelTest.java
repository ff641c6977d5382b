package jp.twozeroseven.infra.observability.evaluation;

import jp.twozeroseven.infra.observability.alerts.HeartbeatCondition;
import jp.twozeroseven.infra.settings.ObservabilityHeartbeat;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-pipeline heartbeat through the evaluation model, night by night (time 0 = day 0, 00:00 JST; runs start
 * 01:30, deadline 06:00, as in prod). What the loss-of-signal design does and what it cannot do.
 */
class HeartbeatModelTest {

    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final ObservabilityHeartbeat PROD = new ObservabilityHeartbeat(LocalTime.of(1, 30), LocalTime.of(6, 0));
    private static final Condition HEARTBEAT = model();

    private static Condition model() {
        var spec = HeartbeatCondition.of("prod", PROD);
        // NrqlConditions registers it with event_timer 300 s (sparse events) and the loss-of-signal actions
        return new Condition(Query.COUNT, spec.aggregationWindowSeconds(), spec.slideBySeconds(),
                Condition.AggregationMethod.EVENT_TIMER, 300, Condition.FillOption.NONE, Condition.Operator.BELOW,
                spec.threshold(), spec.thresholdDurationSeconds(), Condition.Occurrences.ALL, spec.signalLossSeconds(),
                true, true, spec.violationTimeLimitSeconds());
    }

    private static long at(int day, int hour, int minute) {
        return day * DAY + hour * HOUR + minute * 60L;
    }

    @Test
    void aMissedNightOpensBetweenTheDeadlineAndOneRunWindowLaterAndStaysOpenAcrossDaysUntilASuccess() {
        // successes on days 0 and 1 at 04:00, none on days 2, 3 and 4, a success on day 5 at 03:00
        Series events = Series.events(60, at(6, 5, 0), at(0, 4, 0), at(1, 4, 0), at(5, 3, 0));
        List<Incident> incidents = StreamingEvaluator.evaluate(HEARTBEAT, events, 0);
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.cause()).isEqualTo(Incident.Cause.LOSS_OF_SIGNAL);
            // 28.5 h after the last success: day 2 08:30, after the 06:00 deadline but not at it
            assertThat(i.openedAt()).isEqualTo(at(2, 8, 30));
            // open through days 3 and 4 (the old one-day violation time limit closed it on day 3), closed by day 5's run
            assertThat(i.closedBy()).isEqualTo(Incident.Closure.SIGNAL_BACK);
            assertThat(i.closedAt().getAsLong()).isBetween(at(5, 3, 0), at(5, 3, 10));
        });
        // the one-day limit it had before: force-closed while still broken
        Condition oneDay = new Condition(HEARTBEAT.query(), HEARTBEAT.aggregationWindow(), HEARTBEAT.slideBy(),
                HEARTBEAT.method(), HEARTBEAT.delayOrTimer(), HEARTBEAT.fill(), HEARTBEAT.operator(), HEARTBEAT.threshold(),
                HEARTBEAT.thresholdDuration(), HEARTBEAT.occurrences(), HEARTBEAT.expiration(), true, true, 86_400);
        assertThat(StreamingEvaluator.evaluate(oneDay, events, 0)).first()
                .satisfies(i -> assertThat(i.closedBy()).isEqualTo(Incident.Closure.TIME_LIMIT));
    }

    @Test
    void theKnownGapsTheFirstNightAfterDeployAndAConditionEditDisarmItUntilTheNextSuccess() {
        // deployed on day 0 at 12:00; the first run (day 1) fails: no signal was ever present, nothing opens
        Series neverSucceeded = Series.events(60, 4 * DAY);
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, neverSucceeded, at(0, 12, 0))).isEmpty();
        // a success on day 0 at 04:00, then an edit (evaluation reset) at 12:00 the same day, then failed nights:
        // without the edit it opens on day 1 at 08:30; after it, New Relic has forgotten the signal
        Series thenBroken = Series.events(60, 4 * DAY, at(0, 4, 0));
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, thenBroken, 0)).singleElement()
                .satisfies(i -> assertThat(i.openedAt()).isEqualTo(at(1, 8, 30)));
        assertThat(StreamingEvaluator.evaluate(HEARTBEAT, thenBroken, 0, at(0, 12, 0))).isEmpty();
        assertThat(HEARTBEAT.expiration()).isEqualTo(Optional.of(HeartbeatCondition.signalLossSeconds(PROD)));
    }
}
