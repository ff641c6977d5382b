package jp.twozeroseven.infra.loadtest;

/**
 * What "sustained" means: a step passes when its p95 latency and its error rate both stay within these limits.
 *
 * @param maxErrorRate share of requests that may fail (5xx, connection errors, timeouts), e.g. 0.01
 */
public record LoadTargets(double p95Millis, double maxErrorRate) {
}
