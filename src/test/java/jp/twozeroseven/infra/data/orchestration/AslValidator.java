package jp.twozeroseven.infra.data.orchestration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the pinned npm asl-validator (tools/asl-validator) on a definition file. */
final class AslValidator {

    record Result(int exitCode, String output) {
    }

    private AslValidator() {
    }

    static Path toolDirectory() {
        String root = System.getProperty("project.root", System.getProperty("user.dir"));
        return Path.of(root, "tools", "asl-validator");
    }

    static Result validate(Path definition) throws IOException, InterruptedException {
        Path cli = toolDirectory().resolve("node_modules/asl-validator/dist/bin/asl-validator.js");
        if (!Files.exists(cli)) {
            cli = toolDirectory().resolve("node_modules/.bin/asl-validator");
        }
        if (!Files.exists(cli)) {
            throw new AssertionError("asl-validator is not installed; run: cd tools/asl-validator && npm ci");
        }
        Process process = new ProcessBuilder(List.of("node", cli.toString(), "--json-path", definition.toString()))
                .directory(toolDirectory().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asl-validator did not finish in 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
