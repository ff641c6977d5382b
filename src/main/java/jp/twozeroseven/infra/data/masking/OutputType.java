package jp.twozeroseven.infra.data.masking;

import jp.twozeroseven.infra.catalog.ColumnType;

/**
 * The type a column has once it is in Parquet, and its Glue type. Timestamps are written as Parquet
 * TIMESTAMP(MILLIS, UTC) and dates as Parquet DATE (EmbulkConfigGenerator's type_options/column_options), which
 * Athena reads as {@code timestamp} and {@code date}. Numerics (only coordinates, rounded) stay doubles:
 * embulk-output-s3_parquet 0.5.3 writes a string or double DECIMAL as the number's text instead of Parquet's
 * two's-complement bytes (DecimalLogicalType.scala:95-101), so a decimal would be unreadable.
 */
public enum OutputType {
    LONG("bigint"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    STRING("string"),
    DATE("date"),
    TIMESTAMP("timestamp");

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
