package jp.twozeroseven.infra.data.masking;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.Masking;

/**
 * Column-level GRANTs for the Aurora user of the masked export: it may read exactly the columns
 * the masked SELECT reads. Dropped columns (names, free text, secrets) are then unreadable by that
 * user even if a config were edited by hand, which makes "dropped" a database guarantee.
 */
public final class ExportGrants {
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private ExportGrants() {
    }

    public static List<String> maskedExport(Catalog catalog, String role) {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("database role '" + role + "' is not a plain lower-case identifier; "
                    + "use letters a-z, digits and _");
        }
        return catalog.tables().stream().map(t -> grant(t, role)).toList();
    }

    private static String grant(CatalogTable table, String role) {
        String columns = table.columns().stream()
                .filter(c -> c.masking() != Masking.DROP)
                .map(CatalogColumn::name)
                .map(Sql::identifier)
                .collect(Collectors.joining(", "));
        return "GRANT SELECT (" + columns + ") ON " + Sql.identifier(table.sourceSchema()) + "."
                + Sql.identifier(table.sourceTable()) + " TO " + Sql.identifier(role);
    }
}
