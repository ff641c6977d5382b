package jp.twozeroseven.infra.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL column types the export understands, named as in the catalog file. */
public enum ColumnType {
    SMALLINT("smallint", "smallint"),
    INTEGER("integer", "integer"),
    BIGINT("bigint", "bigint"),
    NUMERIC("numeric", "numeric"),
    DOUBLE("double", "double precision"),
    BOOLEAN("boolean", "boolean"),
    TEXT("text", "text"),
    UUID("uuid", "uuid"),
    JSONB("jsonb", "jsonb"),
    DATE("date", "date"),
    TIMESTAMP("timestamp", "timestamp"),
    TIMESTAMPTZ("timestamptz", "timestamptz");

    static final Set<ColumnType> TEMPORAL = Set.of(DATE, TIMESTAMP, TIMESTAMPTZ);

    private final String yamlName;
    private final String postgresName;

    ColumnType(String yamlName, String postgresName) {
        this.yamlName = yamlName;
        this.postgresName = postgresName;
    }

    public String yamlName() {
        return yamlName;
    }

    public String postgresName() {
        return postgresName;
    }

    public boolean isTemporal() {
        return TEMPORAL.contains(this);
    }

    public static Optional<ColumnType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }

    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(ColumnType::yamlName).toList());
    }
}
