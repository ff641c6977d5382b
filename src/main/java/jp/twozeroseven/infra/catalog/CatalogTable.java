package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.Required;

import java.util.List;
import java.util.Optional;

/**
 * One exported table. {@code name} is the export name (S3 folder, Glue table, Step Functions item);
 * {@code sourceSchema}.{@code sourceTable} is where it lives in Aurora; {@code size} is the catalog's size hint;
 * {@code anonymity} is its k-anonymity rule.
 */
public record CatalogTable(
        String name,
        String sourceSchema,
        String sourceTable,
        List<CatalogColumn> columns,
        Optional<String> incrementalColumn,
        String runGroup,
        Optional<TableSize> size,
        Optional<Anonymity> anonymity) {

    public CatalogTable {
        Required.components(CatalogTable.class, name, sourceSchema, sourceTable, columns, incrementalColumn, runGroup,
                size, anonymity);
        columns = List.copyOf(columns);
    }

    /** A table without a size hint or k-anonymity rule (tests and tools that do not forecast). */
    public CatalogTable(String name, String sourceSchema, String sourceTable, List<CatalogColumn> columns,
                        Optional<String> incrementalColumn, String runGroup) {
        this(name, sourceSchema, sourceTable, columns, incrementalColumn, runGroup, Optional.empty(), Optional.empty());
    }

    public boolean isIncremental() {
        return incrementalColumn.isPresent();
    }

    public Optional<CatalogColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
