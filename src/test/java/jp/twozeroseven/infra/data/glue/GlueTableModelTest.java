package jp.twozeroseven.infra.data.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.embulk.ExportTarget;
import jp.twozeroseven.infra.data.masking.ExportZone;
import org.junit.jupiter.api.Test;

class GlueTableModelTest {
    static final Catalog CATALOG = CatalogLoader.load(
            Path.of(System.getProperty("project.root", ".")).resolve("data/catalog.yaml"));
    static final ExportTarget MASKED = new ExportTarget(ExportZone.MASKED, "207-prod-analytics-masked", "analytics_masked");
    static final ExportTarget RAW = new ExportTarget(ExportZone.RAW, "207-prod-analytics-raw", "analytics_raw");

    @Test
    void maskedTableDeclaresOnlyTheMaskedOutputColumnsWithTheirOutputTypes() {
        GlueTable drivers = GlueTableModel.masked(CATALOG.table("drivers").orElseThrow(), MASKED);

        assertThat(drivers.databaseName()).isEqualTo("analytics_masked");
        assertThat(drivers.columnNames()).contains("id", "phone", "address", "birth_date", "updated_at")
                .doesNotContain("family_name", "given_name", "name_kana", "password_digest", "notes");
        assertThat(drivers.columns()).filteredOn(c -> c.name().equals("id")).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo("string"))
                .satisfies(c -> assertThat(c.comment()).isEqualTo("identifier, pseudonymize"));
        assertThat(drivers.columns()).filteredOn(c -> c.name().equals("depot_id")).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo("bigint"));
        GlueTable events = GlueTableModel.masked(CATALOG.table("delivery_events").orElseThrow(), MASKED);
        assertThat(events.columns()).filteredOn(c -> c.name().equals("lat")).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo("double"));
        // What the s3_parquet config writes: TIMESTAMP(MILLIS, UTC) and DATE (EmbulkConfigGenerator.output).
        assertThat(drivers.columns()).filteredOn(c -> c.name().equals("updated_at")).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo("timestamp"))
                .satisfies(c -> assertThat(c.comment()).isEqualTo("internal, truncate_month"));
        assertThat(drivers.columns()).filteredOn(c -> c.name().equals("birth_date")).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo("date"));
    }

    @Test
    void parquetSerdeAndDatePartitionProjection() {
        GlueTable table = GlueTableModel.masked(CATALOG.table("deliveries").orElseThrow(), MASKED);

        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(table.location()).isEqualTo("s3://207-prod-analytics-masked/masked/deliveries/");
        assertThat(table.serializationLibrary()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(table.inputFormat()).endsWith("MapredParquetInputFormat");
        assertThat(table.outputFormat()).endsWith("MapredParquetOutputFormat");
        assertThat(table.partitionKeys()).extracting(GlueColumn::name, GlueColumn::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dt", "string"));
        assertThat(table.parameters())
                .containsEntry("projection.enabled", "true")
                .containsEntry("projection.dt.type", "date")
                .containsEntry("projection.dt.format", "yyyy-MM-dd")
                .containsEntry("projection.dt.range", "2022-01-01,NOW+9HOURS")
                .containsEntry("storage.location.template", "s3://207-prod-analytics-masked/masked/deliveries/dt=${dt}/")
                .containsEntry("classification", "parquet")
                .containsEntry("data_zone", "masked");
    }

    @Test
    void tonightsJstPartitionIsProjectedAsSoonAsTheRunHasWrittenIt() {
        String range = GlueTableModel.masked(CATALOG.table("deliveries").orElseThrow(), MASKED)
                .parameters().get("projection.dt.range");
        String end = range.substring(range.indexOf(',') + 1);
        // The nightly run at 02:00 JST on 2024-05-02 writes dt=2024-05-02; it is still 2024-05-01 in UTC.
        java.time.Instant afterTheRun = java.time.ZonedDateTime.of(2024, 5, 2, 2, 30, 0, 0,
                java.time.ZoneId.of("Asia/Tokyo")).toInstant();
        assertThat(lastProjectedDay(end, afterTheRun)).isEqualTo("2024-05-02");
        // Plain NOW (the old value) would have hidden it until 09:00 JST.
        assertThat(lastProjectedDay("NOW", afterTheRun)).isEqualTo("2024-05-01");
        // Just before midnight JST, tomorrow's partition is not projected (no empty future scans).
        java.time.Instant beforeMidnight = java.time.ZonedDateTime.of(2024, 5, 2, 23, 59, 0, 0,
                java.time.ZoneId.of("Asia/Tokyo")).toInstant();
        assertThat(lastProjectedDay(end, beforeMidnight)).isEqualTo("2024-05-02");
    }

    /** Athena's documented reading of a range end NOW[(+|-)n UNIT]: evaluated in UTC, then formatted. */
    private static String lastProjectedDay(String end, java.time.Instant now) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("NOW(?:\\s*([+-])\\s*(\\d+)\\s*(YEARS?|MONTHS?|WEEKS?|DAYS?|HOURS?|MINUTES?|SECONDS?))?")
                .matcher(end);
        assertThat(m.matches()).as("'%s' is Athena relative-date syntax", end).isTrue();
        java.time.ZonedDateTime utc = now.atZone(java.time.ZoneOffset.UTC);
        if (m.group(1) != null) {
            long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            String unit = m.group(3).endsWith("S") ? m.group(3) : m.group(3) + "S";
            utc = utc.plus(amount, java.time.temporal.ChronoUnit.valueOf(unit));
        }
        return utc.toLocalDate().toString();
    }

    @Test
    void rawTablesExistOnlyForTheAllowList() {
        List<GlueTable> tables = GlueTableModel.forCatalog(CATALOG, MASKED, Optional.of(RAW), Set.of("vehicles"));

        assertThat(tables).filteredOn(t -> t.zone() == ExportZone.MASKED).hasSize(CATALOG.tables().size());
        assertThat(tables).filteredOn(t -> t.zone() == ExportZone.RAW).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("vehicles");
            assertThat(t.databaseName()).isEqualTo("analytics_raw");
            CatalogTable source = CATALOG.table("vehicles").orElseThrow();
            assertThat(t.columnNames()).containsExactlyElementsOf(source.columns().stream().map(c -> c.name()).toList());
            assertThat(t.location()).isEqualTo("s3://207-prod-analytics-raw/raw/vehicles/");
        });
        assertThat(GlueTableModel.forCatalog(CATALOG, MASKED, Optional.empty(), Set.of()))
                .allSatisfy(t -> assertThat(t.zone()).isEqualTo(ExportZone.MASKED));
    }

    @Test
    void badAllowListsAndZonesAreRefusedWithTheFix() {
        assertThatThrownBy(() -> GlueTableModel.forCatalog(CATALOG, MASKED, Optional.of(RAW), Set.of("drivrs")))
                .hasMessageContaining("not in the catalog: [drivrs]");
        assertThatThrownBy(() -> GlueTableModel.forCatalog(CATALOG, MASKED, Optional.empty(), Set.of("drivers")))
                .hasMessageContaining("no raw zone bucket/database is configured");
        assertThatThrownBy(() -> GlueTableModel.raw(CATALOG.table("drivers").orElseThrow(), RAW, Set.of()))
                .hasMessageContaining("not in the raw-zone allow list");
        assertThatThrownBy(() -> GlueTableModel.masked(CATALOG.table("drivers").orElseThrow(), RAW))
                .hasMessageContaining("pass the masked zone target");
    }
}
