package jp.twozeroseven.infra.data.embulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;

/**
 * The image's entrypoint (images/embulk/run-export) refuses bad input before it talks to S3 or the database. Run
 * with the machine's python3, as the image runs it; the S3 and Embulk parts run in the image workflow's smoke test.
 */
class RunExportEntrypointTest {
    private static final Path SCRIPT = SynthedStacks.PROJECT.resolve("images/embulk/run-export");

    private record Result(int exit, String stderr) {
    }

    private static Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), err);
    }

    private static Map<String, String> good() {
        Map<String, String> env = new HashMap<>();
        env.put("EXPORT_DATE", "2024-05-02");
        env.put("EXPORT_RUN_ID", "night-1");
        env.put("EMBULK_CONFIG_BUCKET", "b");
        env.put("EMBULK_CONFIG_PREFIX", "config/embulk/");
        env.put("EMBULK_STATE_PREFIX", "state/");
        env.put("EMBULK_LOG_LEVEL", "warn");
        env.put("EMBULK_EXPORT_ZONE", "masked");
        return env;
    }

    @Test
    void theTaskDefinitionsPlaceholderCommandPrintsTheContract() throws Exception {
        // EmbulkContainer's placeholder command is ["run-export", "--help"].
        assertThat(run(Map.of(), "--help").exit()).isZero();
    }

    @Test
    void aLogLevelThatWouldPrintTheKeyIsRefused() throws Exception {
        Map<String, String> env = good();
        env.put("EMBULK_LOG_LEVEL", "info");

        Result r = run(env, "drivers");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("EMBULK_LOG_LEVEL=info would log the JDBC properties");
    }

    @Test
    void aMissingOrMalformedExportDateOrTableIsRefused() throws Exception {
        Map<String, String> env = good();
        env.remove("EXPORT_DATE");
        assertThat(run(env, "drivers").stderr()).contains("EXPORT_DATE is missing or malformed");
        env.put("EXPORT_DATE", "2024-5-2");
        assertThat(run(env, "drivers").stderr()).contains("EXPORT_DATE is missing or malformed");
        assertThat(run(good(), "../drivers").stderr()).contains("'../drivers' is not a catalog table name");
        assertThat(run(good()).exit()).isEqualTo(2);
    }

    /** Each task definition sets its one zone (EmbulkContainer): the entrypoint never runs a zone it was not given. */
    @Test
    void theZoneComesFromTheTaskDefinitionAndIsExactlyOne() throws Exception {
        Map<String, String> env = good();
        env.remove("EMBULK_EXPORT_ZONE");
        Result missing = run(env, "drivers");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stderr()).contains("EMBULK_EXPORT_ZONE='' must be one of masked, raw");
        env.put("EMBULK_EXPORT_ZONE", "masked,raw");
        assertThat(run(env, "drivers").stderr()).contains("EMBULK_EXPORT_ZONE='masked,raw' must be one of masked, raw");
    }
}
