package jp.twozeroseven.infra.data.embulk;

/**
 * Environment variables the Embulk task definition must provide. Secrets come from Secrets Manager
 * through the ECS task's {@code secrets}; the export date comes from the Step Functions override. The incremental
 * watermark is not an environment variable: it is Embulk's own config diff ({@code embulk run -c}), kept per zone and
 * table at {@link #watermarkKey}.
 * Generated configs reference these names through Embulk's Liquid ({@code {{ env.NAME }}}) and the
 * file must therefore be named {@code *.yml.liquid}.
 */
public final class EmbulkEnvironment {
    /**
     * The two variables one database user's secret is injected as: its {@code username} and {@code password} fields,
     * through the ECS task's {@code secrets}.
     */
    public record DatabaseUser(String userVariable, String passwordVariable) {
    }

    /** The masked export's user (secret etl/database). */
    public static final DatabaseUser MASKED_USER = new DatabaseUser("EMBULK_DB_USER", "EMBULK_DB_PASSWORD");
    /** The raw-zone user (secret etl/database-raw): only raw configs name these, only stacks with raw tables set them. */
    public static final DatabaseUser RAW_USER = new DatabaseUser("EMBULK_RAW_DB_USER", "EMBULK_RAW_DB_PASSWORD");
    /** 64 hex characters (32 random bytes); hex keeps it free of spaces and YAML/Liquid specials. */
    public static final String PSEUDONYM_KEY = "EMBULK_PSEUDONYM_KEY";
    /** Key prefix, in the masked bucket, of the per-table watermark files; set in the task definition. */
    public static final String STATE_PREFIX_VARIABLE = "EMBULK_STATE_PREFIX";
    public static final String STATE_PREFIX = "state/";

    /** Where the image keeps one table's config diff (last_record) between runs: masked bucket, this key. */
    public static String watermarkKey(jp.twozeroseven.infra.data.masking.ExportZone zone, String table) {
        return STATE_PREFIX + zone.prefix() + "/" + table + ".yml";
    }

    // Set per table by the state machine, as container overrides (EtlStateMachineDefinition):
    /**
     * The Step Functions execution that runs the export ({@code $$.Execution.Name}); it names an incremental
     * table's file, so a same-day rerun adds a file instead of replacing one. The image refuses to start without it
     * (S3-key-safe: [A-Za-z0-9_-], 1-80 characters).
     */
    public static final String RUN_ID = "EXPORT_RUN_ID";
    /**
     * {@code nightly} or {@code backfill}. It names every file ({@code <table>.<mode>.…}), so a backfill never
     * replaces a nightly file; in {@code backfill} the image runs the config without its watermark (the config's
     * floor: the whole table) and never writes the watermark back.
     */
    public static final String MODE = "EXPORT_MODE";
    /**
     * {@code 0}, or the most one run reads past the first row after the watermark, in the incremental column's unit
     * (days for a timestamp column, id values for an integer one), from the night's forecast. Rendered into an
     * incremental table's query, so the image refuses anything but digits.
     */
    public static final String CATCH_UP_WINDOW = "EXPORT_CATCH_UP_WINDOW";
    /** Partition value, yyyy-MM-dd in Japan time. */
    public static final String EXPORT_DATE = "EXPORT_DATE";

    private EmbulkEnvironment() {
    }

    public static String liquid(String variable) {
        return "{{ env." + variable + " }}";
    }
}
