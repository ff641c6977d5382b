package jp.twozeroseven.infra.catalog;

import java.util.Optional;

/** One thing wrong in a catalog file, located as precisely as the file allows, with its fix. */
public record CatalogProblem(String file, Optional<String> table, Optional<String> column, String problem, String fix) {

    public static CatalogProblem inFile(String file, String problem, String fix) {
        return new CatalogProblem(file, Optional.empty(), Optional.empty(), problem, fix);
    }

    public static CatalogProblem inTable(String file, String table, String problem, String fix) {
        return new CatalogProblem(file, Optional.of(table), Optional.empty(), problem, fix);
    }

    public static CatalogProblem inColumn(String file, String table, String column, String problem, String fix) {
        return new CatalogProblem(file, Optional.of(table), Optional.of(column), problem, fix);
    }

    /** Reads like: {@code data/catalog.yaml: table 'drivers', column 'phone': ... Fix: ...}. */
    public String describe() {
        StringBuilder where = new StringBuilder(file);
        table.ifPresent(t -> where.append(": table '").append(t).append('\''));
        column.ifPresent(c -> where.append(", column '").append(c).append('\''));
        return where + ": " + problem + ". Fix: " + fix;
    }

    @Override
    public String toString() {
        return describe();
    }
}
