package jp.twozeroseven.infra.bench;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import jp.twozeroseven.infra.InfraStack;
import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFiles;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.Synthesizer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Measures the offline synth of every stack next to a baseline program that registers one resource, so the cost
 * of the program itself can be told apart from the cost of starting the engine. Prints figures; asserts nothing.
 *
 * <pre>./mvnw -B -q package -DskipTests
 * java -cp target/infra.jar:target/test-classes jp.twozeroseven.infra.bench.SynthBenchmark [--runs 5] [--warmup 2]</pre>
 * Test code (src/test/java), so the production jar does not carry it; {@code package -DskipTests} still
 * compiles it into target/test-classes.
 */
public final class SynthBenchmark {

    private SynthBenchmark() {
    }

    record Figures(String program, int resources, double medianMillis, double minMillis, long peakHeapMiB) {
        double resourcesPerSecond() {
            return resources / (medianMillis / 1000.0);
        }
    }

    public static void main(String[] args) {
        int runs = intArg(args, "--runs", 5);
        int warmup = intArg(args, "--warmup", 2);
        Path root = Path.of(".");
        List<Figures> figures = new ArrayList<>();
        for (String stack : StackFiles.knownStacks(root)) {
            RawConfig raw = StackFiles.read(root, stack);
            StackSettings settings = StackSettingsParser.parse(raw);
            if (figures.isEmpty()) {
                figures.add(measure("baseline (1 resource)", raw, settings, SynthBenchmark::baseline, runs, warmup));
            }
            figures.add(measure("stack " + stack, raw, settings, InfraStack::define, runs, warmup));
        }
        double baseline = figures.get(0).medianMillis();
        System.out.printf("Synth benchmark: %d measured runs after %d warm-up runs, %d cores, max heap %d MiB, Java %s%n",
                runs, warmup, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
        System.out.println("| program | resources | median wall ms | best ms | resources/s | peak heap MiB | x baseline |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Figures f : figures) {
            System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %d | %.2f |%n", f.program(), f.resources(),
                    f.medianMillis(), f.minMillis(), f.resourcesPerSecond(), f.peakHeapMiB(),
                    f.medianMillis() / baseline);
        }
    }

    private static void baseline(com.pulumi.Context ctx, StackSettings settings) {
        new BucketV2("baseline", BucketV2Args.builder().bucket("baseline").build());
    }

    private static Figures measure(String name, RawConfig raw, StackSettings settings,
                                   BiConsumer<com.pulumi.Context, StackSettings> program, int runs, int warmup) {
        for (int i = 0; i < warmup; i++) {
            Synthesizer.synth(raw, settings, program);
        }
        List<Double> millis = new ArrayList<>();
        long peak = 0;
        int resources = 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            SynthResult result = Synthesizer.synth(raw, settings, program);
            millis.add((System.nanoTime() - start) / 1e6);
            resources = result.resources().size();
            peak = Math.max(peak, heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
        }
        Collections.sort(millis);
        return new Figures(name, resources, millis.get(millis.size() / 2), millis.get(0), peak / (1024 * 1024));
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static int intArg(String[] args, String flag, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(flag)) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    System.err.println("error: " + flag + " takes a whole number, got " + args[i + 1]);
                    System.exit(2);
                }
            }
        }
        return fallback;
    }
}
