package jp.twozeroseven.infra.cli;

import jp.twozeroseven.infra.capacity.CapacityReport;
import jp.twozeroseven.infra.data.forecast.NightForecast;
import jp.twozeroseven.infra.data.forecast.NightForecastTable;
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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code synth}: renders a stack offline, prints it, and optionally writes JSON. */
public final class SynthCommand {

    private final PrintStream out;

    public SynthCommand(PrintStream out) {
        this.out = out;
    }

    /** Each stack's policy config sits in the pack, as {@code config/<stack>.json}. */
    static Path policyConfig(Path pack, String stack) {
        return pack.resolve("config").resolve(stack + ".json");
    }

    /** @return the process exit code */
    public int run(SynthOptions options) throws IOException {
        RawConfig raw = StackFiles.read(options.projectDir(), options.stack());
        StackSettings settings = StackSettingsParser.parse(raw);
        options.policyPack().ifPresent(pack -> PolicyCheck.checkConfigReadable(policyConfig(pack, options.stack())));
        raw.secretKeys().forEach(k -> out.println("note: " + k + " is encrypted in the stack file; "
                + "the offline synth uses a placeholder"));
        SynthResult result = Synthesizer.synth(raw, settings);
        out.println("Stack " + result.project() + "/" + result.stack() + " (offline synth, no cloud calls)");
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
            PolicyReport report = PolicyCheck.run(pack, config, result.toJson(), out);
            return report.failed() ? 1 : 0;
        }
        return 0;
    }
}
