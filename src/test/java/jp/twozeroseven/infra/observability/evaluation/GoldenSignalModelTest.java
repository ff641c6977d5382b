package jp.twozeroseven.infra.observability.evaluation;

import jp.twozeroseven.infra.observability.alerts.GoldenSignalConditions;
import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;
import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.settings.ObservabilityGoldenSignals;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: with health checks counted, the throughput-drop ticket could never breach while one task was up. */
class GoldenSignalModelTest {

    private static final int MINUTE = 60;
    /** Three ALB nodes probing each of two targets every 15 s (issue 13: "at least 24 requests a minute"). */
    private static final double PROBES_PER_MINUTE = 24;
    private static final SloSpec API = SloSpec.of("api", "api-prod", 99.9, 0.5).withProbePaths(List.of("/health"));
    private static final ObservabilityGoldenSignals PROD = new ObservabilityGoldenSignals(2, 1.2, 5, 10);

    @Test
    void theThroughputDropFiresWhenUsersStopWhileHealthChecksGoOnAndLossOfSignalStaysQuiet() {
        NrqlConditionSpec drop = GoldenSignalConditions.tickets(API, PROD).get(2);
        Condition model = TimeToPageTest.model(drop);
        assertThat(model.query()).isEqualTo(Query.FILTERED_RATE_PER_MINUTE);
        // users: 100 rpm until 03:00, then none (a DNS or CloudFront failure keeps them away); probes go on
        int stop = 3 * 60;
        Series traffic = Series.of(MINUTE, 6 * 60, i -> PROBES_PER_MINUTE + (i < stop ? 100 : 0), i -> i < stop ? 100 : 0);
        assertThat(StreamingEvaluator.evaluate(model, traffic, 0)).first().satisfies(i ->
                // three tumbling 5-minute windows at 0 rpm, the third aggregated 2 minutes after it ends
                assertThat(i.openedAt() - stop * MINUTE).isEqualTo(17 * MINUTE));
        // The old query counted every transaction: the probes alone stay above the 5 rpm floor, so it never fired.
        Condition countingProbes = new Condition(Query.RATE_PER_MINUTE, model.aggregationWindow(), model.slideBy(),
                model.method(), model.delayOrTimer(), model.fill(), model.operator(), model.threshold(),
                model.thresholdDuration(), model.occurrences(), model.expiration(), false, false, model.violationTimeLimit());
        assertThat(StreamingEvaluator.evaluate(countingProbes, traffic, 0)).isEmpty();
        // Loss of signal reads every transaction: the probes prove the app is up, it does not page.
        Condition lost = TimeToPageTest.model(GoldenSignalConditions.lossOfSignal(API, PROD));
        Condition lostWithExpiry = new Condition(lost.query(), lost.aggregationWindow(), lost.slideBy(), lost.method(),
                lost.delayOrTimer(), lost.fill(), lost.operator(), lost.threshold(), lost.thresholdDuration(),
                lost.occurrences(), java.util.Optional.of(600), true, true, lost.violationTimeLimit());
        assertThat(StreamingEvaluator.evaluate(lostWithExpiry, traffic, 0)).isEmpty();
    }
}
