package jp.twozeroseven.infra.data.embulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generated configs on the CI PostgreSQL (SCRAM, TLS from the CA .ci/postgres.sh made), through the image's
 * pgjdbc and the JDBC properties embulk-input-postgresql v0.11.1 builds from them (EmbulkJdbcModel), with
 * sslmode=verify-full; and the incremental loop of two real runs.
 */
@Tag("postgres")
class EmbulkConfigPostgresTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String KEY = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    private static EmbulkJdbcModel.LocalServer server;
    private static String user;
    private static String password;

    @BeforeAll
    static void server() {
        server = new EmbulkJdbcModel.LocalServer(TestPostgres.setting("PGTEST_URL"), TestPostgres.setting("PGTEST_SSLROOTCERT"));
        user = TestPostgres.setting("PGTEST_USER");
        password = TestPostgres.setting("PGTEST_PASSWORD");
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(EmbulkEnvironment.MASKED_USER.userVariable(), user);
        env.put(EmbulkEnvironment.MASKED_USER.passwordVariable(), password);
        env.put(EmbulkEnvironment.RAW_USER.userVariable(), user);
        env.put(EmbulkEnvironment.RAW_USER.passwordVariable(), password);
        // What the state machine passes on a normal night (EtlStateMachineDefinition, container overrides).
        env.put(EmbulkEnvironment.MODE, "nightly");
        env.put(EmbulkEnvironment.CATCH_UP_WINDOW, "0");
        env.put(EmbulkEnvironment.PSEUDONYM_KEY, KEY);
        return env;
    }

    @Test
    void everyConfigOfBothStacksConnectsWithVerifyFullScramAndTheKeyThroughOptions() throws Exception {
        int configs = 0;
        for (String stack : List.of("prod", "stg")) {
            for (JsonNode config : PluginContractTest.configs(stack)) {
                JsonNode in = config.get("in");
                Properties props = EmbulkJdbcModel.properties(in, env(), server);
                assertThat(props.getProperty("sslmode")).isEqualTo("verify-full");
                assertThat(props).doesNotContainKey("sslfactory");
                try (Connection c = DriverManager.getConnection(server.jdbcUrl(), props); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT s.ssl, current_setting('password_encryption'), "
                                + "current_setting('application_name'), current_setting('app.pseudonym_key', true) "
                                + "FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")) {
                    assertThat(c.getMetaData().getDriverVersion()).isEqualTo(EmbulkImage.pinned().pgjdbcVersion());
                    assertThat(rs.next()).isTrue();
                    String name = in.get("application_name").asText();
                    assertThat(rs.getBoolean(1)).as(name + " over TLS").isTrue();
                    assertThat(rs.getString(2)).isEqualTo("scram-sha-256");
                    assertThat(rs.getString(3)).isEqualTo(name);
                    // The key arrives through pgjdbc's 'options' startup parameter, or not at all (raw, key-free tables).
                    assertThat(rs.getString(4)).as(name).isEqualTo(in.at("/options/options").isMissingNode() ? null : KEY);
                }
                configs++;
            }
        }
        assertThat(configs).isGreaterThanOrEqualTo(16);
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefused() throws Exception {
        JsonNode in = PluginContractTest.drivers().get("in");
        Properties props = EmbulkJdbcModel.properties(in, env(), server);
        // Debian's public CA bundle did not sign the test server's certificate.
        props.setProperty("sslrootcert", "/etc/ssl/certs/ca-certificates.crt");

        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), props).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void twoRunsWithRowsCommittedAtTheWatermarksTimestampLoseNoneAndDuplicateNone() throws Exception {
        CatalogTable table = CatalogLoader.parse("""
                version: 1
                entities:
                  probe: {form: id, description: the probe's ids}
                tables:
                  - name: wm_probe
                    source: {schema: public, table: wm_probe_12a}
                    run_group: test
                    incremental_column: updated_at
                    columns:
                      - {name: id, type: bigint, class: identifier, entity: probe}
                      - {name: note, type: text, class: internal}
                      - {name: updated_at, type: timestamptz, class: internal}
                """, "wm-probe.yaml").tables().get(0);
        JsonNode config = YAML.readTree(EmbulkConfigGenerator.masked(table,
                new SourceDatabase("aurora.invalid", 5432, "app"), new ExportTarget(ExportZone.MASKED, "b", "g")));
        OffsetDateTime t1 = OffsetDateTime.parse("2024-05-01T10:00:00.123456+09:00");
        OffsetDateTime t2 = OffsetDateTime.parse("2024-05-01T10:00:00.654321+09:00");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public.wm_probe_12a");
            s.execute("CREATE TABLE public.wm_probe_12a (id bigserial PRIMARY KEY, note text, updated_at timestamptz NOT NULL)");
            // The index each incremental table needs (docs/data-pipeline.md): the predicate and the order use it.
            s.execute("CREATE INDEX ON public.wm_probe_12a (updated_at, id)");
            // Stored out of watermark order: without ORDER BY the last row read would not be the maximum.
            for (OffsetDateTime t : List.of(t2, t1, t1, t2, t1)) {
                s.execute("INSERT INTO public.wm_probe_12a (note, updated_at) VALUES ('first', '" + t + "')");
            }
        }
        List<Object> lastRecord;
        List<Map<String, Object>> exported = new ArrayList<>();
        try (Connection late = DriverManager.getConnection(server.jdbcUrl(), user, password)) {
            late.setAutoCommit(false);
            try (Statement s = late.createStatement()) {
                // A writer whose row has the watermark's timestamp and commits only after the first run.
                s.execute("INSERT INTO public.wm_probe_12a (note, updated_at) VALUES ('late', '" + t2 + "')");
            }
            EmbulkJdbcModel.Run first = EmbulkJdbcModel.run(config, env(), server, null);
            assertThat(first.rows()).hasSize(5);
            assertThat(first.lastRecord()).as("the maximum (updated_at, id), not the last stored row")
                    .containsExactly("2024-05-01T01:00:00.654321Z", 4L);
            exported.addAll(first.rows());
            lastRecord = first.lastRecord();
            late.commit();
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), user, password); Statement s = c.createStatement()) {
            s.execute("INSERT INTO public.wm_probe_12a (note, updated_at) VALUES ('same', '" + t2 + "'), ('later', '"
                    + t2.plusHours(1) + "')");
        }
        EmbulkJdbcModel.Run second = EmbulkJdbcModel.run(config, env(), server, lastRecord);
        exported.addAll(second.rows());

        assertThat(second.rows()).extracting(r -> r.get("note")).containsExactly("late", "same", "later");
        assertThat(exported).extracting(r -> r.get("id")).as("every row once").doesNotHaveDuplicates().hasSize(8);
        assertThat(exported).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(pseudonyms());
        assertThat(second.lastRecord()).containsExactly("2024-05-01T02:00:00.654321Z", 8L);
        assertThat(exported).allSatisfy(r -> assertThat(r).doesNotContainKeys("embulk_wm_updated_at", "embulk_wm_id"));
        // The kept updated_at is cut to the table's grain (no event time: the Japanese day); the watermark is exact.
        assertThat(exported).extracting(r -> ((OffsetDateTime) r.get("updated_at")).toInstant())
                .containsOnly(OffsetDateTime.parse("2024-05-01T00:00:00+09:00").toInstant());

        EmbulkJdbcModel.Run third = EmbulkJdbcModel.run(config, env(), server, second.lastRecord());
        assertThat(third.rows()).isEmpty();
        // No rows: the plugin keeps the previous last_record (AbstractJdbcInputPlugin.java:418-427).
        assertThat(third.lastRecord()).isEqualTo(second.lastRecord());
    }

    private static List<String> pseudonyms() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), user, password); Statement s = c.createStatement();
                // The identifier pseudonym as data-governance.md defines it: HMAC of '<entity>:' || the canonical value (a
                // bigint's text is already canonical).
                ResultSet rs = s.executeQuery("SELECT encode(hmac('probe:' || id::text, '" + KEY + "', 'sha256'), 'hex') "
                        + "FROM public.wm_probe_12a")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Test
    void aConfigWithTheWatermarkAfterOtherColumnsWouldBindTheWrongValue() throws Exception {
        // Why the watermark columns come first: the plugin binds last_record.get(<result index>)
        // (JdbcInputConnection.java:393-401, v0.11.1). Moved to the end, index 0 is no watermark value at all.
        JsonNode config = PluginContractTest.drivers().deepCopy();
        String query = config.at("/in/query").asText();
        String moved = query.replace("  t.\"updated_at\" AS \"embulk_wm_updated_at\",\n  t.\"id\" AS \"embulk_wm_id\",\n", "")
                .replace("\nFROM ", ",\n  t.\"updated_at\" AS \"embulk_wm_updated_at\",\n  t.\"id\" AS \"embulk_wm_id\"\nFROM ");
        assertThat(moved).isNotEqualTo(query);
        ((ObjectNode) config.get("in")).put("query", moved);
        assertThatThrownBy(() -> EmbulkJdbcModel.run(config, env(), server, null)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
