package jp.twozeroseven.infra.data.embulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * EXPORT_CATCH_UP_WINDOW on the CI PostgreSQL: the generated config, rendered as Embulk renders it and run as
 * embulk-input-postgresql v0.11.1 runs it (EmbulkJdbcModel), night after night from the config's own floor, each
 * night starting from the last night's last_record. A window bounds each run, the runs reach the end across a gap
 * in the history longer than a window, and together they read every row exactly once.
 */
@Tag("postgres")
class CatchUpWindowPostgresTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String KEY = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    private static final SourceDatabase SOURCE = new SourceDatabase("aurora.invalid", 5432, "app");
    private static final ExportTarget MASKED = new ExportTarget(ExportZone.MASKED, "b", "g");
    private static EmbulkJdbcModel.LocalServer server;
    private static String user;
    private static String password;

    @BeforeAll
    static void server() {
        server = new EmbulkJdbcModel.LocalServer(TestPostgres.setting("PGTEST_URL"), TestPostgres.setting("PGTEST_SSLROOTCERT"));
        user = TestPostgres.setting("PGTEST_USER");
        password = TestPostgres.setting("PGTEST_PASSWORD");
    }

    private static Map<String, String> env(String window) {
        Map<String, String> env = new HashMap<>();
        env.put(EmbulkEnvironment.MASKED_USER.userVariable(), user);
        env.put(EmbulkEnvironment.MASKED_USER.passwordVariable(), password);
        env.put(EmbulkEnvironment.PSEUDONYM_KEY, KEY);
        env.put(EmbulkEnvironment.MODE, "nightly");
        env.put(EmbulkEnvironment.CATCH_UP_WINDOW, window);
        return env;
    }

    private static JsonNode config(String table, String incrementalColumn) throws Exception {
        CatalogTable t = CatalogLoader.parse("""
                version: 1
                tables:
                  - name: %s
                    source: {schema: public, table: %s}
                    run_group: test
                    incremental_column: %s
                    columns:
                      - {name: id, type: bigint, class: internal}
                      - {name: updated_at, type: timestamptz, class: internal}
                """.formatted(table, table, incrementalColumn), table + ".yaml").tables().get(0);
        return YAML.readTree(EmbulkConfigGenerator.masked(t, SOURCE, MASKED));
    }

    /** Runs night after night until a run reads nothing; each element is one night's rows. */
    private static List<List<Map<String, Object>>> nights(JsonNode config, String window) throws SQLException {
        List<List<Map<String, Object>>> nights = new ArrayList<>();
        List<Object> lastRecord = null;
        for (int night = 0; night < 100; night++) {
            EmbulkJdbcModel.Run run = EmbulkJdbcModel.run(config, env(window), server, lastRecord);
            if (run.rows().isEmpty()) {
                // An empty run keeps the last_record (AbstractJdbcInputPlugin.java:418-427): caught up.
                if (lastRecord != null) {
                    assertThat(run.lastRecord()).isEqualTo(lastRecord);
                }
                return nights;
            }
            nights.add(run.rows());
            lastRecord = run.lastRecord();
        }
        throw new AssertionError("the runs never reached the end of the table");
    }

    private static Map<Long, Instant> stored(String table) throws SQLException {
        Map<Long, Instant> times = new HashMap<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, updated_at FROM public." + table)) {
            while (rs.next()) {
                times.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        }
        return times;
    }

    private static List<Long> ids(List<List<Map<String, Object>>> nights) {
        return nights.stream().flatMap(List::stream).map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    @Test
    void aWindowOfDaysBoundsEachRunAndTheRunsReachTheEndAcrossAGapWithNoRowLostOrTwice() throws Exception {
        String table = "catch_up_days_re";
        OffsetDateTime start = OffsetDateTime.parse("2024-01-01T09:00:00.000001+09:00");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public." + table);
            s.execute("CREATE TABLE public." + table + " (id bigserial PRIMARY KEY, updated_at timestamptz NOT NULL)");
            s.execute("CREATE INDEX ON public." + table + " (updated_at, id)");
            // Ten days of history, three rows an hour apart each day and two sharing the day's first timestamp, then
            // nothing for 15 days (longer than a window), then two more days; stored newest first.
            List<OffsetDateTime> times = new ArrayList<>();
            for (int day = 0; day < 27; day++) {
                if (day >= 10 && day < 25) {
                    continue;
                }
                OffsetDateTime t = start.plusDays(day);
                times.addAll(List.of(t, t, t.plusHours(1), t.plusHours(2)));
            }
            java.util.Collections.reverse(times);
            for (OffsetDateTime t : times) {
                s.execute("INSERT INTO public." + table + " (updated_at) VALUES ('" + t + "')");
            }
        }
        Map<Long, Instant> stored = stored(table);
        JsonNode config = config(table, "updated_at");

        List<List<Map<String, Object>>> windowed = nights(config, "3");

        // Days 1-3, 4-6, 7-9, 10 (the window past it is empty), then 26-27 after the gap: five nights, not a stall.
        assertThat(windowed).hasSize(5);
        for (List<Map<String, Object>> night : windowed) {
            List<Instant> read = night.stream().map(r -> stored.get(((Number) r.get("id")).longValue())).toList();
            Instant first = read.stream().min(Instant::compareTo).orElseThrow();
            assertThat(read).as("one night reads less than 3 days past its first row").allMatch(
                    t -> Duration.between(first, t).compareTo(Duration.ofDays(3)) < 0);
        }
        assertThat(windowed.get(0)).hasSize(12);
        assertThat(ids(windowed)).as("every row once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(stored.keySet());

        // Window 0: no bound, one run reads everything (the nightly of a table that fits one task).
        List<List<Map<String, Object>>> unbounded = nights(config, "0");
        assertThat(unbounded).hasSize(1);
        assertThat(ids(unbounded)).containsExactlyInAnyOrderElementsOf(stored.keySet());
    }

    @Test
    void aWindowOfIdsBoundsEachRunToThatManyIdValuesAcrossDeletedRanges() throws Exception {
        String table = "catch_up_ids_re";
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public." + table);
            s.execute("CREATE TABLE public." + table + " (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL)");
            // Ids 1001-1010 and 5001-5003: the first run's floor (0) and the gap are far more than a window away.
            s.execute("INSERT INTO public." + table + " SELECT i, now() FROM generate_series(1001, 1010) AS i");
            s.execute("INSERT INTO public." + table + " SELECT i, now() FROM generate_series(5001, 5003) AS i");
        }
        JsonNode config = config(table, "id");

        List<List<Map<String, Object>>> windowed = nights(config, "4");

        assertThat(windowed).extracting(night -> night.stream().map(r -> ((Number) r.get("id")).longValue()).toList())
                .containsExactly(List.of(1001L, 1002L, 1003L, 1004L), List.of(1005L, 1006L, 1007L, 1008L),
                        List.of(1009L, 1010L), List.of(5001L, 5002L, 5003L));
        assertThat(ids(windowed)).doesNotHaveDuplicates().hasSize(13);
    }
}
