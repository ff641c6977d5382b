package jp.twozeroseven.infra.data.embulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.ColumnType;
import jp.twozeroseven.infra.data.masking.ExportQueries;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.data.masking.MaskingPlan;
import jp.twozeroseven.infra.data.masking.OutputColumn;
import jp.twozeroseven.infra.data.masking.OutputType;
import jp.twozeroseven.infra.data.masking.PseudonymKey;

/**
 * Builds the Embulk config (a {@code .yml.liquid} file) one ECS task runs for one table and zone.
 * Pure: the same inputs give the same text, and no secret value is ever an input.
 */
public final class EmbulkConfigGenerator {
    public static final String TIME_ZONE = "Asia/Tokyo";
    static final String SEQUENCE_FORMAT = "%03d.%02d.";
    /** The run part of a full export's file name: the same every run, so a rerun replaces the day's snapshot. */
    static final String SNAPSHOT_NAME = "snapshot";
    /** Embulk's last_record text for a timestamp column: before any row of ours. */
    static final String FIRST_RUN_TIMESTAMP = "1970-01-01T00:00:00.000000Z";
    /**
     * The RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem) that the Embulk image
     * contains at this path (images/embulk/Dockerfile); see docs/data-pipeline.md, "The Embulk image".
     */
    public static final String RDS_CA_BUNDLE = "/etc/ssl/certs/rds-global-bundle.pem";

    /** The query's catch-up window: the container's value, which run-export admits only as digits. */
    private static final String CATCH_UP_WINDOW = EmbulkEnvironment.liquid(EmbulkEnvironment.CATCH_UP_WINDOW);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            // Embulk renders Liquid on the raw text before it parses YAML: a '{{ env.X }}' folded over two lines
            // would no longer be one Liquid tag.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private EmbulkConfigGenerator() {
    }

    /** The masked-zone export: the only kind most tables ever get. */
    public static String masked(CatalogTable table, SourceDatabase source, ExportTarget target) {
        requireZone(target, ExportZone.MASKED);
        ObjectNode in = input(table, source, ExportQueries.masked(table, CATCH_UP_WINDOW), EmbulkEnvironment.MASKED_USER);
        if (MaskingPlan.needsKey(table)) {
            // The pgjdbc 'options' property becomes "-c app.pseudonym_key=..." in the startup packet,
            // so the key is set on every connection Embulk opens, before any query runs.
            ((ObjectNode) in.get("options")).put("options",
                    "-c " + PseudonymKey.SETTING + "=" + EmbulkEnvironment.liquid(EmbulkEnvironment.PSEUDONYM_KEY));
        }
        return render(table, in, output(table, target, MaskingPlan.maskedColumns(table)));
    }

    /** The raw-zone export; refused unless the table is in {@code rawAllowedTables}. */
    public static String raw(CatalogTable table, SourceDatabase source, ExportTarget target, Set<String> rawAllowedTables) {
        requireZone(target, ExportZone.RAW);
        // Its own user: the masked user holds only the column grants the masked SELECT needs.
        ObjectNode in = input(table, source, ExportQueries.raw(table, rawAllowedTables, CATCH_UP_WINDOW),
                EmbulkEnvironment.RAW_USER);
        return render(table, in, output(table, target, MaskingPlan.rawColumns(table)));
    }

    /** S3 key prefix of one table's partitions in a zone, without the dt= part; shared with Glue. */
    public static String tablePrefix(ExportZone zone, String table) {
        return zone.prefix() + "/" + table + "/";
    }

    private static ObjectNode input(CatalogTable table, SourceDatabase source, String query,
                                    EmbulkEnvironment.DatabaseUser user) {
        ObjectNode in = JSON.objectNode();
        in.put("type", "postgresql");
        // The image's pgjdbc 42.7 instead of the plugin's bundled 9.4-1205 (embulk-input-postgresql build.gradle,
        // defaultJdbcDriver), which has neither SCRAM nor the 'options' property the pseudonym key travels in.
        in.put("driver_path", EmbulkImage.pinned().driverPath());
        in.put("host", source.readerEndpoint());
        in.put("port", source.port());
        in.put("database", source.database());
        in.put("user", EmbulkEnvironment.liquid(user.userVariable()));
        in.put("password", EmbulkEnvironment.liquid(user.passwordVariable()));
        // No 'ssl' key: the plugin's 'ssl' is a boolean whose true installs pgjdbc's NonValidatingFactory
        // (PostgreSQLInputPlugin.java:48-50, 83-88 at v0.11.1), i.e. any certificate for any host. TLS is asked
        // of pgjdbc itself through 'options' (copied into the JDBC properties last, line 93): the CA chain AND
        // the host name are verified, against the RDS bundle the image contains.
        ObjectNode jdbc = in.putObject("options");
        jdbc.put("sslmode", "verify-full");
        jdbc.put("sslrootcert", RDS_CA_BUNDLE);
        in.put("application_name", "embulk-export-" + table.name());
        in.put("connect_timeout", 300);
        in.put("socket_timeout", 1800);
        in.put("fetch_rows", 10000);
        in.put("default_timezone", TIME_ZONE);
        in.put("query", query);
        List<String> watermark = ExportQueries.watermarkColumns(table);
        if (!watermark.isEmpty()) {
            // With 'query', Embulk needs the raw-query mode, the ':col' placeholders and a last_record. The one here
            // is only the first run's floor: the image runs 'embulk run -c <watermark>' and Embulk's config diff
            // (written after each successful run, see EmbulkEnvironment.watermarkKey) overrides it from then on.
            in.put("incremental", true);
            ArrayNode columns = in.putArray("incremental_columns");
            watermark.forEach(columns::add);
            in.put("use_raw_query_with_incremental", true);
            ArrayNode floor = in.putArray("last_record");
            for (String col : ExportQueries.watermarkSourceColumns(table)) {
                ColumnType type = table.column(col).map(c -> c.type()).orElseThrow(() -> new IllegalArgumentException(
                        "table '" + table.name() + "': watermark column '" + col + "' is not one of its columns"));
                switch (type) {
                    case SMALLINT, INTEGER, BIGINT -> floor.add(0);
                    case TIMESTAMP, TIMESTAMPTZ -> floor.add(FIRST_RUN_TIMESTAMP);
                    default -> throw new IllegalArgumentException("table '" + table.name() + "': watermark column '" + col
                            + "' is " + type.yamlName() + "; Embulk keeps a watermark only for integer and timestamp columns");
                }
            }
        }
        return in;
    }

    /** Drops the full-precision watermark columns before anything is written (Embulk's built-in remove_columns). */
    private static ArrayNode filters(CatalogTable table) {
        List<String> watermark = ExportQueries.watermarkColumns(table);
        if (watermark.isEmpty()) {
            return null;
        }
        ArrayNode filters = JSON.arrayNode();
        ObjectNode remove = filters.addObject();
        remove.put("type", "remove_columns");
        ArrayNode names = remove.putArray("remove");
        watermark.forEach(names::add);
        return filters;
    }

    private static ObjectNode output(CatalogTable table, ExportTarget target, List<OutputColumn> columns) {
        ObjectNode out = JSON.objectNode();
        out.put("type", "s3_parquet");
        out.put("bucket", target.bucket());
        out.put("path_prefix", objectPrefix(target.zone(), table));
        // The key is path_prefix + sequence_format(task index, 0) + file_ext (S3ParquetOutputPlugin.scala:97-98 at
        // 0.5.3); one input task, so one file.
        out.put("sequence_format", SEQUENCE_FORMAT);
        out.put("file_ext", "snappy.parquet");
        out.put("compression_codec", "snappy");
        out.put("canned_acl", "bucket-owner-full-control");
        // The ECS task role; no keys in the config.
        out.put("auth_method", "default");
        out.put("default_timezone", TIME_ZONE);
        // Timestamps as Parquet INT64 TIMESTAMP(MILLIS, UTC): the one time unit Glue/Athena read as 'timestamp'
        // (TimestampLogicalType.scala:48-56 at 0.5.3 maps MICROS/NANOS to bigint).
        ObjectNode timestamp = out.putObject("type_options").putObject("timestamp").putObject("logical_type");
        timestamp.put("name", "timestamp");
        timestamp.put("is_adjusted_to_utc", true);
        timestamp.put("time_unit", "MILLIS");
        ObjectNode columnOptions = JSON.objectNode();
        // Dates as Parquet DATE (days since 1970-01-01 UTC, DateLogicalType.scala:56-62); the image runs the JVM in
        // UTC so that embulk-input-jdbc's getDate() midnight is the UTC midnight of the same calendar day.
        columns.stream().filter(c -> c.type() == OutputType.DATE)
                .forEach(c -> columnOptions.putObject(c.name()).putObject("logical_type").put("name", "date"));
        if (!columnOptions.isEmpty()) {
            out.set("column_options", columnOptions);
        }
        // No 'catalog': Pulumi owns the Glue tables (GlueTableModel). With it the plugin calls Glue after the upload,
        // and a Glue error would fail a table whose file is already written.
        return out;
    }

    /**
     * The S3 key of one run's file, without the sequence and extension: {@code <table>.<mode>.<run>.}. The mode
     * ({@link EmbulkEnvironment#MODE}, {@code nightly} or {@code backfill}) comes first, so a backfill never replaces
     * a nightly file of the same date (nor the other way round). An incremental table writes one delta per run, so
     * the run is the Step Functions execution ({@link EmbulkEnvironment#RUN_ID}, never containing a '.'): a second
     * run on the same day adds its delta next to the first instead of replacing it. A full export is a snapshot: a
     * rerun in the same mode replaces the day's file, so the partition never holds the table twice per mode.
     */
    public static String objectPrefix(ExportZone zone, CatalogTable table) {
        String run = table.incrementalColumn().isPresent()
                ? EmbulkEnvironment.liquid(EmbulkEnvironment.RUN_ID) : SNAPSHOT_NAME;
        return tablePrefix(zone, table.name()) + "dt=" + EmbulkEnvironment.liquid(EmbulkEnvironment.EXPORT_DATE) + "/"
                + table.name() + "." + EmbulkEnvironment.liquid(EmbulkEnvironment.MODE) + "." + run + ".";
    }

    private static String render(CatalogTable table, ObjectNode in, ObjectNode out) {
        ObjectNode root = JSON.objectNode();
        root.set("in", in);
        ArrayNode filters = filters(table);
        if (filters != null) {
            root.set("filters", filters);
        }
        root.set("out", out);
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireZone(ExportTarget target, ExportZone expected) {
        if (target.zone() != expected) {
            throw new IllegalArgumentException("export target is zone '" + target.zone().prefix()
                    + "' but this config is for zone '" + expected.prefix() + "'; pass the " + expected.prefix() + " zone target");
        }
    }
}
