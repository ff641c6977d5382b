package jp.twozeroseven.infra.data.masking;

import jp.twozeroseven.infra.data.catalog.ColumnType;

/**
 * The type a column has once it is in Parquet, as Embulk carries it. Dates and timestamps travel as
 * Embulk timestamps, which embulk-output-s3_parquet writes as formatted strings; Athena casts them.
 */
public enum OutputType {
    LONG("bigint"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    STRING("string"),
    DATE("string"),
    TIMESTAMP("string");

    private final String glueType;

    OutputType(String glueType) {
        this.glueType = glueType;
    }

    public String glueType() {
        return glueType;
    }

    public static OutputType of(ColumnType source) {
        return switch (source) {
            case SMALLINT, INTEGER, BIGINT -> LONG;
            case NUMERIC, DOUBLE -> DOUBLE;
            case BOOLEAN -> BOOLEAN;
            case TEXT, UUID, JSONB -> STRING;
            case DATE -> DATE;
            case TIMESTAMP, TIMESTAMPTZ -> TIMESTAMP;
        };
    }
}
