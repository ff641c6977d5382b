package jp.twozeroseven.infra.catalog;

import java.util.List;
import java.util.Optional;

/** The validated table catalog: only {@link CatalogLoader} builds one from a file. */
public record Catalog(int version, List<CatalogTable> tables) {
    public Catalog {
        tables = List.copyOf(tables);
    }

    public Optional<CatalogTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> tableNames() {
        return tables.stream().map(CatalogTable::name).toList();
    }
}
