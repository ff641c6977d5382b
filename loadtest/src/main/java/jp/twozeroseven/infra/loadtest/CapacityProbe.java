package jp.twozeroseven.infra.loadtest;

import io.gatling.app.Gatling$;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps the load up until a step misses the latency or error target; the last step that met both is what one
 * task sustains. Each step is its own Gatling run, so every step starts from a drained queue.
 */
public final class CapacityProbe {

    private CapacityProbe() {
    }

    public static CapacityFinding run(LoadTestOptions options, String bearerToken, PrintStream out) {
        Path results = temporaryResults();
        out.printf("%s mix against %s, %d s per step after a %d s ramp%n", options.mix().key(), options.target(),
                options.stepSeconds(), options.rampSeconds());
        out.println(StepMeasurement.header());
        List<StepMeasurement> steps = new ArrayList<>();
        double previous = 0;
        for (double rps : options.steps()) {
            LoadStep step = new LoadStep(options.target(), options.mix(), rps, previous, options.rampSeconds(),
                    options.stepSeconds(), bearerToken);
            StepMeasurement measured = runStep(step, results);
            steps.add(measured);
            out.println(measured.row(options.targets()));
            if (!measured.meets(options.targets())) {
                break;
            }
            previous = rps;
        }
        CapacityFinding finding = CapacityFinding.of(options.mix(), options.targets(), steps);
        out.println(finding.conclusion());
        return finding;
    }

    static StepMeasurement runStep(LoadStep step, Path results) {
        ActiveStep.prepare(step);
        int status = Gatling$.MODULE$.fromArgs(new String[]{
                "--simulation", CapacitySimulation.class.getName(),
                "--results-folder", results.toAbsolutePath().toString(),
                "--no-reports",
                "--run-description", step.mix().key() + " at " + step.rps() + " rps"});
        if (status != 0) {
            throw new LoadTestException("Gatling stopped with status " + status + " at " + step.rps()
                    + " rps; see its log above");
        }
        return ActiveStep.recorder().summarize(step.rps());
    }

    private static Path temporaryResults() {
        try {
            return Files.createTempDirectory("207-loadtest-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
