package jp.twozeroseven.infra.synth;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two synths of one commit must be byte-identical, or a real preview shows spurious updates. Hash orders of
 * {@code Set.copyOf}, {@code Map.copyOf} and enum-keyed hash sets change between JVM runs (their salt is chosen at
 * start-up), and the SDK sends dependency URNs in the order outputs resolved, so only separate JVMs can show it:
 * this test starts the real {@code Main} twice per stack with the build's classpath and compares the files.
 */
class SeparateJvmDeterminismTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg", "prod --preview", "stg --preview"})
    void separateJvmRunsRenderByteIdenticalJson(String run, @TempDir Path dir) throws Exception {
        Path first = synthInNewJvm(run, dir.resolve("first.json"));
        Path second = synthInNewJvm(run, dir.resolve("second.json"));
        assertThat(Files.readAllBytes(second)).as("synth of %s in two JVMs", run)
                .isEqualTo(Files.readAllBytes(first));
    }

    private static Path synthInNewJvm(String run, Path json) throws Exception {
        String[] words = run.split(" ");
        String stack = words[0];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's booter jar carries the test classpath in its manifest; surefire.test.class.path has it plain.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = json.resolveSibling(json.getFileName() + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classpath, "jp.twozeroseven.infra.Main",
                "synth", "--stack", stack, "--json", json.toString()));
        command.addAll(List.of(words).subList(1, words.length));
        Process process = new ProcessBuilder(command)
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("synth finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        return json;
    }
}
