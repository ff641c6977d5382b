package jp.twozeroseven.infra.cli;

import jp.twozeroseven.infra.capacity.CapacityReport;
import jp.twozeroseven.infra.settings.forecast.NightForecast;
import jp.twozeroseven.infra.settings.forecast.NightForecastTable;
import jp.twozeroseven.infra.platform.scaling.CapacityPlanTable;
import jp.twozeroseven.infra.policycheck.PolicyCheck;
import jp.twozeroseven.infra.policycheck.PolicyReport;
import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFiles;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.ResourceTree;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.Synthesizer;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.synth.SynthMode;
import jp.twozeroseven.infra.synth.diff.SynthDiff;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** {@code synth}: renders a stack offline, prints it, and optionally writes JSON. */
public final class SynthCommand {

    private final PrintStream out;
    private final PrintStream progress;

    public SynthCommand(PrintStream out) {
        this(out, out);
    }

    /** @param progress where the progress lines go (standard error from the CLI, so stdout stays the report) */
    public SynthCommand(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    /** Each stack's policy config sits in the pack, as {@code config/<stack>.json}. */
    static Path policyConfig(Path pack, String stack) {
        return pack.resolve("config").resolve(stack + ".json");
    }

    /** @return the process exit code */
    public int run(SynthOptions options) throws IOException {
        long started = System.nanoTime();
        SynthMode mode = options.preview() ? SynthMode.PREVIEW : SynthMode.FULL;
        progress.println("synth: reading " + options.projectDir().resolve("Pulumi." + options.stack() + ".yaml"));
        RawConfig raw = StackFiles.read(options.projectDir(), options.stack());
        StackSettings settings = StackSettingsParser.parse(raw);
        options.policyPack().ifPresent(pack -> PolicyCheck.checkConfigReadable(policyConfig(pack, options.stack())));
        Optional<JsonNode> base = options.diffBase().map(SynthDiff::readBase);
        SecretPlaceholders.describe(raw, settings).forEach(out::println);
        progress.println("synth: running the stack program under the offline engine ("
                + (mode == SynthMode.PREVIEW ? "preview: provider-computed outputs unknown" : "every output known") + ")");
        SynthResult result = Synthesizer.synth(raw, settings, mode,
                count -> progress.println("synth: " + count + " resources registered"));
        progress.printf(Locale.ROOT, "synth: %d resources in %.1f s%n", result.resources().size(),
                (System.nanoTime() - started) / 1e9);
        out.println("Stack " + result.project() + "/" + result.stack() + " (offline synth, no cloud calls"
                + (mode == SynthMode.PREVIEW ? "; preview of a new stack: unknown values shown as [unknown]" : "") + ")");
        out.println();
        ResourceTree.print(result, out);
        ResourceTree.printCounts(result, out);
        ResourceTree.printOutputs(result, out);
        out.println();
        out.println("Capacity plan (Asia/Tokyo):");
        out.print(CapacityPlanTable.render(settings));
        out.println();
        out.println("Nightly ETL forecast (Asia/Tokyo):");
        out.print(NightForecastTable.text(NightForecast.of(settings.dataPipeline(),
                settings.observability().heartbeat().deadline(), settings.database().maintenanceWindow())));
        if (options.json().isPresent()) {
            Path file = options.json().get();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, result.toJsonText());
            out.println();
            out.println("Wrote " + file);
        }
        if (base.isPresent()) {
            out.println();
            out.print(SynthDiff.between(base.get(), result.toJson()).render());
        }
        if (options.report().isPresent()) {
            out.println();
            for (Path written : CapacityReport.write(settings, options.report().get())) {
                out.println("Wrote " + written);
            }
        }
        if (options.policyPack().isPresent()) {
            Path pack = options.policyPack().get();
            Path config = policyConfig(pack, options.stack());
            out.println();
            out.println("Policies (" + pack + ", config " + config + "):");
            progress.println("synth: checking " + result.resources().size() + " resources against the policy pack");
            PolicyReport report = PolicyCheck.run(pack, config, result.toJson(), out);
            return report.failed() ? 1 : 0;
        }
        return 0;
    }
}
