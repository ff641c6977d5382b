package jp.twozeroseven.infra.data.embulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.Set;
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.masking.ExportQueries;
import jp.twozeroseven.infra.data.masking.ExportZone;
import org.junit.jupiter.api.Test;

class EmbulkConfigGeneratorTest {
    static final Catalog CATALOG = CatalogLoader.load(
            Path.of(System.getProperty("project.root", ".")).resolve("data/catalog.yaml"));
    static final SourceDatabase SOURCE = new SourceDatabase("app.cluster-ro-abc.ap-northeast-1.rds.amazonaws.com", 5432, "app");
    static final ExportTarget MASKED = new ExportTarget(ExportZone.MASKED, "207-prod-analytics-masked", "analytics_masked");
    static final ExportTarget RAW = new ExportTarget(ExportZone.RAW, "207-prod-analytics-raw", "analytics_raw");
    static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void maskedConfigReadsTheReaderWithSecretsFromTheEnvironment() throws Exception {
        CatalogTable drivers = CATALOG.table("drivers").orElseThrow();

        JsonNode in = YAML.readTree(EmbulkConfigGenerator.masked(drivers, SOURCE, MASKED)).get("in");

        assertThat(in.get("type").asText()).isEqualTo("postgresql");
        assertThat(in.get("host").asText()).isEqualTo(SOURCE.readerEndpoint());
        assertThat(in.get("port").asInt()).isEqualTo(5432);
        assertThat(in.get("database").asText()).isEqualTo("app");
        assertThat(in.get("user").asText()).isEqualTo("{{ env.EMBULK_DB_USER }}");
        assertThat(in.get("password").asText()).isEqualTo("{{ env.EMBULK_DB_PASSWORD }}");
        // embulk-input-postgresql v0.11.1 PostgreSQLInputPlugin.java:48-50: 'ssl' is a boolean, and true means
        // NonValidatingFactory (83-88); TLS is asked of pgjdbc through 'options' instead.
        assertThat(in.has("ssl")).isFalse();
        assertThat(in.get("driver_path").asText()).isEqualTo("/opt/embulk/jdbc/postgresql-" + EmbulkImage.pinned().pgjdbcVersion() + ".jar");
        assertThat(in.at("/options/sslmode").asText()).isEqualTo("verify-full");
        assertThat(in.at("/options/sslrootcert").asText()).isEqualTo(EmbulkConfigGenerator.RDS_CA_BUNDLE);
        assertThat(in.at("/options/sslfactory").isMissingNode()).as("never NonValidatingFactory").isTrue();
        // The catch-up window is the container's EXPORT_CATCH_UP_WINDOW, rendered by Liquid (run-export admits digits only).
        assertThat(in.get("query").asText()).isEqualTo(ExportQueries.masked(drivers, "{{ env.EXPORT_CATCH_UP_WINDOW }}"));
        assertThat(in.at("/options/options").asText()).isEqualTo("-c app.pseudonym_key={{ env.EMBULK_PSEUDONYM_KEY }}");
        assertThat(in.get("incremental").asBoolean()).isTrue();
        assertThat(in.get("incremental_columns")).extracting(JsonNode::asText)
                .containsExactly("embulk_wm_updated_at", "embulk_wm_id");
        assertThat(in.get("use_raw_query_with_incremental").asBoolean()).isTrue();
        // Only the first run's floor; the image's 'embulk run -c state/<zone>/<table>.yml' overrides it afterwards.
        assertThat(in.get("last_record")).extracting(JsonNode::asText).containsExactly("1970-01-01T00:00:00.000000Z", "0");
        assertThat(EmbulkConfigGenerator.masked(drivers, SOURCE, MASKED)).doesNotContain("EXPORT_SINCE");
        assertThat(EmbulkEnvironment.watermarkKey(jp.twozeroseven.infra.data.masking.ExportZone.MASKED, "drivers"))
                .isEqualTo("state/masked/drivers.yml");
        assertThat(in.has("table")).as("query and table are exclusive in embulk-input-jdbc").isFalse();
        JsonNode filters = YAML.readTree(EmbulkConfigGenerator.masked(drivers, SOURCE, MASKED)).get("filters");
        assertThat(filters).hasSize(1);
        assertThat(filters.get(0).get("type").asText()).isEqualTo("remove_columns");
        assertThat(filters.get(0).get("remove")).extracting(JsonNode::asText)
                .containsExactly("embulk_wm_updated_at", "embulk_wm_id");
    }

    @Test
    void maskedConfigWritesSnappyParquetToTheDatedPartitionAndNeverDropsTheGlueTable() throws Exception {
        JsonNode out = YAML.readTree(EmbulkConfigGenerator.masked(CATALOG.table("customers").orElseThrow(), SOURCE, MASKED))
                .get("out");

        assertThat(out.get("type").asText()).isEqualTo("s3_parquet");
        assertThat(out.get("bucket").asText()).isEqualTo("207-prod-analytics-masked");
        // One file per execution for an incremental table: a same-day rerun adds its delta instead of replacing one;
        // the mode first, so a backfill's full copy never takes a nightly delta's name.
        assertThat(out.get("path_prefix").asText())
                .isEqualTo("masked/customers/dt={{ env.EXPORT_DATE }}/customers.{{ env.EXPORT_MODE }}.{{ env.EXPORT_RUN_ID }}.");
        assertThat(out.get("compression_codec").asText()).isEqualTo("snappy");
        // Pulumi owns the Glue tables; the plugin must not call Glue after the upload.
        assertThat(out.has("catalog")).isFalse();
        assertThat(out.at("/type_options/timestamp/logical_type/name").asText()).isEqualTo("timestamp");
        assertThat(out.at("/type_options/timestamp/logical_type/time_unit").asText()).isEqualTo("MILLIS");
        assertThat(out.at("/type_options/timestamp/logical_type/is_adjusted_to_utc").asBoolean()).isTrue();
        assertThat(out.at("/column_options/birth_date/logical_type/name").asText()).isEqualTo("date");
        assertThat(out.has("access_key_id")).isFalse();
    }

    @Test
    void everyConfigOfEveryZoneVerifiesTheServerCertificateAndHost() throws Exception {
        for (CatalogTable table : CATALOG.tables()) {
            JsonNode in = YAML.readTree(EmbulkConfigGenerator.masked(table, SOURCE, MASKED)).get("in");
            assertThat(in.has("ssl")).as(table.name()).isFalse();
            assertThat(in.at("/options/sslrootcert").asText()).as(table.name()).isEqualTo(EmbulkConfigGenerator.RDS_CA_BUNDLE);
            assertThat(in.at("/options/sslmode").asText()).as(table.name()).isEqualTo("verify-full");
        }
    }

    @Test
    void fullTablesGetNoIncrementalSettings() throws Exception {
        JsonNode in = YAML.readTree(EmbulkConfigGenerator.masked(CATALOG.table("vehicles").orElseThrow(), SOURCE, MASKED))
                .get("in");

        assertThat(in.at("/options/options").asText()).contains("app.pseudonym_key"); // plate_number is pseudonymised
        assertThat(in.has("incremental")).isFalse();
        assertThat(in.has("last_record")).isFalse();
        JsonNode root = YAML.readTree(EmbulkConfigGenerator.masked(CATALOG.table("vehicles").orElseThrow(), SOURCE, MASKED));
        assertThat(root.has("filters")).isFalse();
        // A snapshot: a rerun replaces the day's file, so the partition never holds the table twice; a backfill
        // (EXPORT_MODE=backfill) writes vehicles.backfill.snapshot. and never replaces the nightly's real snapshot.
        assertThat(root.at("/out/path_prefix").asText())
                .isEqualTo("masked/vehicles/dt={{ env.EXPORT_DATE }}/vehicles.{{ env.EXPORT_MODE }}.snapshot.");
        // No watermark, no window: a full table's query never names EXPORT_CATCH_UP_WINDOW.
        assertThat(root.at("/in/query").asText()).doesNotContain("EXPORT_CATCH_UP_WINDOW");
    }

    @Test
    void tablesWithoutPseudonymsGetNoKeyOption() throws Exception {
        CatalogTable depots = CatalogLoader.parse("""
                version: 1
                tables:
                  - name: depots
                    source: {schema: public, table: depots}
                    run_group: nightly
                    columns:
                      - {name: id, type: bigint, class: internal}
                      - {name: name, type: text, class: public}
                """, "t.yaml").tables().get(0);

        JsonNode in = YAML.readTree(EmbulkConfigGenerator.masked(depots, SOURCE, MASKED)).get("in");

        assertThat(in.at("/options/options").isMissingNode()).isTrue();
        assertThat(in.get("query").asText()).doesNotContain("current_setting");
    }

    @Test
    void rawConfigHasNoKeyAndIsRefusedForTablesNotAllowed() throws Exception {
        CatalogTable vehicles = CATALOG.table("vehicles").orElseThrow();

        JsonNode root = YAML.readTree(EmbulkConfigGenerator.raw(vehicles, SOURCE, RAW, Set.of("vehicles")));

        assertThat(root.at("/in/options/options").isMissingNode()).isTrue();
        // Never the masked user, which holds only the masked SELECT's column grants.
        assertThat(root.at("/in/user").asText()).isEqualTo("{{ env.EMBULK_RAW_DB_USER }}");
        assertThat(root.at("/in/password").asText()).isEqualTo("{{ env.EMBULK_RAW_DB_PASSWORD }}");
        assertThat(root.at("/in/options/sslmode").asText()).isEqualTo("verify-full");
        assertThat(root.at("/out/path_prefix").asText()).startsWith("raw/vehicles/dt=");
        assertThat(root.at("/out/catalog").isMissingNode()).isTrue();
        assertThatThrownBy(() -> EmbulkConfigGenerator.raw(CATALOG.table("drivers").orElseThrow(), SOURCE, RAW, Set.of("vehicles")))
                .hasMessageContaining("'drivers' is not allowed in the raw zone");
    }

    @Test
    void aTargetOfTheWrongZoneIsRefused() {
        CatalogTable drivers = CATALOG.table("drivers").orElseThrow();

        assertThatThrownBy(() -> EmbulkConfigGenerator.masked(drivers, SOURCE, RAW))
                .hasMessageContaining("export target is zone 'raw' but this config is for zone 'masked'");
        assertThatThrownBy(() -> EmbulkConfigGenerator.raw(drivers, SOURCE, MASKED, Set.of("drivers")))
                .hasMessageContaining("for zone 'raw'");
    }

    @Test
    void liquidSeesOnlyTheEnvironmentReferences() {
        // Embulk renders the whole .yml.liquid through Liquid first; SQL must not contain Liquid syntax.
        for (CatalogTable table : CATALOG.tables()) {
            String yaml = EmbulkConfigGenerator.masked(table, SOURCE, MASKED)
                    + EmbulkConfigGenerator.raw(table, SOURCE, RAW, Set.of(table.name()));
            String withoutEnv = yaml.replaceAll("\\{\\{ env\\.[A-Z_]+ \\}\\}", "");
            // Liquid reads the raw text: every tag must be on one line (no YAML line folding inside it).
            assertThat(yaml.lines().filter(l -> l.contains("{{"))).as(table.name()).allMatch(l -> l.matches(".*\\{\\{ env\\.[A-Z_]+ \\}\\}.*"));
            assertThat(withoutEnv).as(table.name()).doesNotContain("{{").doesNotContain("{%").doesNotContain("}}");
        }
    }

    @Test
    void generationIsDeterministicForEveryCatalogTable() {
        for (CatalogTable table : CATALOG.tables()) {
            assertThat(EmbulkConfigGenerator.masked(table, SOURCE, MASKED))
                    .isEqualTo(EmbulkConfigGenerator.masked(table, SOURCE, MASKED));
        }
    }

    @Test
    void badSourceInputIsRejectedWithTheFix() {
        assertThatThrownBy(() -> new SourceDatabase(" ", 5432, "app")).hasMessageContaining("reader endpoint is empty");
        assertThatThrownBy(() -> new SourceDatabase("h", 0, "app")).hasMessageContaining("port 0 is out of range");
    }
}
