package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.Required;

import java.util.Optional;

/**
 * One exported column; {@code maskingOverride} replaces the class default when present. {@code entity} names what
 * a pseudonymized column identifies (required for those, absent otherwise).
 */
public record CatalogColumn(String name, ColumnType type, DataClass dataClass, Optional<Masking> maskingOverride,
        Optional<Entity> entity) {
    public CatalogColumn {
        Required.components(CatalogColumn.class, name, type, dataClass, maskingOverride, entity);
    }

    public CatalogColumn(String name, ColumnType type, DataClass dataClass, Optional<Masking> maskingOverride) {
        this(name, type, dataClass, maskingOverride, Optional.empty());
    }

    public CatalogColumn withEntity(Entity entity) {
        return new CatalogColumn(name, type, dataClass, maskingOverride, Optional.of(entity));
    }

    public static CatalogColumn of(String name, ColumnType type, DataClass dataClass) {
        return new CatalogColumn(name, type, dataClass, Optional.empty());
    }

    public Masking masking() {
        return maskingOverride.orElse(dataClass.defaultMasking());
    }
}
