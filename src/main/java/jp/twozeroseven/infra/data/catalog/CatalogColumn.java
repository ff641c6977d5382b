package jp.twozeroseven.infra.data.catalog;

import java.util.Objects;
import java.util.Optional;

/** One exported column; {@code maskingOverride} replaces the class default when present. */
public record CatalogColumn(String name, ColumnType type, DataClass dataClass, Optional<Masking> maskingOverride) {
    public CatalogColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(maskingOverride, "maskingOverride");
    }

    public static CatalogColumn of(String name, ColumnType type, DataClass dataClass) {
        return new CatalogColumn(name, type, dataClass, Optional.empty());
    }

    public Masking masking() {
        return maskingOverride.orElse(dataClass.defaultMasking());
    }
}
