package jp.twozeroseven.infra.settings;

/**
 * Static thresholds for the golden-signal conditions of one service.
 *
 * @param errorRatePercent       ticket when the share of failed transactions stays above this for 10 minutes
 * @param p95LatencySeconds      ticket when the 95th percentile of web transactions stays above this
 * @param minThroughputPerMinute ticket when requests per minute (ALB health checks included) stay below this
 * @param signalLossMinutes      page when no transaction at all arrives for this long: the app is down
 */
public record ObservabilityGoldenSignals(double errorRatePercent, double p95LatencySeconds,
                                         double minThroughputPerMinute, int signalLossMinutes) {
}
