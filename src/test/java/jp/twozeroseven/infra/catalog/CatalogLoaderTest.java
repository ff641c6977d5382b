package jp.twozeroseven.infra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    static final Path CATALOG = ROOT.resolve("data/catalog.yaml");

    @Test
    void theCompanyCatalogLoadsWithAtLeastEightTables() {
        Catalog catalog = CatalogLoader.load(CATALOG);

        assertThat(catalog.version()).isEqualTo(1);
        assertThat(catalog.tableNames()).contains("drivers", "customers", "deliveries", "parcels", "routes", "stops",
                "delivery_events", "vehicles").hasSizeGreaterThanOrEqualTo(8);
        CatalogTable drivers = catalog.table("drivers").orElseThrow();
        assertThat(drivers.sourceSchema()).isEqualTo("public");
        assertThat(drivers.incrementalColumn()).contains("updated_at");
        assertThat(drivers.column("phone").orElseThrow().masking()).isEqualTo(Masking.PSEUDONYMIZE);
        assertThat(drivers.column("postal_code").orElseThrow().masking()).isEqualTo(Masking.POSTAL_PREFIX3);
        assertThat(drivers.column("password_digest").orElseThrow().masking()).isEqualTo(Masking.DROP);
    }

    @Test
    void theCompanyCatalogClassifiesTheObviousPersonalColumns() {
        Catalog catalog = CatalogLoader.load(CATALOG);
        for (CatalogTable table : catalog.tables()) {
            for (CatalogColumn column : table.columns()) {
                String name = column.name();
                if (name.contains("phone") || name.contains("email")) {
                    assertThat(column.dataClass()).as(table.name() + "." + name).isEqualTo(DataClass.CONTACT);
                }
                if (name.endsWith("name") || name.equals("name_kana")) {
                    assertThat(column.dataClass()).as(table.name() + "." + name).isEqualTo(DataClass.NAME);
                }
                if (name.contains("password") || name.equals("notes") || name.equals("memo")) {
                    assertThat(column.masking()).as(table.name() + "." + name).isEqualTo(Masking.DROP);
                }
                if (name.equals("lat") || name.equals("lng")) {
                    assertThat(column.dataClass()).as(table.name() + "." + name).isEqualTo(DataClass.LOCATION);
                }
            }
        }
    }

    @Test
    void reportsEveryProblemOfABrokenFileInOneException() {
        Path bad = ROOT.resolve("src/test/resources/data/catalog-with-every-problem.yaml");

        CatalogException e = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.load(bad));

        List<String> messages = e.problems().stream().map(CatalogProblem::describe).toList();
        assertThat(messages).allSatisfy(m -> assertThat(m).startsWith(bad.toString()).contains("Fix: "));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, null, null, "unknown key 'owner'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", null, "duplicate table name"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "id", "duplicate column name"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "phone", "unknown column type 'varchar'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "email", "unclassified column"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "name_kana", "unknown class 'personal'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "lat", "unknown masking 'blur'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "notes", "masking 'keep' would export"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "password_digest", "must be dropped"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "birth_date", "does not apply to type 'text'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "status", "missing field 'type'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "status", "unknown key 'colour'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", null,
                "incremental column 'modified_at' is not a column of the table"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "stops", null, "missing field 'table'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "stops", null, "missing field 'run_group'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "routes", "driver_id", "incremental column is masked"));
        assertThat(e.getMessage()).contains(e.problems().size() + " problem(s)");
    }

    @Test
    void aProblemMessageNamesFileTableColumnAndFix() {
        String yaml = """
                version: 1
                tables:
                  - name: customers
                    source: {schema: public, table: customers}
                    run_group: nightly
                    columns:
                      - {name: phone, type: text}
                """;

        assertThatThrownBy(() -> CatalogLoader.parse(yaml, "data/catalog.yaml"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("data/catalog.yaml: table 'customers', column 'phone': unclassified column")
                .hasMessageContaining("Fix: add 'class: <one of public, internal, identifier, contact");
    }

    @Test
    void missingVersionAndTablesAreBothReported() {
        CatalogException e = catchThrowableOfType(CatalogException.class,
                () -> CatalogLoader.parse("owner: x\n", "c.yaml"));

        assertThat(e.problems()).extracting(CatalogProblem::problem)
                .contains("missing field 'version'", "missing or empty 'tables' list", "unknown key 'owner' in the top level");
    }

    @Test
    void entriesThatAreNotMappingsAreReportedByPositionInTheirTurn() {
        String yaml = """
                version: 1
                tables:
                  - just-a-name
                  - name: a
                    source: {schema: public, table: a}
                    run_group: g
                    columns: [oops, {name: id, type: bigint, class: internal}, {name: id, type: bigint, class: internal}]
                  - {name: b, source: {schema: public, table: b}, run_group: g, columns: []}
                """;

        CatalogException e = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.parse(yaml, "c.yaml"));

        assertThat(e.problems()).extracting(p -> p.table().orElse("") + "/" + p.column().orElse("") + ": " + p.problem())
                .containsSubsequence("#1/: is not a mapping", "a/#1: is not a mapping", "a/id: duplicate column name",
                        "b/: missing or empty 'columns' list");
    }

    @Test
    void unsupportedVersionIsRejected() {
        String yaml = """
                version: 2
                tables:
                  - {name: a, source: {schema: public, table: a}, run_group: g, columns: [{name: id, type: bigint, class: internal}]}
                """;
        assertThatThrownBy(() -> CatalogLoader.parse(yaml, "c.yaml"))
                .hasMessageContaining("unsupported version '2'").hasMessageContaining("set 'version: 1'");
    }

    @Test
    void duplicateYamlKeysAndSyntaxErrorsAreReportedWithoutAStackTraceInTheMessage() {
        assertThatThrownBy(() -> CatalogLoader.parse("version: 1\nversion: 1\n", "c.yaml"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("c.yaml: is not valid YAML").hasMessageContaining("version");
        assertThatThrownBy(() -> CatalogLoader.parse("tables: [\n", "c.yaml"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("(line ");
    }

    @Test
    void unreadableFileIsAProblemNotAnIoException() {
        assertThatThrownBy(() -> CatalogLoader.load(ROOT.resolve("data/no-such-catalog.yaml")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("cannot read the file");
    }

    @Test
    void anOverrideMayTradePrecisionButNeverTurnIntoTheRawValue() {
        String yaml = """
                version: 1
                tables:
                  - name: drivers
                    source: {schema: public, table: drivers}
                    run_group: nightly
                    columns:
                      - {name: email, type: text, class: contact, masking: prefecture}
                      - {name: birth_date, type: date, class: birth_date, masking: truncate_day}
                      - {name: hired_on, type: date, class: timestamp_identifying}
                      - {name: notes, type: text, class: free_text, masking: pseudonymize}
                      - {name: started_at, type: timestamptz, class: timestamp_identifying, masking: truncate_hour}
                """;

        CatalogException e = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.parse(yaml, "c.yaml"));

        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "email",
                "masking 'prefecture' is not allowed for class 'contact'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "birth_date",
                "masking 'truncate_day' is not allowed for class 'birth_date'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "hired_on",
                "'truncate_day' leaves a date unchanged"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "notes",
                "masking 'pseudonymize' is not allowed for class 'free_text'"));
        assertThat(e.problems()).noneSatisfy(p -> assertThat(p.column()).contains("started_at"));
    }

    @Test
    void aValidMinimalCatalogGivesImmutableRecords() {
        String yaml = """
                version: 1
                tables:
                  - name: vehicles
                    source: {schema: fleet, table: vehicle}
                    run_group: nightly
                    columns:
                      - {name: id, type: bigint, class: internal}
                      - {name: hired_on, type: date, class: timestamp_identifying, masking: truncate_month}
                """;

        Catalog catalog = CatalogLoader.parse(yaml, "c.yaml");

        CatalogTable table = catalog.tables().get(0);
        assertThat(table.sourceSchema()).isEqualTo("fleet");
        assertThat(table.sourceTable()).isEqualTo("vehicle");
        assertThat(table.incrementalColumn()).isEmpty();
        assertThat(table.column("hired_on").orElseThrow().maskingOverride()).contains(Masking.TRUNCATE_MONTH);
        assertThatThrownBy(() -> catalog.tables().add(table)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyPseudonymizedColumnOfTheCompanyCatalogNamesAnEntityAndDriverIdsShareOne() {
        Catalog catalog = CatalogLoader.load(CATALOG);

        for (CatalogTable table : catalog.tables()) {
            for (CatalogColumn column : table.columns()) {
                assertThat(column.entity().isPresent()).as(table.name() + "." + column.name())
                        .isEqualTo(column.masking() == Masking.PSEUDONYMIZE);
            }
        }
        for (String table : List.of("routes", "deliveries", "delivery_events")) {
            assertThat(catalog.table(table).orElseThrow().column("driver_id").orElseThrow().entity())
                    .isEqualTo(catalog.table("drivers").orElseThrow().column("id").orElseThrow().entity());
        }
        assertThat(catalog.table("customers").orElseThrow().column("id").orElseThrow().entity().orElseThrow().name())
                .isEqualTo("customer");
        assertThat(catalog.table("drivers").orElseThrow().anonymity().orElseThrow().minimumK())
                .isEqualTo(CatalogLoader.DEFAULT_MINIMUM_K);
    }

    @Test
    void aReferenceToAnUnknownEntityIsOneClearProblem() {
        String yaml = """
                version: 1
                entities:
                  driver: {form: id}
                tables:
                  - name: routes
                    source: {schema: public, table: routes}
                    run_group: nightly
                    columns:
                      - {name: driver_id, type: bigint, class: identifier, entity: drvier}
                """;

        CatalogException e = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.parse(yaml, "c.yaml"));

        assertThat(e.problems()).singleElement().satisfies(p -> assertProblem(p, "routes", "driver_id",
                "entity 'drvier' is not declared under 'entities' (declared: driver)"));
        assertThat(e.getMessage()).contains("Fix: correct the name or declare 'drvier: {form: <id, phone, email, text>}'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void entitiesFormsAndAnonymityRulesAreChecked() {
        String yaml = """
                version: 1
                minimum_k: 1
                entities:
                  driver: {form: id}
                  phone: {form: phone}
                  plate: {form: barcode}
                tables:
                  - name: drivers
                    source: {schema: public, table: drivers}
                    run_group: nightly
                    anonymity: {quasi_identifiers: [phone, birth_date, nowhere], subject: notes}
                    columns:
                      - {name: id, type: bigint, class: identifier}
                      - {name: phone, type: text, class: contact, entity: driver}
                      - {name: mobile, type: text, class: identifier, entity: phone}
                      - {name: status, type: text, class: internal, entity: driver}
                      - {name: birth_date, type: date, class: birth_date}
                      - {name: notes, type: text, class: free_text}
                      - {name: pseudonym_key_id, type: text, class: internal}
                """;

        CatalogException e = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.parse(yaml, "c.yaml"));

        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, null, null, "minimum_k '1' is not an integer of at least 2"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, null, null, "entity 'plate' has unknown form 'barcode'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "id", "pseudonymized column names no 'entity'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "phone",
                "entity 'driver' has form 'id', which does not suit class 'contact'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "mobile",
                "entity 'phone' has form 'phone', which does not suit class 'identifier'"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "status", "'entity' on a column that is keep"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", "pseudonym_key_id", "reserved"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", null, "quasi-identifier 'nowhere' is not a column"));
        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "drivers", null, "anonymity subject 'notes'"));
    }

    private static void assertProblem(CatalogProblem p, String table, String column, String text) {
        assertThat(p.table()).isEqualTo(Optional.ofNullable(table));
        assertThat(p.column()).isEqualTo(Optional.ofNullable(column));
        assertThat(p.problem()).contains(text);
    }

    @Test
    void sizeHintsAreReadAndEachBrokenOneIsNamed() {
        Catalog catalog = CatalogLoader.load(CATALOG);
        assertThat(catalog.tables()).allSatisfy(t -> assertThat(t.size()).as(t.name()).isPresent());
        TableSize stops = catalog.table("stops").orElseThrow().size().orElseThrow();
        assertThat(stops.rows()).isEqualTo(900_000_000L);
        assertThat(stops.historyDays()).hasValue(1100);

        String yaml = """
                version: 1
                tables:
                  - name: a
                    source: {schema: public, table: a}
                    run_group: nightly
                    incremental_column: updated_at
                    size: {rows: 10, row_bytes: 100}
                    columns:
                      - {name: id, type: bigint, class: internal}
                      - {name: updated_at, type: timestamptz, class: internal}
                  - name: b
                    source: {schema: public, table: b}
                    run_group: nightly
                    size: {rows: "many", row_bytes: 100, daily_rows: 5, colour: red}
                    columns:
                      - {name: id, type: bigint, class: internal}
                """;
        CatalogException e = catchThrowableOfType(() -> CatalogLoader.parse(yaml, "c.yaml"), CatalogException.class);
        assertThat(e.problems()).extracting(CatalogProblem::describe).containsExactlyInAnyOrder(
                "c.yaml: table 'a': an incremental table's size needs 'daily_rows'. Fix: add 'daily_rows: <rows "
                        + "inserted or updated per day>': what one night reads",
                "c.yaml: table 'b': unknown key 'colour' in size of table. Fix: remove it or use one of daily_rows, "
                        + "history_days, row_bytes, rows",
                "c.yaml: table 'b': size.rows 'many' is not a whole number >= 0. Fix: write a plain count such as "
                        + "1200000 (no quotes, no units)",
                "c.yaml: table 'b': daily_rows/history_days describe an incremental table, but this one is exported "
                        + "in full every night. Fix: remove them, or set incremental_column");
    }

    @Test
    void aTimestampIncrementalTableNeedsItsUniqueIdAsTheTieBreaker() {
        CatalogException e = org.assertj.core.api.Assertions.catchThrowableOfType(CatalogException.class, () -> CatalogLoader.parse("""
                version: 1
                tables:
                  - name: pings
                    source: {schema: public, table: pings}
                    run_group: nightly
                    incremental_column: updated_at
                    columns:
                      - {name: device, type: text, class: internal}
                      - {name: updated_at, type: timestamptz, class: internal}
                """, "t.yaml"));

        assertThat(e.problems()).anySatisfy(p -> assertProblem(p, "pings", "updated_at",
                "no unique tie-breaker: the table lists no column 'id'"));
        CatalogException dropped = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.parse("""
                version: 1
                tables:
                  - name: pings
                    source: {schema: public, table: pings}
                    run_group: nightly
                    incremental_column: updated_at
                    columns:
                      - {name: id, type: bigint, class: identifier, masking: drop}
                      - {name: updated_at, type: timestamptz, class: internal}
                """, "t.yaml"));
        assertThat(dropped.problems()).anySatisfy(p -> assertProblem(p, "pings", "id", "tie-breaker is dropped"));
    }
}
