package jp.twozeroseven.infra.observability.evaluation;

import jp.twozeroseven.infra.observability.synthetics.OutsideInNrql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The outside-in outage page, through the evaluation model: checks every minute from two locations. */
class OutsideInModelTest {

    private static final int MINUTE = 60;
    private static final Condition OUTAGE = TimeToPageTest.model(OutsideInNrql.outage("api", "MXxTWU5USHwx"));

    @Test
    void aFullOutageSeenFromBothLocationsPagesAfterFiveMinutesAndOneLocationAloneNever() {
        int start = 60;
        // two checks a minute; from minute 60 both fail
        Series both = Series.of(MINUTE, 180, i -> 2, i -> i >= start ? 2 : 0);
        assertThat(StreamingEvaluator.evaluate(OUTAGE, both, 0)).first()
                // three fully failed minutes, then the 2-minute event-flow delay
                .satisfies(i -> assertThat(i.openedAt() - start * MINUTE).isEqualTo(5 * MINUTE));
        // Singapore's network trouble: only one of the two checks fails, 50 %, no page
        Series oneLocation = Series.of(MINUTE, 180, i -> 2, i -> i >= start ? 1 : 0);
        assertThat(StreamingEvaluator.evaluate(OUTAGE, oneLocation, 0)).isEmpty();
    }
}
