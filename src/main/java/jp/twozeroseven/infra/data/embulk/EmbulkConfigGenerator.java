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
import jp.twozeroseven.infra.data.catalog.CatalogTable;
import jp.twozeroseven.infra.data.catalog.ColumnType;
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
    static final String DATE_FORMAT = "%Y-%m-%d";
    static final String TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%3N";
    /**
     * The RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem) that the Embulk image
     * must contain at this path; see docs/data-pipeline.md, "Contract of the Embulk image".
     */
    /** Embulk's last_record text for a timestamp column: before any row of ours. */
    static final String FIRST_RUN_TIMESTAMP = "1970-01-01T00:00:00.000000Z";
    public static final String RDS_CA_BUNDLE = "/etc/ssl/certs/rds-global-bundle.pem";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private EmbulkConfigGenerator() {
    }

    /** The masked-zone export: the only kind most tables ever get. */
    public static String masked(CatalogTable table, SourceDatabase source, ExportTarget target) {
        requireZone(target, ExportZone.MASKED);
        ObjectNode in = input(table, source, ExportQueries.masked(table), EmbulkEnvironment.DB_USER, EmbulkEnvironment.DB_PASSWORD);
        if (MaskingPlan.needsKey(table)) {
            // The pgjdbc 'options' property becomes "-c app.pseudonym_key=..." in the startup packet,
            // so the key is set on every connection Embulk opens, before any query runs.
            ((ObjectNode) in.get("options")).put("options",
                    "-c " + PseudonymKey.SETTING + "=" + EmbulkEnvironment.liquid(EmbulkEnvironment.PSEUDONYM_KEY));
        }
        return render(in, output(table, target, MaskingPlan.maskedColumns(table)));
    }

    /** The raw-zone export; refused unless the table is in {@code rawAllowedTables}. */
    public static String raw(CatalogTable table, SourceDatabase source, ExportTarget target, Set<String> rawAllowedTables) {
        requireZone(target, ExportZone.RAW);
        // Its own user: the masked user holds only the column grants the masked SELECT needs.
        ObjectNode in = input(table, source, ExportQueries.raw(table, rawAllowedTables), EmbulkEnvironment.RAW_DB_USER,
                EmbulkEnvironment.RAW_DB_PASSWORD);
        return render(in, output(table, target, MaskingPlan.rawColumns(table)));
    }

    /** S3 key prefix of one table's partitions in a zone, without the dt= part; shared with Glue. */
    public static String tablePrefix(ExportZone zone, String table) {
        return zone.prefix() + "/" + table + "/";
    }

    private static ObjectNode input(CatalogTable table, SourceDatabase source, String query, String userVariable,
                                    String passwordVariable) {
        ObjectNode in = JSON.objectNode();
        in.put("type", "postgresql");
        in.put("host", source.readerEndpoint());
        in.put("port", source.port());
        in.put("database", source.database());
        in.put("user", EmbulkEnvironment.liquid(userVariable));
        in.put("password", EmbulkEnvironment.liquid(passwordVariable));
        // The startup packet carries the password and the pseudonym key, so the server must prove it is the
        // cluster: 'ssl: true' alone uses pgjdbc's NonValidatingFactory (any certificate, any host). 'verify' keeps
        // pgjdbc's validating factory, and the JDBC properties ask for the CA chain AND the host name.
        in.put("ssl", "verify");
        ObjectNode jdbc = in.putObject("options");
        jdbc.put("sslmode", "verify-full");
        jdbc.put("sslrootcert", RDS_CA_BUNDLE);
        in.put("application_name", "embulk-export-" + table.name());
        in.put("connect_timeout", 300);
        in.put("socket_timeout", 1800);
        in.put("fetch_rows", 10000);
        in.put("default_timezone", TIME_ZONE);
        in.put("query", query);
        table.incrementalColumn().ifPresent(col -> {
            // With 'query', Embulk needs the raw-query mode, the ':col' placeholder and a last_record. The one here
            // is only the first run's floor: the image runs 'embulk run -c <watermark>' and Embulk's config diff
            // (written after each successful run, see EmbulkEnvironment.watermarkKey) overrides it from then on.
            in.put("incremental", true);
            in.putArray("incremental_columns").add(col);
            in.put("use_raw_query_with_incremental", true);
            ColumnType type = table.column(col).map(c -> c.type()).orElseThrow(() -> new IllegalArgumentException(
                    "table '" + table.name() + "': incremental column '" + col + "' is not one of its columns"));
            ArrayNode floor = in.putArray("last_record");
            switch (type) {
                case SMALLINT, INTEGER, BIGINT -> floor.add(0);
                case TIMESTAMP, TIMESTAMPTZ -> floor.add(FIRST_RUN_TIMESTAMP);
                default -> throw new IllegalArgumentException("table '" + table.name() + "': incremental column '" + col
                        + "' is " + type.yamlName() + "; Embulk keeps a watermark only for integer and timestamp columns");
            }
        });
        return in;
    }

    private static ObjectNode output(CatalogTable table, ExportTarget target, List<OutputColumn> columns) {
        ObjectNode out = JSON.objectNode();
        out.put("type", "s3_parquet");
        out.put("bucket", target.bucket());
        out.put("path_prefix", tablePrefix(target.zone(), table.name())
                + "dt=" + EmbulkEnvironment.liquid(EmbulkEnvironment.EXPORT_DATE) + "/" + table.name() + ".");
        out.put("file_ext", "snappy.parquet");
        out.put("compression_codec", "snappy");
        out.put("canned_acl", "bucket-owner-full-control");
        // The ECS task role; no keys in the config.
        out.put("auth_method", "default");
        out.put("default_timezone", TIME_ZONE);
        out.put("default_timestamp_format", TIMESTAMP_FORMAT);
        ObjectNode columnOptions = JSON.objectNode();
        columns.stream().filter(c -> c.type() == OutputType.DATE)
                .forEach(c -> columnOptions.putObject(c.name()).put("format", DATE_FORMAT));
        if (!columnOptions.isEmpty()) {
            out.set("column_options", columnOptions);
        }
        ObjectNode catalog = out.putObject("catalog");
        catalog.put("database", target.glueDatabase());
        catalog.put("table", table.name());
        // Pulumi owns the Glue table (with partition projection); the plugin must never drop or replace it.
        catalog.put("operation_if_exists", "skip");
        return out;
    }

    private static String render(ObjectNode in, ObjectNode out) {
        ObjectNode root = JSON.objectNode();
        root.set("in", in);
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
