package jp.twozeroseven.infra.data.masking;

import jp.twozeroseven.infra.catalog.ColumnType;

import java.util.Locale;

/**
 * The type a column has once it is in Parquet, and its Glue type. Timestamps are written as Parquet
 * TIMESTAMP(MILLIS, UTC) and dates as Parquet DATE (EmbulkConfigGenerator's type_options/column_options), which
 * Athena reads as {@code timestamp} and {@code date}. Numerics (only coordinates, rounded) stay doubles:
 * embulk-output-s3_parquet 0.5.3 writes a string or double DECIMAL as the number's text instead of Parquet's
 * two's-complement bytes (DecimalLogicalType.scala:95-101), so a decimal would be unreadable.
 */
public enum OutputType {
    LONG,
    DOUBLE,
    BOOLEAN,
    STRING,
    DATE,
    TIMESTAMP;

    /**
     * The column's type in the Glue table, as Athena's DDL spells it: the name in lower case, except that a 64-bit
     * integer is {@code bigint} there (Athena User Guide, "Data types in Amazon Athena").
     */
    public String glueType() {
        return this == LONG ? "bigint" : name().toLowerCase(Locale.ROOT);
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
