package jp.twozeroseven.infra.data.embulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint (images/embulk/run-export) refuses bad input before it talks to S3 or the database. Run
 * with the machine's python3, as the image runs it; the S3 and Embulk parts run in the image workflow's smoke test.
 */
class RunExportEntrypointTest {
    private static final Path SCRIPT = SynthedStacks.PROJECT.resolve("images/embulk/run-export");

    private record Result(int exit, String stderr) {
    }

    static Result run(Map<String, String> env, String... args) throws Exception {
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
        env.put("EXPORT_MODE", "nightly");
        env.put("EXPORT_CATCH_UP_WINDOW", "0");
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

    @Test
    void aMissingOrUnknownModeIsRefused() throws Exception {
        Map<String, String> env = good();
        env.remove("EXPORT_MODE");
        assertThat(run(env, "drivers").stderr()).contains("EXPORT_MODE is missing or malformed");
        env.put("EXPORT_MODE", "full");
        Result r = run(env, "drivers");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("EXPORT_MODE=full is neither nightly nor backfill");
    }

    @Test
    void aCatchUpWindowThatIsNotANonNegativeIntegerIsRefusedBeforeLiquidPutsItIntoTheQuery() throws Exception {
        for (String bad : List.of("-1", "01", "1.5", "7 OR true", "", "1234567890")) {
            Map<String, String> env = good();
            env.put("EXPORT_CATCH_UP_WINDOW", bad);
            Result r = run(env, "drivers");
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.stderr()).as(bad).contains("EXPORT_CATCH_UP_WINDOW='" + bad + "' is not a non-negative integer");
        }
    }

    @Test
    void aBackfillWithACatchUpWindowIsRefused() throws Exception {
        // A backfill starts from the config's floor every run: with a window it would export the first window forever.
        Map<String, String> env = good();
        env.put("EXPORT_MODE", "backfill");
        env.put("EXPORT_CATCH_UP_WINDOW", "30");
        Result r = run(env, "drivers");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("EXPORT_CATCH_UP_WINDOW=30 with EXPORT_MODE=backfill").contains("catchUpWindow: 0");
    }

    /**
     * Fakes of the entrypoint's two collaborators, so its own decisions can be watched: a boto3 whose S3 client reads
     * and writes a directory (bucket/key as paths) and logs each call, and an `embulk` on PATH that logs its arguments
     * and, given -c, writes a diff. The real S3 and Embulk run in the image workflow's smoke test.
     */
    private static Map<String, String> fakes(Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("py/boto3"));
        Files.createDirectories(dir.resolve("py/botocore"));
        Files.writeString(dir.resolve("py/botocore/__init__.py"), "");
        Files.writeString(dir.resolve("py/botocore/exceptions.py"), """
                class ClientError(Exception):
                    def __init__(self, code):
                        self.response = {"Error": {"Code": code}}
                """);
        Files.writeString(lib.resolve("__init__.py"), """
                import io, os
                from botocore.exceptions import ClientError
                ROOT = os.environ["FAKE_S3"]
                def log(line):
                    with open(os.path.join(ROOT, "calls.log"), "a") as f:
                        f.write(line + "\\n")
                class _S3:
                    def get_object(self, Bucket, Key):
                        log("get " + Key)
                        path = os.path.join(ROOT, Bucket, Key)
                        if not os.path.exists(path):
                            raise ClientError("NoSuchKey")
                        with open(path, "rb") as f:
                            return {"Body": io.BytesIO(f.read())}
                    def put_object(self, Bucket, Key, Body, ContentType):
                        log("put " + Key)
                        path = os.path.join(ROOT, Bucket, Key)
                        os.makedirs(os.path.dirname(path), exist_ok=True)
                        with open(path, "wb") as f:
                            f.write(Body)
                def client(name, endpoint_url=None):
                    return _S3()
                """);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path embulk = bin.resolve("embulk");
        Files.writeString(embulk, """
                #!/usr/bin/env python3
                import os, sys
                with open(os.path.join(os.environ["FAKE_S3"], "calls.log"), "a") as f:
                    f.write("embulk " + " ".join(sys.argv[1:]) + "\\n")
                if "-c" in sys.argv:
                    with open(sys.argv[sys.argv.index("-c") + 1], "w") as f:
                        f.write("in: {last_record: [42]}\\n")
                """);
        embulk.toFile().setExecutable(true);
        Path config = Files.createDirectories(dir.resolve("s3/b/config/embulk/masked")).resolve("parcels.yml.liquid");
        Files.writeString(config, "in: {query: 'SELECT ... ({{ env.EXPORT_CATCH_UP_WINDOW }} = 0 OR ...)'}\n"
                + "out: {path_prefix: 'masked/parcels/dt={{ env.EXPORT_DATE }}/parcels.{{ env.EXPORT_MODE }}.{{ env.EXPORT_RUN_ID }}.'}\n");
        Files.createDirectories(dir.resolve("s3/b/state/masked"));
        Files.writeString(dir.resolve("s3/b/state/masked/parcels.yml"), "in: {last_record: [7]}\n");
        Map<String, String> env = good();
        env.put("FAKE_S3", dir.resolve("s3").toString());
        env.put("PYTHONPATH", dir.resolve("py").toString());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        return env;
    }

    private static List<String> calls(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("s3/calls.log"));
    }

    @Test
    void aNightlyRunStartsFromTheWatermarkAndWritesTheDiffBack(@TempDir Path dir) throws Exception {
        Map<String, String> env = fakes(dir);

        Result r = run(env, "parcels");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(calls(dir)).containsExactly("get config/embulk/masked/parcels.yml.liquid", "get state/masked/parcels.yml",
                "embulk run -l warn -c /tmp/masked-parcels.diff.yml /tmp/masked-parcels.yml.liquid", "put state/masked/parcels.yml");
        assertThat(Files.readString(dir.resolve("s3/b/state/masked/parcels.yml"))).contains("[42]");
    }

    @Test
    void aBackfillNeitherReadsNorWritesTheWatermark(@TempDir Path dir) throws Exception {
        Map<String, String> env = fakes(dir);
        env.put("EXPORT_MODE", "backfill");
        env.put("EXPORT_RUN_ID", "backfill-2024-05-01");

        Result r = run(env, "parcels");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(calls(dir)).containsExactly("get config/embulk/masked/parcels.yml.liquid",
                "embulk run -l warn /tmp/masked-parcels.yml.liquid");
        assertThat(Files.readString(dir.resolve("s3/b/state/masked/parcels.yml"))).as("the nightly chain's watermark")
                .isEqualTo("in: {last_record: [7]}\n");
    }

    @Test
    void aConfigThatNamesTheCatchUpWindowNeedsIt(@TempDir Path dir) throws Exception {
        Map<String, String> env = fakes(dir);
        env.remove("EXPORT_CATCH_UP_WINDOW");

        Result r = run(env, "parcels");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("EXPORT_CATCH_UP_WINDOW is missing or malformed");
        assertThat(calls(dir)).as("refused before Embulk connects").noneMatch(c -> c.startsWith("embulk"));
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
