package jp.twozeroseven.infra.observability.alerts;

import jp.twozeroseven.infra.observability.slo.GoldenSignalNrql;
import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.settings.ObservabilityGoldenSignals;

import java.util.List;
import java.util.Optional;

/**
 * The golden-signal conditions of one service. Error rate, p95 latency and a throughput drop open tickets: they
 * help explain a burn but page nobody on their own; they read users' requests only (no health checks). Loss of
 * signal pages: when no transaction at all arrives, not even the health checks, the app or its agent is down and
 * the burn-rate queries have nothing to divide.
 */
public final class GoldenSignalConditions {

    private static final int FIVE_MINUTES = 300;

    private GoldenSignalConditions() {
    }

    /** Ticket-severity conditions: error rate, p95 latency, throughput drop. */
    public static List<NrqlConditionSpec> tickets(SloSpec spec, ObservabilityGoldenSignals thresholds) {
        return List.of(
                new NrqlConditionSpec(spec.service() + " error rate", GoldenSignalNrql.errorRatePercent(spec), "above",
                        thresholds.errorRatePercent(), FIVE_MINUTES, Optional.empty(), 2 * FIVE_MINUTES, "all",
                        Optional.empty(), false, Runbooks.ERROR_RATE),
                new NrqlConditionSpec(spec.service() + " p95 latency", GoldenSignalNrql.p95LatencySeconds(spec), "above",
                        thresholds.p95LatencySeconds(), FIVE_MINUTES, Optional.empty(), 2 * FIVE_MINUTES, "all",
                        Optional.empty(), false, Runbooks.P95_LATENCY),
                new NrqlConditionSpec(spec.service() + " throughput drop", GoldenSignalNrql.throughputPerMinute(spec),
                        "below", thresholds.minThroughputPerMinute(), FIVE_MINUTES, Optional.empty(), 3 * FIVE_MINUTES,
                        "all", Optional.empty(), false, Runbooks.THROUGHPUT_DROP));
    }

    /**
     * Critical: no transactions for {@code signalLossMinutes}. The threshold (below 0 rpm) can never breach; the
     * condition exists for its loss-of-signal setting.
     */
    public static NrqlConditionSpec lossOfSignal(SloSpec spec, ObservabilityGoldenSignals thresholds) {
        return new NrqlConditionSpec(spec.service() + " loss of signal", GoldenSignalNrql.anyTransactionPerMinute(spec),
                "below", 0, 60, Optional.empty(), 60, "all", Optional.of(thresholds.signalLossMinutes() * 60), false,
                Runbooks.LOSS_OF_SIGNAL);
    }
}
