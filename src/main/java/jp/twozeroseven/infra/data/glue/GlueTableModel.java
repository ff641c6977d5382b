package jp.twozeroseven.infra.data.glue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.embulk.EmbulkConfigGenerator;
import jp.twozeroseven.infra.data.embulk.ExportTarget;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.data.masking.MaskingPlan;
import jp.twozeroseven.infra.data.masking.OutputColumn;

/**
 * Glue tables for the exports. The columns come from the same {@link MaskingPlan} that writes the
 * SELECT, so Athena's schema cannot drift from what Embulk writes.
 */
public final class GlueTableModel {
    public static final String PARTITION_KEY = "dt";
    public static final String PROJECTION_START = "2022-01-01";
    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    private GlueTableModel() {
    }

    /** Masked tables for every catalog table, plus raw tables for the allowed ones only. */
    public static List<GlueTable> forCatalog(Catalog catalog, ExportTarget masked, Optional<ExportTarget> raw,
            Set<String> rawAllowedTables) {
        List<String> unknown = rawAllowedTables.stream().filter(t -> catalog.table(t).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("raw-zone allow list names tables not in the catalog: " + unknown
                    + "; known tables are " + catalog.tableNames());
        }
        if (!rawAllowedTables.isEmpty() && raw.isEmpty()) {
            throw new IllegalArgumentException("raw-zone allow list is " + rawAllowedTables.stream().sorted().toList()
                    + " but no raw zone bucket/database is configured; configure the raw zone or empty the list");
        }
        List<GlueTable> tables = new ArrayList<>();
        for (CatalogTable table : catalog.tables()) {
            tables.add(masked(table, masked));
            if (rawAllowedTables.contains(table.name())) {
                tables.add(raw(table, raw.orElseThrow(), rawAllowedTables));
            }
        }
        return tables;
    }

    public static GlueTable masked(CatalogTable table, ExportTarget target) {
        requireZone(target, ExportZone.MASKED);
        List<GlueColumn> columns = MaskingPlan.maskedColumns(table).stream()
                .map(c -> c.name().equals(MaskingPlan.KEY_ID_COLUMN)
                        ? new GlueColumn(c.name(), c.type().glueType(), "id of the pseudonym key of the row")
                        : column(c, table.column(c.name()).orElseThrow()))
                .toList();
        return build(table, target, columns);
    }

    public static GlueTable raw(CatalogTable table, ExportTarget target, Set<String> rawAllowedTables) {
        requireZone(target, ExportZone.RAW);
        if (!rawAllowedTables.contains(table.name())) {
            throw new IllegalArgumentException("table '" + table.name()
                    + "' is not in the raw-zone allow list; add it there first (with the data owner's approval)");
        }
        List<GlueColumn> columns = MaskingPlan.rawColumns(table).stream()
                .map(c -> new GlueColumn(c.name(), c.type().glueType(),
                        "unmasked " + table.column(c.name()).orElseThrow().dataClass().yamlName()))
                .toList();
        return build(table, target, columns);
    }

    private static GlueColumn column(OutputColumn output, CatalogColumn source) {
        return new GlueColumn(output.name(), output.type().glueType(),
                source.dataClass().yamlName() + ", " + output.masking().yamlName());
    }

    /** Athena's relative-date syntax (NOW[+-]n UNIT): UTC now shifted to the JST calendar day. */
    static final String PROJECTION_END = "NOW+9HOURS";

    private static GlueTable build(CatalogTable table, ExportTarget target, List<GlueColumn> columns) {
        String location = "s3://" + target.bucket() + "/" + EmbulkConfigGenerator.tablePrefix(target.zone(), table.name());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("EXTERNAL", "TRUE");
        parameters.put("classification", "parquet");
        parameters.put("parquet.compression", "SNAPPY");
        parameters.put("data_zone", target.zone().prefix());
        // Partition projection: Athena computes dt partitions itself, so no crawler and no MSCK REPAIR.
        parameters.put("projection.enabled", "true");
        parameters.put("projection.dt.type", "date");
        parameters.put("projection.dt.format", "yyyy-MM-dd");
        // Athena evaluates NOW in UTC, but dt is the JST date of the run: without +9 hours tonight's partition
        // (e.g. dt=2024-05-02 written at 02:00 JST = 17:00 UTC on 05-01) stays invisible until 09:00 JST.
        parameters.put("projection.dt.range", PROJECTION_START + "," + PROJECTION_END);
        parameters.put("projection.dt.interval", "1");
        parameters.put("projection.dt.interval.unit", "DAYS");
        parameters.put("storage.location.template", location + PARTITION_KEY + "=${" + PARTITION_KEY + "}/");
        return new GlueTable(
                target.glueDatabase(),
                table.name(),
                target.zone(),
                "EXTERNAL_TABLE",
                location,
                columns,
                List.of(new GlueColumn(PARTITION_KEY, "string", "export date (Japan time), yyyy-MM-dd")),
                PARQUET_INPUT,
                PARQUET_OUTPUT,
                PARQUET_SERDE,
                Map.of("serialization.format", "1"),
                parameters);
    }

    private static void requireZone(ExportTarget target, ExportZone expected) {
        if (target.zone() != expected) {
            throw new IllegalArgumentException("export target is zone '" + target.zone().prefix()
                    + "' but a " + expected.prefix() + " Glue table was requested; pass the " + expected.prefix() + " zone target");
        }
    }
}
