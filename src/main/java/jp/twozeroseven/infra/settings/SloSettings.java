package jp.twozeroseven.infra.settings;

import java.util.Optional;

/**
 * One SLO of a service, one item of {@code observability.services.<svc>.slos} (Sloth-like: a new SLO is one more
 * item, not new code).
 *
 * @param name               unique within the service, lower case; part of the New Relic resource names
 *                           ({@code <svc>-slo-<name>}, {@code <svc>-<name>-page-fast-long}, ...), so renaming an
 *                           SLO replaces its service level and alerts
 * @param kind               what is measured ({@link SloKind})
 * @param objectivePercent   the target, strictly between 0 and 100
 * @param windowDays         the rolling SLO period: 7 or 28 days (default 28; New Relic also offers 1, shorter
 *                           than the 3-day burn-rate window)
 * @param latencyThresholdMs latency SLOs only: a request at least this slow is not good
 * @param checkPath          availability SLOs only: the path of the public URL the synthetic monitor calls
 * @param redirectIsFailure  availability SLOs only: whether a redirect fails the check (default false; an
 *                           endpoint that answers 200 itself, such as a health check, should say true)
 */
public record SloSettings(String name, SloKind kind, double objectivePercent, int windowDays,
                          Optional<Integer> latencyThresholdMs, Optional<String> checkPath, boolean redirectIsFailure) {
}
