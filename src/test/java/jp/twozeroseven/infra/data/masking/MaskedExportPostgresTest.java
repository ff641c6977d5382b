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
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.ColumnType;
import jp.twozeroseven.infra.catalog.Masking;
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
    private static ExpectedMasking expect;
    /** Fresh data every run; replay a failure with -Dmasking.seed=<the seed printed>. */
    private static final long SEED = Long.getLong("masking.seed", new SecureRandom().nextLong());

    @BeforeAll
    static void createAndFillEveryCatalogTable() throws SQLException {
        url = requiredEnv("PGTEST_URL");
        user = requiredEnv("PGTEST_USER");
        password = requiredEnv("PGTEST_PASSWORD");
        catalog = CatalogLoader.load(Path.of(System.getProperty("project.root", ".")).resolve("data/catalog.yaml"));
        SyntheticJapaneseData generator = new SyntheticJapaneseData(SEED);
        data = generator.generate(catalog);
        expect = new ExpectedMasking(generator.truth());
        System.out.println("[masking proof] synthetic data seed " + SEED + " (replay with -Dmasking.seed=" + SEED + ")");
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
            List<Map<String, Object>> rawRows = data.get(table.name());
            List<Map<String, Object>> expectedRows = expect.expectedRows(table, rawRows, KEY);
            assertThat(output).as(table.name() + " row count").hasSize(rawRows.size());
            for (int i = 0; i < rawRows.size(); i++) {
                Map<String, Object> raw = rawRows.get(i);
                Map<String, Object> expected = expectedRows.get(i);
                Map<String, Object> out = output.get(expected.get("id"));
                assertThat(out).as(table.name() + " row for id " + raw.get("id")).isNotNull();
                assertThat(out.keySet()).as(table.name() + " columns").isEqualTo(expected.keySet());
                for (String column : expected.keySet()) {
                    assertSameValue(out.get(column), expected.get(column), table.name() + "." + column
                            + " of raw '" + raw.get(column) + "' (seed " + SEED + ")");
                    cells++;
                }
            }
        }
        System.out.println("[masking proof] " + catalog.tables().size() + " tables, " + cells + " masked cells checked");
        assertThat(cells).isGreaterThan(1000);
    }

    /**
     * Every raw value of every masked or dropped column, of any length (one-kanji names too), in its raw spelling,
     * its canonical form and its NFKC form, is searched for in every cell of the table's masked output, kept columns
     * included; temporal values are compared as instants and dates with every temporal cell. Only a value equal to
     * its own published generalisation (a timestamp already on the hour) is skipped.
     */
    @Test
    void noRawValueOfAnyMaskedOrDroppedColumnAppearsAnywhereInTheOutput() throws Exception {
        int candidates = 0;
        Set<String> classesSearched = new java.util.TreeSet<>();
        for (CatalogTable table : catalog.tables()) {
            List<Map<String, Object>> output = runMasked(table, KEY);
            List<String> cells = output.stream().flatMap(row -> row.values().stream())
                    .filter(v -> !(v instanceof OffsetDateTime || v instanceof LocalDate)).map(MaskedExportPostgresTest::render)
                    .toList();
            Set<Object> instants = output.stream().flatMap(row -> row.values().stream())
                    .filter(v -> v instanceof OffsetDateTime || v instanceof LocalDate).map(ExpectedMasking::comparable)
                    .collect(Collectors.toSet());
            for (CatalogColumn column : table.columns()) {
                if (column.masking() == Masking.KEEP) {
                    continue;
                }
                for (Map<String, Object> raw : data.get(table.name())) {
                    Object value = raw.get(column.name());
                    if (value == null) {
                        continue;
                    }
                    Object published = column.masking() == Masking.DROP ? null : expect.expected(column, value, KEY);
                    classesSearched.add(column.dataClass().yamlName());
                    if (value instanceof OffsetDateTime || value instanceof LocalDate) {
                        if (!ExpectedMasking.comparable(value).equals(ExpectedMasking.comparable(published))) {
                            candidates++;
                            assertThat(instants).as(table.name() + "." + column.name() + " leaks " + value + " (seed " + SEED + ")")
                                    .doesNotContain(ExpectedMasking.comparable(value));
                        }
                        continue;
                    }
                    Set<String> spellings = new java.util.LinkedHashSet<>(List.of(render(value),
                            java.text.Normalizer.normalize(render(value), java.text.Normalizer.Form.NFKC).strip()));
                    if (column.masking() == Masking.PSEUDONYMIZE && expect.canonical(column, value) != null) {
                        spellings.add(expect.canonical(column, value));
                    }
                    for (String leak : spellings) {
                        if (leak.isBlank() || leak.equals(render(published))) {
                            continue;
                        }
                        candidates++;
                        assertThat(cells).as(table.name() + "." + column.name() + " leaks '" + leak + "' (seed " + SEED + ")")
                                .noneMatch(cell -> cell.contains(leak));
                    }
                }
            }
        }
        System.out.println("[masking proof] " + candidates + " raw values of classes " + classesSearched
                + " searched for in the masked output");
        assertThat(classesSearched).containsExactlyInAnyOrder("identifier", "contact", "name", "address", "location",
                "free_text", "secret", "birth_date", "timestamp_identifying");
        assertThat(candidates).isGreaterThan(2000);
    }

    @Test
    void onePersonOnePseudonymWhateverTheSpellingAndBlanksAndOtherEntitiesNeverShareOne() throws Exception {
        // pseudonym -> the (entity, canonical value) it stands for; one value per pseudonym and one pseudonym per value.
        Map<Object, String> identityOf = new HashMap<>();
        Map<String, Object> pseudonymOf = new HashMap<>();
        int spellings = 0;
        int blanks = 0;
        for (CatalogTable table : catalog.tables()) {
            List<Map<String, Object>> raws = data.get(table.name());
            List<Map<String, Object>> expected = expect.expectedRows(table, raws, KEY);
            Map<Object, Map<String, Object>> output = byId(table, runMasked(table, KEY));
            for (int i = 0; i < raws.size(); i++) {
                Map<String, Object> out = output.get(expected.get(i).get("id"));
                for (CatalogColumn column : table.columns()) {
                    Object raw = raws.get(i).get(column.name());
                    if (column.masking() != Masking.PSEUDONYMIZE || raw == null) {
                        continue;
                    }
                    String canonical = expect.canonical(column, raw);
                    Object pseudonym = out.get(column.name());
                    if (canonical == null) {
                        blanks++;
                        assertThat(pseudonym).as(table.name() + "." + column.name() + " of blank '" + raw + "'").isNull();
                        continue;
                    }
                    String identity = column.entity().orElseThrow().name() + ":" + canonical;
                    spellings++;
                    assertThat(identityOf.putIfAbsent(pseudonym, identity)).as("pseudonym shared by two identities")
                            .isIn(null, identity);
                    assertThat(pseudonymOf.putIfAbsent(identity, pseudonym)).as(identity + " split (spelled '" + raw + "')")
                            .isIn(null, pseudonym);
                }
            }
        }
        System.out.println("[masking proof] " + spellings + " spellings of " + pseudonymOf.size() + " identities, "
                + blanks + " blanks: 0 split, 0 shared");
        assertThat(blanks).isGreaterThan(5);
        assertThat(spellings - pseudonymOf.size()).as("spellings that had to join an identity").isGreaterThan(100);
        // Driver and customer ids are the same numbers in the synthetic data, yet no pseudonym is shared.
        Set<Object> driverIds = data.get("drivers").stream().map(r -> r.get("id")).collect(Collectors.toSet());
        Set<Object> customerIds = data.get("customers").stream().map(r -> r.get("id")).collect(Collectors.toSet());
        assertThat(driverIds).isEqualTo(customerIds);
        Set<Object> driverPseudonyms = runMasked(catalog.table("drivers").orElseThrow(), KEY).stream()
                .map(r -> r.get("id")).collect(Collectors.toSet());
        assertThat(runMasked(catalog.table("customers").orElseThrow(), KEY)).extracting(r -> r.get("id"))
                .doesNotContainAnyElementsOf(driverPseudonyms);
    }

    @Test
    void everyMaskedTableWithAnAnonymityRuleIsKAnonymousAndTheReportSaysSo() throws Exception {
        Map<String, Long> reported = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(KAnonymity.report(catalog))) {
            while (rs.next()) {
                reported.put(rs.getString("table_name"), rs.getLong("k_published"));
                assertThat(rs.getInt("minimum_k")).isEqualTo(jp.twozeroseven.infra.catalog.CatalogLoader.DEFAULT_MINIMUM_K);
            }
        }
        List<CatalogTable> ruled = catalog.tables().stream().filter(t -> t.anonymity().isPresent()).toList();
        assertThat(reported.keySet()).containsExactlyInAnyOrderElementsOf(ruled.stream().map(CatalogTable::name).toList());
        for (CatalogTable table : ruled) {
            var rule = table.anonymity().orElseThrow();
            Map<List<Object>, Set<Object>> subjects = new HashMap<>();
            for (Map<String, Object> row : runMasked(table, KEY)) {
                Set<Object> group = subjects.computeIfAbsent(ExpectedMasking.quasi(row, rule), q -> new java.util.HashSet<>());
                // Without a subject column every row is one person; count(DISTINCT) ignores a NULL subject.
                Object subject = rule.subject().isPresent() ? row.get(rule.subject().get()) : row.get("id");
                if (subject != null) {
                    group.add(subject);
                }
            }
            int k = subjects.values().stream().mapToInt(Set::size).min().orElseThrow();
            long suppressed = subjects.entrySet().stream().filter(e -> e.getKey().stream().allMatch(java.util.Objects::isNull))
                    .mapToLong(e -> e.getValue().size()).sum();
            System.out.println("[masking proof] " + table.name() + ": k = " + k + " over " + rule.quasiIdentifiers()
                    + " (" + subjects.size() + " groups, " + suppressed + " subjects suppressed, report k = "
                    + reported.get(table.name()) + ")");
            assertThat(k).as(table.name() + " k over " + rule.quasiIdentifiers() + " (seed " + SEED + ")")
                    .isGreaterThanOrEqualTo(rule.minimumK());
            assertThat(reported.get(table.name())).as(table.name() + " report").isEqualTo(k);
        }
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
                        expect.expected(probe, column, raw.get(column.name()), KEY), "tz_probe." + column.name());
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
            driverPseudonym.put((Long) raw.get("id"), ExpectedMasking.hmacHex(KEY, "driver:" + raw.get("id")));
        }
        Set<Object> driverIds = first.stream().map(r -> r.get("id")).collect(Collectors.toSet());
        assertThat(driverIds).containsExactlyInAnyOrderElementsOf(driverPseudonym.values());

        int joined = 0;
        for (String other : List.of("deliveries", "routes", "delivery_events")) {
            CatalogTable table = catalog.table(other).orElseThrow();
            Map<Object, Map<String, Object>> output = byId(table, runMasked(table, KEY));
            for (Map<String, Object> raw : data.get(other)) {
                Object rawDriver = raw.get("driver_id");
                Object masked = output.get(expectedId(table, raw)).get("driver_id");
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
    void theExportFailsWithoutAKeyOrWithAWeakOrMalformedKeyAndNeverPrintsIt() throws Exception {
        CatalogTable drivers = catalog.table("drivers").orElseThrow();

        assertThatThrownBy(() -> runMasked(drivers, null))
                .isInstanceOf(SQLException.class).hasMessageContaining(PseudonymKey.SETTING);
        for (String weak : List.of("0123456789abcdef", "0".repeat(64), "ab".repeat(32), "0123456789abcdef".repeat(4),
                "deadbeef".repeat(8), KEY.toUpperCase(java.util.Locale.ROOT), KEY.substring(1), KEY + "0",
                "0".repeat(63) + "1", KEY.substring(0, 63) + "g", "")) {
            assertThatThrownBy(() -> runMasked(drivers, weak)).as("key '" + weak + "'")
                    .isInstanceOf(SQLException.class).hasMessageContaining(PseudonymKey.REJECTED)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(weak.isEmpty() ? "\u0000" : weak));
        }
        assertThat(runMasked(drivers, KEY)).isNotEmpty();
    }

    /**
     * Rotation as docs/data-governance.md describes it: the new key gives a new key id and unrelated pseudonyms, so
     * partitions of two keys are told apart by pseudonym_key_id; re-exporting every partition with the new key
     * leaves one key id, after which the old key version can be retired.
     */
    @Test
    void aKeyIdTravelsWithEveryRowSoARotationCanBeSeenAndCompleted() throws Exception {
        for (CatalogTable table : catalog.tables()) {
            if (!MaskingPlan.needsKey(table)) {
                assertThat(MaskingPlan.maskedColumns(table)).extracting(OutputColumn::name).doesNotContain(MaskingPlan.KEY_ID_COLUMN);
                continue;
            }
            Set<Object> oldIds = runMasked(table, KEY).stream().map(r -> r.get(MaskingPlan.KEY_ID_COLUMN)).collect(Collectors.toSet());
            Set<Object> newIds = runMasked(table, OTHER_KEY).stream().map(r -> r.get(MaskingPlan.KEY_ID_COLUMN)).collect(Collectors.toSet());
            assertThat(oldIds).singleElement().satisfies(id -> assertThat((String) id).matches("[0-9a-f]{16}")
                    .isNotIn(KEY.substring(0, 16), KEY.substring(48)));
            assertThat(newIds).hasSize(1).doesNotContainAnyElementsOf(oldIds);
        }
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
        env.put(EmbulkEnvironment.MASKED_USER.userVariable(), user);
        env.put(EmbulkEnvironment.MASKED_USER.passwordVariable(), password);
        env.put(EmbulkEnvironment.RAW_USER.userVariable(), user);
        env.put(EmbulkEnvironment.RAW_USER.passwordVariable(), password);
        // What the state machine passes on a normal night (EtlStateMachineDefinition, container overrides).
        env.put(EmbulkEnvironment.MODE, "nightly");
        env.put(EmbulkEnvironment.CATCH_UP_WINDOW, "0");
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

    private static Object expectedId(CatalogTable table, Map<String, Object> raw) {
        return expect.expected(table.column("id").orElseThrow(), raw.get("id"), KEY);
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
