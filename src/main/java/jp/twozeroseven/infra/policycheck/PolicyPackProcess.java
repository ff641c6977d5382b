package jp.twozeroseven.infra.policycheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The policy pack's analyzer server, started as the Pulumi engine starts a nodejs policy pack:
 * `node node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine address> .` in the pack folder.
 * The pack binds 127.0.0.1:0 and prints the chosen port as its first stdout line.
 */
final class PolicyPackProcess implements AutoCloseable {
    static final String RUN_POLICY_PACK = "node_modules/@pulumi/pulumi/cmd/run-policy-pack";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    // run-policy-pack requires an engine address argument but never dials it (runInStack is false).
    private static final String UNUSED_ENGINE_ADDRESS = "127.0.0.1:0";

    private final Process process;
    private final StringBuffer stderr = new StringBuffer();
    private final int port;

    private PolicyPackProcess(Process process) {
        this.process = process;
        drain(process.getErrorStream(), stderr);
        this.port = awaitPort();
    }

    static PolicyPackProcess start(Path packDir, String nodeExecutable) {
        requireInstalled(packDir);
        ProcessBuilder builder = new ProcessBuilder(List.of(nodeExecutable, RUN_POLICY_PACK, UNUSED_ENGINE_ADDRESS, "."))
                .directory(packDir.toFile());
        builder.environment().put("PULUMI_CONFIG", "{}");
        try {
            return new PolicyPackProcess(builder.start());
        } catch (IOException e) {
            throw new PolicyCheckUnavailable("could not start `" + nodeExecutable + "` (" + e.getMessage() + ")", e);
        }
    }

    static void requireInstalled(Path packDir) {
        if (!Files.isDirectory(packDir.resolve("node_modules/@pulumi/policy"))
                || !Files.isDirectory(packDir.resolve(RUN_POLICY_PACK))) {
            throw new PolicyCheckUnavailable("policy pack dependencies are not installed: "
                    + packDir.resolve("node_modules/@pulumi/policy") + " is missing");
        }
        if (!Files.isRegularFile(packDir.resolve("bin/index.js"))) {
            throw new PolicyCheckUnavailable("policy pack is not built: " + packDir.resolve("bin/index.js") + " is missing");
        }
    }

    int port() {
        return port;
    }

    private int awaitPort() {
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line = reader.readLine();
                drain(process.getInputStream(), new StringBuffer());
                return line;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            close();
            throw new IllegalStateException("policy pack did not report its port within " + STARTUP_TIMEOUT.toSeconds()
                    + "s; stderr:\n" + stderr, e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the policy pack", e);
        }
        if (line == null || !line.trim().matches("\\d+")) {
            close();
            throw new IllegalStateException("policy pack exited or printed '" + line + "' instead of its port; stderr:\n" + stderr);
        }
        return Integer.parseInt(line.trim());
    }

    private static void drain(InputStream stream, StringBuffer sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process was killed; nothing more to read
            }
        }, "policy-pack-output");
        thread.setDaemon(true);
        thread.start();
    }

    String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
