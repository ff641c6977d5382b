package jp.twozeroseven.infra.cli;

import static jp.twozeroseven.infra.settings.StackFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KAnonymityReportCommandTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return jp.twozeroseven.infra.MainAccess.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOneReportQueryOverEveryTableWithAnAnonymityRule() {
        int code = run("k-anonymity-report", "--catalog", PROJECT.resolve("data/catalog.yaml").toString());

        String sql = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(sql).contains("SELECT 'drivers' AS table_name, 5 AS minimum_k").contains("'customers'").contains("'stops'")
                .contains("AS k_published").doesNotContain("current_setting").doesNotContain("hmac");
    }

    @Test
    void aCatalogThatNamesAnUnknownEntityIsOneMessageWithoutAStackTrace() throws Exception {
        Path catalog = temp.resolve("catalog.yaml");
        Files.writeString(catalog, Files.readString(PROJECT.resolve("data/catalog.yaml"))
                .replace("{name: driver_id, type: bigint, class: identifier, entity: driver}",
                        "{name: driver_id, type: bigint, class: identifier, entity: drivre}"));

        int code = run("k-anonymity-report", "--catalog", catalog.toString());

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(stderr).contains("column 'driver_id': entity 'drivre' is not declared under 'entities'")
                .contains("Fix: correct the name").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
