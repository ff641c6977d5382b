package jp.twozeroseven.infra.loadtest;

import java.util.Locale;

/**
 * What one step achieved.
 *
 * @param offeredRps  the arrival rate the kit injected
 * @param achievedRps successful responses per second for requests started in the measured part of the step
 * @param failures     5xx responses and requests that got no response (connection error, timeout)
 * @param clientErrors 4xx responses: served load, but many of them mean a wrong token or ids, not capacity
 * @param p95Millis   95th percentile latency of the responses (successful or not); NaN when none came back
 */
public record StepMeasurement(double offeredRps, long requests, long failures, long clientErrors, double achievedRps,
                              double p95Millis) {

    public double errorRate() {
        return requests == 0 ? 1.0 : (double) failures / requests;
    }

    public double clientErrorRate() {
        return requests == 0 ? 0 : (double) clientErrors / requests;
    }

    public boolean meets(LoadTargets targets) {
        return requests > 0 && !Double.isNaN(p95Millis) && p95Millis <= targets.p95Millis()
                && errorRate() <= targets.maxErrorRate();
    }

    public String row(LoadTargets targets) {
        return String.format(Locale.ROOT, "%10.1f %12.1f %10d %9d %8.2f%% %10.0f  %s", offeredRps, achievedRps,
                requests, failures, errorRate() * 100, p95Millis, meets(targets) ? "ok" : "FAILS");
    }

    public static String header() {
        return String.format(Locale.ROOT, "%10s %12s %10s %9s %9s %10s  %s", "offered", "achieved", "requests",
                "failures", "errors", "p95 ms", "verdict");
    }
}
