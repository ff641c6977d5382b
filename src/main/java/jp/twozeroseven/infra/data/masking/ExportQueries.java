package jp.twozeroseven.infra.data.masking;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.twozeroseven.infra.data.catalog.CatalogTable;

/**
 * The SELECT each Embulk task runs against Aurora. Pure text generation from the catalog: no key,
 * no password, nothing environment-specific ends up in the SQL.
 */
public final class ExportQueries {

    private ExportQueries() {
    }

    /**
     * The masked-zone SELECT. The HMAC key comes from {@code current_setting('app.pseudonym_key')};
     * an unset setting fails the query, and a key that is not {@link PseudonymKey#LENGTH} lower-case hex digits
     * of a random key fails it (see {@link PseudonymKey#CHECK}) rather than export weak pseudonyms.
     * A table with an anonymity rule joins its k-anonymity groups (see {@link KAnonymity}).
     * For an incremental table the query ends with Embulk's {@code :column} placeholder
     * (use_raw_query_with_incremental).
     */
    public static String masked(CatalogTable table) {
        List<OutputColumn> columns = MaskingPlan.maskedColumns(table);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + table.name()
                    + "' drops every column; nothing to export. Classify at least one column as kept or masked");
        }
        boolean needsKey = MaskingPlan.needsKey(table);
        StringBuilder sql = new StringBuilder();
        sql.append("-- masked export of ").append(table.name()).append(", generated from the table catalog\n");
        appendSelect(sql, columns, table);
        if (needsKey) {
            sql.append("CROSS JOIN (SELECT current_setting('").append(PseudonymKey.SETTING)
                    .append("') AS pseudonym_key) AS k\n");
        }
        table.anonymity().ifPresent(rule -> sql.append(KAnonymity.join(table, rule)));
        if (needsKey) {
            sql.append("WHERE ").append(PseudonymKey.CHECK).append('\n');
        }
        appendIncremental(sql, table, needsKey);
        return sql.toString();
    }

    /**
     * The raw-zone SELECT, every column unmasked. Only for tables the stack settings explicitly allow
     * into the restricted raw zone; any other table is refused with the fix in the message.
     */
    public static String raw(CatalogTable table, Set<String> rawAllowedTables) {
        if (!rawAllowedTables.contains(table.name())) {
            throw new IllegalArgumentException("table '" + table.name() + "' is not allowed in the raw zone (allowed: "
                    + (rawAllowedTables.isEmpty() ? "none" : rawAllowedTables.stream().sorted().collect(Collectors.joining(", ")))
                    + "). Add it to the raw-zone allow list in the stack settings only with the data owner's approval");
        }
        StringBuilder sql = new StringBuilder();
        sql.append("-- raw (restricted zone) export of ").append(table.name()).append(", generated from the table catalog\n");
        appendSelect(sql, MaskingPlan.rawColumns(table), table);
        appendIncremental(sql, table, false);
        return sql.toString();
    }

    private static void appendSelect(StringBuilder sql, List<OutputColumn> columns, CatalogTable table) {
        sql.append("SELECT\n");
        sql.append(columns.stream()
                .map(c -> "  " + c.sqlExpression() + " AS " + Sql.identifier(c.name()))
                .collect(Collectors.joining(",\n")));
        sql.append("\nFROM ").append(Sql.identifier(table.sourceSchema())).append('.')
                .append(Sql.identifier(table.sourceTable())).append(" AS t\n");
    }

    private static void appendIncremental(StringBuilder sql, CatalogTable table, boolean whereStarted) {
        table.incrementalColumn().ifPresent(col -> {
            // Embulk swaps every ":<column>" in the text for a bind parameter, casts included.
            if (sql.indexOf(":" + col) >= 0) {
                throw new IllegalArgumentException("table '" + table.name() + "': incremental column '" + col
                        + "' also occurs as ':" + col + "' elsewhere in the query (e.g. a ::" + col
                        + " cast), which Embulk would replace; pick another incremental column");
            }
        });
        table.incrementalColumn().ifPresent(col -> sql.append(whereStarted ? "  AND " : "WHERE ")
                .append("t.").append(Sql.identifier(col)).append(" > :").append(col).append('\n'));
    }
}
