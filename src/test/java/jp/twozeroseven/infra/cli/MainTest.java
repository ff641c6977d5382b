package jp.twozeroseven.infra.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static jp.twozeroseven.infra.settings.StackFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return jp.twozeroseven.infra.MainAccess.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aTypoInAStackFileNamesTheKeyAndExitsWithoutAStackTrace() throws Exception {
        Files.copy(PROJECT.resolve("Pulumi.yaml"), temp.resolve("Pulumi.yaml"));
        Files.writeString(temp.resolve("Pulumi.typo.yaml"), Files.readString(PROJECT.resolve("Pulumi.stg.yaml"))
                .replace("platform-207:region:", "platform-207:regoin:"));
        int code = run("synth", "--stack", "typo", "--project-dir", temp.toString());
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(stderr).contains("platform-207:regoin").contains("did you mean platform-207:region");
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("aws:");
    }

    @Test
    void anUnknownStackListsTheKnownOnes() {
        assertThat(run("synth", "--stack", "qa", "--project-dir", PROJECT.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Pulumi.qa.yaml").contains("[prod, stg]");
    }

    @Test
    void aBadCommandLinePrintsUsage() {
        assertThat(run("synth", "--stak", "prod")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --stak").contains("usage:");
        assertThat(run("deploy")).isEqualTo(2);
    }

    @Test
    void synthWritesTheJsonDocument() throws Exception {
        Path json = temp.resolve("out/stg.json");
        int code = run("synth", "--stack", "stg", "--json", json.toString(), "--project-dir", PROJECT.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(json)).contains("\"stack\" : \"stg\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Resources by type:").contains("Outputs:")
                .contains("pulumi:pulumi:Stack");
    }
}
