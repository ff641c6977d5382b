package jp.twozeroseven.infra.loadtest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of a stepped run.
 *
 * @param sustained the highest step that met both targets; empty when even the first step failed
 */
public record CapacityFinding(TrafficMix mix, LoadTargets targets, List<StepMeasurement> steps,
                              Optional<StepMeasurement> sustained) {

    static CapacityFinding of(TrafficMix mix, LoadTargets targets, List<StepMeasurement> steps) {
        Optional<StepMeasurement> best = steps.stream().takeWhile(s -> s.meets(targets)).reduce((a, b) -> b);
        return new CapacityFinding(mix, targets, List.copyOf(steps), best);
    }

    /** The line to read: what to put into {@code scaling.capacity.perTaskRps}. */
    public String conclusion() {
        String limits = String.format(Locale.ROOT, "p95 <= %s ms and errors <= %s%%",
                LoadTestOptions.fmt(targets.p95Millis()), LoadTestOptions.fmt(targets.maxErrorRate() * 100));
        String warning = steps.stream().anyMatch(s -> s.clientErrorRate() > 0.05)
                ? String.format("%nWARNING: more than 5%% of responses were 4xx; check --bearer-token-env and that the "
                + "target serves these paths, or the figure measures error pages, not the app.") : "";
        boolean limitFound = steps.stream().anyMatch(s -> !s.meets(targets));
        return sustained.map(s -> String.format(Locale.ROOT,
                        "one task sustains %s%.1f requests per second of the %s mix at %s (offered %s rps).%n"
                                + "Stack setting: scaling.capacity.perTaskRps: %d%s",
                        limitFound ? "" : "at least ", s.achievedRps(), mix.key(), limits,
                        LoadTestOptions.fmt(s.offeredRps()), (long) Math.floor(s.achievedRps()),
                        limitFound ? "" : String.format("%nEvery step met the targets: raise --max-rps to find the "
                                + "limit.")))
                .orElse("no step met " + limits + "; start lower (--start-rps) or check the errors above") + warning;
    }
}
