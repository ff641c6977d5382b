package jp.twozeroseven.infra.settings;

/**
 * How a service's task counts follow from its load, so that sizes come from a load test instead of a guess.
 *
 * <p>For a window whose busiest moment brings {@code peakRps} requests per second:
 * <pre>
 *   min = max(minimumTasks, ceil(peakRps / (perTaskRps × targetUtilisation)))
 *   max = ceil(min × (1 + headroom))
 * </pre>
 * Example: 300 rps, 40 rps per task, utilisation 0.6, headroom 0.5 → min = ceil(300 / 24) = 13,
 * max = ceil(19.5) = 20. The utilisation keeps each task below the load at which its p95 was measured,
 * so a lost task or a burst does not push the others past the latency target; the headroom lets target
 * tracking add tasks above the floor for loads the forecast missed.
 *
 * @param perTaskRps        requests per second one task sustains at the target p95 and error rate, measured
 *                          by the load-test kit for this service's cpu and memory
 * @param targetUtilisation share of {@code perTaskRps} planned at peak, in (0, 1]
 * @param headroom          how far max may rise above min, as a share of min (0.5 = 50%)
 * @param minimumTasks      the fewest tasks a derived window may have; production uses 2 so that one task can
 *                          fail or be replaced while another serves
 */
public record CapacityModel(double perTaskRps, double targetUtilisation, double headroom, int minimumTasks) {

    /** Ratios like 20.000000000000004 come from floating point, not from load; they must not add a task. */
    private static final double ROUNDING_TOLERANCE = 1e-9;

    public int minTasks(double peakRps) {
        return Math.max(minimumTasks, ceil(peakRps / (perTaskRps * targetUtilisation)));
    }

    public int maxTasks(int minTasks) {
        return Math.max(minTasks, ceil(minTasks * (1 + headroom)));
    }

    /** The ALB target-tracking value that matches the plan: the planned load per task, per minute. */
    public int requestsPerTargetPerMinute() {
        return (int) Math.round(perTaskRps * targetUtilisation * 60);
    }

    private static int ceil(double value) {
        double result = Math.ceil(value - ROUNDING_TOLERANCE);
        return result >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, result);
    }
}
