package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.LowerCaseName;

import java.util.Optional;
import java.util.Set;

/** PostgreSQL column types the export understands; the catalog file names them in lower case ({@code timestamptz}). */
public enum ColumnType implements LowerCaseName {
    SMALLINT, INTEGER, BIGINT, NUMERIC, DOUBLE, BOOLEAN, TEXT, UUID, JSONB, DATE, TIMESTAMP, TIMESTAMPTZ;

    static final Set<ColumnType> TEMPORAL = Set.of(DATE, TIMESTAMP, TIMESTAMPTZ);

    /** The type as PostgreSQL names it: the catalog's name, but a double is {@code double precision} there. */
    public String postgresName() {
        return this == DOUBLE ? "double precision" : yamlName();
    }

    public boolean isTemporal() {
        return TEMPORAL.contains(this);
    }

    public static Optional<ColumnType> fromYaml(String name) {
        return LowerCaseName.fromYaml(ColumnType.class, name);
    }

    public static String allowedNames() {
        return LowerCaseName.allowedNames(ColumnType.class);
    }
}
