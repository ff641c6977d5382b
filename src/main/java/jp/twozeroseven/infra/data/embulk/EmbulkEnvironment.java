package jp.twozeroseven.infra.data.embulk;

/**
 * Environment variables the Embulk task definition must provide. Secrets come from Secrets Manager
 * through the ECS task's {@code secrets}; the export date comes from the Step Functions override.
 * Generated configs reference these names through Embulk's Liquid ({@code {{ env.NAME }}}) and the
 * file must therefore be named {@code *.yml.liquid}.
 */
public final class EmbulkEnvironment {
    public static final String DB_USER = "EMBULK_DB_USER";
    public static final String DB_PASSWORD = "EMBULK_DB_PASSWORD";
    /** 64 hex characters (32 random bytes); hex keeps it free of spaces and YAML/Liquid specials. */
    public static final String PSEUDONYM_KEY = "EMBULK_PSEUDONYM_KEY";
    /** Partition value, yyyy-MM-dd in Japan time. */
    public static final String EXPORT_DATE = "EXPORT_DATE";
    /** Lower bound (exclusive) for incremental tables, e.g. the previous run's start. */
    public static final String EXPORT_SINCE = "EXPORT_SINCE";

    private EmbulkEnvironment() {
    }

    static String liquid(String variable) {
        return "{{ env." + variable + " }}";
    }
}
