package jp.twozeroseven.infra.newrelic.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves that the inputs our Java binding registers are accepted by the published
 * {@code @pulumi/newrelic} 5.77.0 types: it writes them as typed object literals into the
 * conformance npm package and runs {@code npx tsc --noEmit --strict} there.
 *
 * <p>The TypeScript SDK is generated from the same provider schema as every other SDK, so a
 * property name or type it rejects is one the provider would reject at {@code pulumi up}.
 */
public final class NewRelicConformanceChecker {

    public static final String INSTALL_HINT = "cd tools/newrelic-conformance && npm ci";

    private static final Pattern DIAGNOSTIC = Pattern.compile("^(.+?)\\((\\d+),(\\d+)\\): error (TS\\d+): (.*)$");
    private static final String SOURCE_FILE = "resources.ts";

    private final Path packageDir;
    private final Duration timeout;

    public NewRelicConformanceChecker(Path packageDir, Duration timeout) {
        this.packageDir = packageDir.toAbsolutePath().normalize();
        this.timeout = timeout;
    }

    /** The checker for {@code <projectRoot>/tools/newrelic-conformance} with a two-minute tsc budget. */
    public static NewRelicConformanceChecker forProject(Path projectRoot) {
        return new NewRelicConformanceChecker(projectRoot.resolve("tools/newrelic-conformance"), Duration.ofMinutes(2));
    }

    public ConformanceReport check(List<RegisteredResource> resources) {
        requireInstalledPackage();
        var rendered = TypeScriptConformanceSource.render(resources);
        if (resources.isEmpty()) {
            return new ConformanceReport(0, List.of(), rendered.text(), "");
        }
        // A fresh folder per run: node resolution still finds ../node_modules, and parallel runs never collide.
        var workDir = packageDir.resolve(".check-" + UUID.randomUUID());
        try {
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve(SOURCE_FILE), rendered.text(), StandardCharsets.UTF_8);
            var run = runTsc(workDir);
            var diagnostics = parse(run.output(), rendered);
            if (run.exitCode() != 0 && diagnostics.isEmpty()) {
                diagnostics = List.of(new ConformanceDiagnostic("", "", 0, "tsc-exit-" + run.exitCode(),
                    "tsc failed without a diagnostic; output was: " + run.output().strip()));
            }
            return new ConformanceReport(resources.size(), diagnostics, rendered.text(), run.output());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conformance source under " + workDir, e);
        } finally {
            deleteRecursively(workDir);
        }
    }

    private void requireInstalledPackage() {
        var sdk = packageDir.resolve("node_modules/@pulumi/newrelic/package.json");
        var tsc = packageDir.resolve("node_modules/typescript/bin/tsc");
        if (!Files.isRegularFile(sdk) || !Files.isRegularFile(tsc)) {
            throw new IllegalStateException("The New Relic conformance package is not installed (" + packageDir
                + "/node_modules is missing @pulumi/newrelic or typescript). Run: " + INSTALL_HINT);
        }
    }

    private record TscRun(int exitCode, String output) {}

    private TscRun runTsc(Path workDir) throws IOException {
        var sourceFile = packageDir.relativize(workDir.resolve(SOURCE_FILE)).toString();
        var log = workDir.resolve("tsc.log");
        // "--no" keeps npx from downloading anything: only the tsc pinned in package-lock.json may run.
        var command = List.of("npx", "--no", "--", "tsc", "--noEmit", "--strict", "--skipLibCheck", "--pretty", "false",
            "--target", "es2020", "--module", "commonjs", "--moduleResolution", "node", sourceFile);
        // Output goes to a file so a hung tsc cannot block us on a pipe and the timeout always applies.
        var process = new ProcessBuilder(command)
            .directory(packageDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tsc did not finish within " + timeout + " in " + packageDir);
            }
            return new TscRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for tsc", e);
        }
    }

    static List<ConformanceDiagnostic> parse(String output, TypeScriptConformanceSource.Rendered rendered) {
        var diagnostics = new ArrayList<ConformanceDiagnostic>();
        String type = null, name = null, code = null;
        int line = 0;
        StringBuilder message = null;
        for (var raw : output.split("\\R")) {
            var m = DIAGNOSTIC.matcher(raw);
            if (m.matches()) {
                if (message != null) {
                    diagnostics.add(new ConformanceDiagnostic(type, name, line, code, message.toString()));
                }
                line = Integer.parseInt(m.group(2));
                code = m.group(4);
                message = new StringBuilder(m.group(5));
                var resource = rendered.resourceAtLine(line);
                type = resource == null ? "" : resource.type();
                name = resource == null ? "" : resource.name();
            } else if (message != null && raw.startsWith(" ")) {
                // tsc indents the elaboration of a diagnostic ("Object literal may only specify ...").
                message.append(' ').append(raw.strip());
            }
        }
        if (message != null) {
            diagnostics.add(new ConformanceDiagnostic(type, name, line, code, message.toString()));
        }
        return diagnostics;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up " + dir, e);
        }
    }
}
