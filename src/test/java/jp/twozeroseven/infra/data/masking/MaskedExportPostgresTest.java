package jp.twozeroseven.infra.data.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import jp.twozeroseven.infra.data.catalog.Catalog;
import jp.twozeroseven.infra.data.catalog.CatalogColumn;
import jp.twozeroseven.infra.data.catalog.CatalogLoader;
import jp.twozeroseven.infra.data.catalog.CatalogTable;
import jp.twozeroseven.infra.data.catalog.ColumnType;
import jp.twozeroseven.infra.data.catalog.Masking;
import jp.twozeroseven.infra.data.embulk.EmbulkConfigGenerator;
import jp.twozeroseven.infra.data.embulk.EmbulkEnvironment;
import jp.twozeroseven.infra.data.embulk.EmbulkJdbcModel;
import jp.twozeroseven.infra.data.embulk.ExportTarget;
import jp.twozeroseven.infra.data.embulk.SourceDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The proof on a real PostgreSQL with pgcrypto: every catalog table is created and filled with
 * synthetic Japanese personal data, then the SELECT from the generated Embulk config is run on a
 * connection configured exactly as the Embulk task configures it (JDBC property {@code options}).
 */
@Tag("postgres")
class MaskedExportPostgresTest {
    private static final String HINT = "run eval \"$(bash .ci/postgres.sh)\" first (it starts a local PostgreSQL "
            + "with pgcrypto and exports PGTEST_URL, PGTEST_USER, PGTEST_PASSWORD)";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String KEY = randomHexKey();
    private static final String OTHER_KEY = randomHexKey();
    private static final SourceDatabase SOURCE = new SourceDatabase("aurora-reader.invalid", 5432, "app");
    private static final ExportTarget MASKED = new ExportTarget(ExportZone.MASKED, "analytics-masked", "masked");
    private static final ExportTarget RAW = new ExportTarget(ExportZone.RAW, "analytics-raw", "raw");

    private static String url;
    private static String user;
    private static String password;
    private static Catalog catalog;
    private static Map<String, List<Map<String, Object>>> data;

    @BeforeAll
    static void createAndFillEveryCatalogTable() throws SQLException {
        url = requiredEnv("PGTEST_URL");
        user = requiredEnv("PGTEST_USER");
        password = requiredEnv("PGTEST_PASSWORD");
        catalog = CatalogLoader.load(Path.of(System.getProperty("project.root", ".")).resolve("data/catalog.yaml"));
        data = new SyntheticJapaneseData(20_240_501L).generate(catalog);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pgcrypto'")) {
                if (!rs.next()) {
                    fail("pgcrypto is not enabled in " + url + "; " + HINT);
                }
            }
            for (CatalogTable table : catalog.tables()) {
                create(c, table);
                insert(c, table, data.get(table.name()));
            }
        }
    }

    @Test
    void everyMaskedValueIsExactlyWhatItsRuleDemands() throws Exception {
        int cells = 0;
        for (CatalogTable table : catalog.tables()) {
            Map<Object, Map<String, Object>> output = byId(table, runMasked(table, KEY));
            assertThat(output).as(table.name() + " row count").hasSize(data.get(table.name()).size());
            for (Map<String, Object> raw : data.get(table.name())) {
                Map<String, Object> out = output.get(expectedId(table, raw, KEY));
                assertThat(out).as(table.name() + " row for id " + raw.get("id")).isNotNull();
                for (CatalogColumn column : table.columns()) {
                    if (column.masking() == Masking.DROP) {
                        continue;
                    }
                    Object expected = ExpectedMasking.expected(table, column, raw.get(column.name()), KEY);
                    assertSameValue(out.get(column.name()), expected, table.name() + "." + column.name()
                            + " (" + column.masking().yamlName() + ") of raw " + raw.get(column.name()));
                    cells++;
                }
            }
        }
        System.out.println("[masking proof] " + catalog.tables().size() + " tables, " + cells + " masked cells checked");
        assertThat(cells).isGreaterThan(1000);
    }

    @Test
    void noRawValueOfAnyMaskedOrDroppedColumnAppearsAnywhereInTheOutput() throws Exception {
        int candidates = 0;
        for (CatalogTable table : catalog.tables()) {
            List<String> cells = runMasked(table, KEY).stream()
                    .flatMap(row -> row.values().stream()).map(String::valueOf).toList();
            for (CatalogColumn column : table.columns()) {
                if (column.masking() == Masking.KEEP) {
                    continue;
                }
                for (Map<String, Object> raw : data.get(table.name())) {
                    Object value = raw.get(column.name());
                    if (value == null || value instanceof OffsetDateTime) {
                        continue; // timestamps are compared as instants in the exact-value test
                    }
                    Object generalised = column.masking() == Masking.DROP ? null
                            : ExpectedMasking.expected(column, value, KEY);
                    for (String leak : List.of(render(value), ExpectedMasking.normalised(column, value))) {
                        if (leak.length() < 6 || leak.equals(render(generalised))) {
                            continue;
                        }
                        candidates++;
                        assertThat(cells).as(table.name() + "." + column.name() + " leaks '" + leak + "'")
                                .noneMatch(cell -> cell.contains(leak));
                    }
                }
            }
        }
        System.out.println("[masking proof] " + candidates + " raw values searched for in the masked output");
        assertThat(candidates).isGreaterThan(1000);
    }

    @Test
    void identifyingTimestampsTruncateToTheJapaneseDayAndMonthWhateverTheSessionTimeZone() throws Exception {
        CatalogTable probe = CatalogLoader.parse("""
                version: 1
                tables:
                  - name: tz_probe
                    source: {schema: public, table: tz_probe}
                    run_group: test
                    columns:
                      - {name: id, type: bigint, class: internal}
                      - {name: seen_at, type: timestamptz, class: timestamp_identifying}
                      - {name: seen_month, type: timestamptz, class: timestamp_identifying, masking: truncate_month}
                      - {name: born_on, type: date, class: birth_date}
                """, "tz-probe.yaml").tables().get(0);
        // 15:30 UTC is 00:30 the next day in Japan: a UTC truncation would land on the wrong day or month.
        List<OffsetDateTime> instants = List.of(
                OffsetDateTime.of(2024, 4, 30, 15, 30, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 12, 31, 16, 5, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 6, 15, 2, 0, 0, 0, ZoneOffset.UTC));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", 10L + i);
            row.put("seen_at", instants.get(i));
            row.put("seen_month", instants.get(i));
            row.put("born_on", LocalDate.of(1990 + i, 7, 20));
            rows.add(row);
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            create(c, probe);
            insert(c, probe, rows);
        }

        Map<Object, Map<String, Object>> output = byId(probe, runMasked(probe, KEY));

        assertThat(output.get(10L).get("seen_at")).isEqualTo(OffsetDateTime.parse("2024-05-01T00:00:00+09:00")
                .withOffsetSameInstant(((OffsetDateTime) output.get(10L).get("seen_at")).getOffset()));
        for (Map<String, Object> raw : rows) {
            for (CatalogColumn column : probe.columns()) {
                assertSameValue(output.get(raw.get("id")).get(column.name()),
                        ExpectedMasking.expected(probe, column, raw.get(column.name()), KEY), "tz_probe." + column.name());
            }
        }
        assertThat(((OffsetDateTime) output.get(11L).get("seen_month")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-01-01T00:00:00+09:00").toInstant());
    }

    @Test
    void columnGrantsLetTheExportUserRunTheMaskedSelectButNeverReadDroppedColumns() throws Exception {
        String role = "gov_masked_export_probe";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP OWNED BY " + role);
        } catch (SQLException roleDoesNotExistYet) {
            // first run on this cluster
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + role);
            s.execute("CREATE ROLE " + role + " NOLOGIN");
            s.execute("GRANT " + role + " TO " + user);
            for (String grant : ExportGrants.maskedExport(catalog, role)) {
                s.execute(grant);
            }
        }
        int rows = 0;
        for (CatalogTable table : catalog.tables()) {
            String yaml = EmbulkConfigGenerator.masked(table, SOURCE, MASKED);
            // The export user's own column grants: the session runs as the probe role.
            rows += run(yaml, KEY, props -> props.setProperty("options",
                    props.getProperty("options", "") + " -c role=" + role)).size();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("SET role " + role);
                for (CatalogColumn dropped : table.columns().stream().filter(col -> col.masking() == Masking.DROP).toList()) {
                    assertThatThrownBy(() -> s.executeQuery("SELECT \"" + dropped.name() + "\" FROM \""
                            + table.sourceSchema() + "\".\"" + table.sourceTable() + "\""))
                            .as(table.name() + "." + dropped.name())
                            .hasMessageContaining("permission denied");
                }
            }
        }
        assertThat(rows).isGreaterThanOrEqualTo(catalog.tables().size() * SyntheticJapaneseData.ROWS_PER_TABLE);
    }

    @Test
    void droppedColumnsAreNotSelectedAtAll() throws Exception {
        for (CatalogTable table : catalog.tables()) {
            Set<String> outputColumns = runMasked(table, KEY).get(0).keySet();
            Set<String> dropped = table.columns().stream().filter(c -> c.masking() == Masking.DROP)
                    .map(CatalogColumn::name).collect(Collectors.toSet());
            assertThat(dropped).as(table.name() + " dropped columns in output").noneMatch(outputColumns::contains);
            assertThat(outputColumns).as(table.name()).containsExactlyElementsOf(
                    MaskingPlan.maskedColumns(table).stream().map(OutputColumn::name).toList());
        }
        assertThat(catalog.table("drivers").orElseThrow().columns()).filteredOn(c -> c.masking() == Masking.DROP)
                .extracting(CatalogColumn::name)
                .contains("family_name", "given_name", "name_kana", "password_digest", "notes");
    }

    @Test
    void pseudonymsAreStableAcrossRunsAndTablesSoJoinsStillWork() throws Exception {
        CatalogTable drivers = catalog.table("drivers").orElseThrow();
        List<Map<String, Object>> first = runMasked(drivers, KEY);
        List<Map<String, Object>> second = runMasked(drivers, KEY);
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);

        Map<Long, Object> driverPseudonym = new HashMap<>();
        for (Map<String, Object> raw : data.get("drivers")) {
            driverPseudonym.put((Long) raw.get("id"), ExpectedMasking.hmacHex(KEY, raw.get("id").toString()));
        }
        Set<Object> driverIds = first.stream().map(r -> r.get("id")).collect(Collectors.toSet());
        assertThat(driverIds).containsExactlyInAnyOrderElementsOf(driverPseudonym.values());

        int joined = 0;
        for (String other : List.of("deliveries", "routes", "delivery_events")) {
            CatalogTable table = catalog.table(other).orElseThrow();
            Map<Object, Map<String, Object>> output = byId(table, runMasked(table, KEY));
            for (Map<String, Object> raw : data.get(other)) {
                Object rawDriver = raw.get("driver_id");
                Object masked = output.get(expectedId(table, raw, KEY)).get("driver_id");
                if (rawDriver == null) {
                    assertThat(masked).isNull();
                    continue;
                }
                assertThat(masked).as(other + ".driver_id joins drivers.id").isEqualTo(driverPseudonym.get(rawDriver));
                assertThat(driverIds).contains(masked);
                joined++;
            }
        }
        assertThat(joined).isGreaterThan(50);
    }

    @Test
    void anotherKeyGivesUnrelatedPseudonyms() throws Exception {
        CatalogTable drivers = catalog.table("drivers").orElseThrow();
        Set<Object> withKey = runMasked(drivers, KEY).stream().map(r -> r.get("id")).collect(Collectors.toSet());
        Set<Object> withOther = runMasked(drivers, OTHER_KEY).stream().map(r -> r.get("id")).collect(Collectors.toSet());

        assertThat(withOther).hasSameSizeAs(withKey).doesNotContainAnyElementsOf(withKey);
        assertThat(withOther).allSatisfy(p -> assertThat((String) p).matches("[0-9a-f]{64}"));
    }

    @Test
    void theExportFailsWithoutAKeyOrWithAShortKey() {
        CatalogTable drivers = catalog.table("drivers").orElseThrow();

        assertThatThrownBy(() -> runMasked(drivers, null))
                .isInstanceOf(SQLException.class).hasMessageContaining(PseudonymKey.SETTING);
        assertThatThrownBy(() -> runMasked(drivers, "0123456789abcdef"))
                .isInstanceOf(SQLException.class).hasMessageContaining("division by zero");
    }

    @Test
    void rawZoneSelectReturnsTheSourceUnchangedButOnlyForAllowedTables() throws Exception {
        CatalogTable vehicles = catalog.table("vehicles").orElseThrow();
        Set<String> allowed = Set.of("vehicles");

        List<Map<String, Object>> output = run(EmbulkConfigGenerator.raw(vehicles, SOURCE, RAW, allowed), null);

        Map<Object, Map<String, Object>> byId = output.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
        for (Map<String, Object> raw : data.get("vehicles")) {
            for (CatalogColumn column : vehicles.columns()) {
                assertSameValue(byId.get(raw.get("id")).get(column.name()), raw.get(column.name()), "raw " + column.name());
            }
        }
        CatalogTable drivers = catalog.table("drivers").orElseThrow();
        assertThatThrownBy(() -> EmbulkConfigGenerator.raw(drivers, SOURCE, RAW, allowed))
                .hasMessageContaining("'drivers' is not allowed in the raw zone");
    }

    @Test
    void theKeyAppearsNowhereInTheGeneratedSqlOrEmbulkConfig() {
        Set<String> all = Set.copyOf(catalog.tableNames());
        for (CatalogTable table : catalog.tables()) {
            String maskedYaml = EmbulkConfigGenerator.masked(table, SOURCE, MASKED);
            for (String text : List.of(ExportQueries.masked(table), ExportQueries.raw(table, all), maskedYaml,
                    EmbulkConfigGenerator.raw(table, SOURCE, RAW, all))) {
                assertThat(text).doesNotContain(KEY).doesNotContain(OTHER_KEY);
            }
            if (MaskingPlan.needsKey(table)) {
                assertThat(maskedYaml).contains("{{ env." + EmbulkEnvironment.PSEUDONYM_KEY + " }}");
            }
        }
    }

    /** Runs the query of the generated masked Embulk config with the key set as the task sets it. */
    private static List<Map<String, Object>> runMasked(CatalogTable table, String key) throws SQLException, IOException {
        return run(EmbulkConfigGenerator.masked(table, SOURCE, MASKED), key);
    }

    /**
     * Runs the generated config as embulk-input-postgresql would (EmbulkJdbcModel: its JDBC properties, TLS with
     * verify-full against the test CA, the placeholders bound from the config's first-run last_record, the
     * watermark columns removed). {@code key == null}: the key never reaches the server, as with a driver without
     * the 'options' property (pgjdbc 9.4, the plugin's bundled default).
     */
    private static List<Map<String, Object>> run(String embulkYaml, String key) throws SQLException, IOException {
        return run(embulkYaml, key, props -> { });
    }

    private static List<Map<String, Object>> run(String embulkYaml, String key, java.util.function.Consumer<Properties> adjust)
            throws SQLException, IOException {
        Map<String, String> env = new HashMap<>();
        env.put(EmbulkEnvironment.DB_USER, user);
        env.put(EmbulkEnvironment.DB_PASSWORD, password);
        env.put(EmbulkEnvironment.RAW_DB_USER, user);
        env.put(EmbulkEnvironment.RAW_DB_PASSWORD, password);
        if (key != null) {
            env.put(EmbulkEnvironment.PSEUDONYM_KEY, key);
        }
        return EmbulkJdbcModel.run(YAML.readTree(embulkYaml), env, server(), null, props -> {
            if (key == null) {
                props.remove("options");
            }
            adjust.accept(props);
        }).rows();
    }

    static EmbulkJdbcModel.LocalServer server() {
        return new EmbulkJdbcModel.LocalServer(url, requiredEnv("PGTEST_SSLROOTCERT"));
    }

    /** A last_record value older than all synthetic data, as Embulk would bind on a first run. */
    private static Object sinceTheBeginning(String incrementalColumn) {
        return incrementalColumn.equals("id") ? (Object) 0L : OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    private static Object read(ResultSet rs, int i) throws SQLException {
        String type = rs.getMetaData().getColumnTypeName(i);
        Object value = switch (type) {
            case "timestamptz" -> rs.getObject(i, OffsetDateTime.class);
            case "date" -> rs.getObject(i, LocalDate.class);
            case "float8", "numeric" -> rs.getBigDecimal(i);
            default -> rs.getObject(i);
        };
        return rs.wasNull() ? null : value;
    }

    private static Map<Object, Map<String, Object>> byId(CatalogTable table, List<Map<String, Object>> rows) {
        Map<Object, Map<String, Object>> result = new HashMap<>();
        rows.forEach(r -> assertThat(result.put(r.get("id"), r)).as(table.name() + " duplicate id").isNull());
        return result;
    }

    private static Object expectedId(CatalogTable table, Map<String, Object> raw, String key) {
        return ExpectedMasking.expected(table.column("id").orElseThrow(), raw.get("id"), key);
    }

    private static void assertSameValue(Object actual, Object expected, String what) {
        if (expected == null || actual == null) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else if (expected instanceof Number e && actual instanceof Number a) {
            assertThat(new BigDecimal(a.toString())).as(what).isEqualByComparingTo(new BigDecimal(e.toString()));
        } else if (expected instanceof OffsetDateTime e && actual instanceof OffsetDateTime a) {
            assertThat(a.toInstant()).as(what).isEqualTo(e.toInstant());
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }

    private static void create(Connection c, CatalogTable table) throws SQLException {
        String name = "\"" + table.sourceSchema() + "\".\"" + table.sourceTable() + "\"";
        String columns = table.columns().stream()
                .map(col -> "\"" + col.name() + "\" " + col.type().postgresName()
                        + (col.name().equals("id") ? " PRIMARY KEY" : ""))
                .collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + name);
            s.execute("CREATE TABLE " + name + " (" + columns + ")");
        }
    }

    private static void insert(Connection c, CatalogTable table, List<Map<String, Object>> rows) throws SQLException {
        String names = table.columns().stream().map(col -> "\"" + col.name() + "\"").collect(Collectors.joining(", "));
        String marks = table.columns().stream().map(col -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"" + table.sourceSchema() + "\".\""
                + table.sourceTable() + "\" (" + names + ") VALUES (" + marks + ")")) {
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (CatalogColumn column : table.columns()) {
                    Object value = row.get(column.name());
                    if (value == null) {
                        ps.setNull(i++, java.sql.Types.OTHER);
                    } else if (column.type() == ColumnType.INTEGER && value instanceof Integer n) {
                        ps.setInt(i++, n);
                    } else {
                        ps.setObject(i++, value);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String requiredEnv(String name) {
        return jp.twozeroseven.infra.testsupport.TestPostgres.setting(name);
    }

    private static String randomHexKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
