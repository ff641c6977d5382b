package jp.twozeroseven.infra.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL the masking proof runs against. CI exports PGTEST_URL, PGTEST_USER and PGTEST_PASSWORD from
 * {@code .ci/postgres.sh}; where they are unset and the tests run as root (a fresh CI-like machine), this runs the
 * same script, so {@code ./mvnw verify} works on a clean clone. Anywhere else it fails with the command to run.
 */
public final class TestPostgres {

    public static final String HINT = "run eval \"$(bash .ci/postgres.sh)\" first (as root; it installs and starts "
            + "a local PostgreSQL with pgcrypto, SCRAM and TLS and exports PGTEST_URL, PGTEST_USER, PGTEST_PASSWORD, "
            + "PGTEST_SSLROOTCERT)";
    private static Map<String, String> started;

    private TestPostgres() {
    }

    public static synchronized String setting(String name) {
        String value = System.getenv(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (started == null) {
            started = startWithCiScript();
        }
        String fromScript = started.get(name);
        if (fromScript == null) {
            throw new AssertionError(name + " is not set: these tests need a real PostgreSQL; " + HINT);
        }
        return fromScript;
    }

    private static Map<String, String> startWithCiScript() {
        Path script = Path.of(System.getProperty("project.root", ".")).resolve(".ci/postgres.sh");
        if (!Files.isRegularFile(script) || !"root".equals(System.getProperty("user.name"))) {
            return Map.of();
        }
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return Map.of();
            }
            Map<String, String> exports = new HashMap<>();
            out.lines().filter(l -> l.startsWith("export ")).forEach(l -> {
                String[] kv = l.substring("export ".length()).split("=", 2);
                exports.put(kv[0], kv[1]);
            });
            return exports;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
