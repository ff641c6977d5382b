package jp.twozeroseven.infra.data.masking;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.Masking;

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
        return masked(table, NO_CATCH_UP_WINDOW);
    }

    /**
     * As {@link #masked(CatalogTable)}, with {@code catchUpWindow} (see {@link #catchUpBound}) as the SQL text of the
     * most one run reads past the watermark: a non-negative integer, or the Embulk config's Liquid reference to it.
     */
    public static String masked(CatalogTable table, String catchUpWindow) {
        List<OutputColumn> columns = MaskingPlan.maskedColumns(table);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + table.name()
                    + "' drops every column; nothing to export. Classify at least one column as kept or masked");
        }
        boolean needsKey = MaskingPlan.needsKey(table);
        StringBuilder sql = new StringBuilder();
        sql.append("-- masked export of ").append(table.name()).append(", generated from the table catalog\n");
        List<String> watermark = watermarkExpressions(table, columns);
        appendSelect(sql, columns, table, watermark);
        if (needsKey) {
            sql.append("CROSS JOIN (SELECT current_setting('").append(PseudonymKey.SETTING)
                    .append("') AS pseudonym_key) AS k\n");
        }
        table.anonymity().ifPresent(rule -> sql.append(KAnonymity.join(table, rule)));
        if (needsKey) {
            sql.append("WHERE ").append(PseudonymKey.CHECK).append('\n');
        }
        appendIncremental(sql, table, watermark, needsKey, catchUpWindow);
        return sql.toString();
    }

    /**
     * The raw-zone SELECT, every column unmasked. Only for tables the stack settings explicitly allow
     * into the restricted raw zone; any other table is refused with the fix in the message.
     */
    public static String raw(CatalogTable table, Set<String> rawAllowedTables) {
        return raw(table, rawAllowedTables, NO_CATCH_UP_WINDOW);
    }

    /** As {@link #raw(CatalogTable, Set)}, with a catch-up window as in {@link #masked(CatalogTable, String)}. */
    public static String raw(CatalogTable table, Set<String> rawAllowedTables, String catchUpWindow) {
        if (!rawAllowedTables.contains(table.name())) {
            throw new IllegalArgumentException("table '" + table.name() + "' is not allowed in the raw zone (allowed: "
                    + (rawAllowedTables.isEmpty() ? "none" : rawAllowedTables.stream().sorted().collect(Collectors.joining(", ")))
                    + "). Add it to the raw-zone allow list in the stack settings only with the data owner's approval");
        }
        StringBuilder sql = new StringBuilder();
        sql.append("-- raw (restricted zone) export of ").append(table.name()).append(", generated from the table catalog\n");
        List<String> watermark = watermarkSourceColumns(table).stream().map(ExportQueries::column).toList();
        appendSelect(sql, MaskingPlan.rawColumns(table), table, watermark);
        appendIncremental(sql, table, watermark, false, catchUpWindow);
        return sql.toString();
    }

    /**
     * The source columns an incremental export keeps its watermark on, in order: the incremental column, then the
     * unique tie-breaker {@code id} (unless the incremental column is {@code id} itself). Empty for a full export.
     */
    public static List<String> watermarkSourceColumns(CatalogTable table) {
        return table.incrementalColumn()
                .map(col -> col.equals(CatalogLoader.TIE_BREAKER) ? List.of(col) : List.of(col, CatalogLoader.TIE_BREAKER))
                .orElse(List.of());
    }

    /**
     * The result columns that carry the watermark at full precision: Embulk's {@code incremental_columns}. They are
     * the FIRST columns of the SELECT, in this order, because embulk-input-jdbc v0.11.1 indexes last_record by the
     * result column's position (JdbcInputConnection.java:393-401, {@code incrementalValues.get(columnIndex)}). The
     * Embulk config removes them again before the output (filter remove_columns), so the kept, truncated copy is what
     * reaches Parquet while the watermark itself is exact.
     */
    public static List<String> watermarkColumns(CatalogTable table) {
        return watermarkSourceColumns(table).stream().map(c -> WATERMARK_PREFIX + c).toList();
    }

    /** The catch-up window that bounds nothing: one run reads everything past the watermark. */
    public static final String NO_CATCH_UP_WINDOW = "0";
    /** What a catch-up window's SQL text may be: a non-negative integer, or one Liquid {@code {{ env.X }}} reference. */
    private static final java.util.regex.Pattern WINDOW_TEXT =
            java.util.regex.Pattern.compile("0|[1-9][0-9]{0,8}|\\{\\{ env\\.[A-Z][A-Z0-9_]* \\}\\}");

    /** Prefix of the watermark result columns; no catalog column may start with it. */
    public static final String WATERMARK_PREFIX = "embulk_wm_";

    /**
     * The watermark expressions: the source columns themselves, also in the masked zone (an identifier id too). The
     * tie-breaker must grow with every insert, so that a row committed after a run at the watermark's timestamp sorts
     * after it; a pseudonym would not. The raw values never reach the output (remove_columns) and are kept only in the
     * watermark file under state/, which only the ETL task role reads; policy data-masked-config-no-raw-columns
     * admits exactly this shape.
     */
    private static List<String> watermarkExpressions(CatalogTable table, List<OutputColumn> columns) {
        return watermarkSourceColumns(table).stream().map(name -> {
            if (table.column(name).orElseThrow().masking() == Masking.DROP) {
                throw new IllegalArgumentException("table '" + table.name() + "': watermark column '" + name
                        + "' is dropped; the masked user has no grant on it. Keep or pseudonymize it");
            }
            return column(name);
        }).toList();
    }

    /**
     * The catch-up window's upper bound, a conjunct of its own: {@code W = 0 OR <col> < <first col past the
     * watermark> + W} (W days for a timestamp column, W id values for an integer one). It is measured from the first
     * row past the watermark, not from the watermark itself: the first run's watermark is the config's 1970 floor
     * and history may have gaps longer than a window, and a window over no rows would leave the watermark where it
     * is, night after night. The rows read are therefore never empty while rows remain, and they are a prefix of
     * the (col, id) order past the watermark, so the last row is still the maximum and the next run starts right
     * after it (nothing lost, nothing twice). The subquery is one index probe on (col, id) (an InitPlan: evaluated
     * once). With W = 0 PostgreSQL folds the conjunct to true when it plans the query.
     */
    private static String catchUpBound(CatalogTable table, List<String> placeholders, String window) {
        List<String> source = watermarkSourceColumns(table);
        String inner = pastWatermark(source.stream().map(c -> "w." + Sql.identifier(c)).toList(), placeholders);
        String first = "(SELECT min(w." + Sql.identifier(source.get(0)) + ") FROM " + Sql.identifier(table.sourceSchema())
                + "." + Sql.identifier(table.sourceTable()) + " AS w WHERE " + inner + ")";
        boolean temporal = table.column(source.get(0)).orElseThrow().type().isTemporal();
        String limit = temporal ? first + " + make_interval(days => " + window + ")" : first + " + " + window;
        return "(" + window + " = 0 OR " + column(source.get(0)) + " < " + limit + ")";
    }

    /** {@code (a, b) > (:embulk_wm_a, :embulk_wm_b)}, or {@code a > :embulk_wm_a} for one column. */
    private static String pastWatermark(List<String> keys, List<String> placeholders) {
        return keys.size() == 1 ? keys.get(0) + " > " + placeholders.get(0)
                : "(" + String.join(", ", keys) + ") > (" + String.join(", ", placeholders) + ")";
    }

    private static String column(String name) {
        return "t." + Sql.identifier(name);
    }

    private static void appendSelect(StringBuilder sql, List<OutputColumn> columns, CatalogTable table,
                                     List<String> watermark) {
        columns.stream().filter(c -> c.name().startsWith(WATERMARK_PREFIX)).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException("table '" + table.name() + "': column '" + c.name() + "' starts with '"
                    + WATERMARK_PREFIX + "', which the export reserves for its watermark; rename it in the catalog");
        });
        List<String> select = new java.util.ArrayList<>();
        List<String> names = watermarkColumns(table);
        for (int i = 0; i < names.size(); i++) {
            select.add("  " + watermark.get(i) + " AS " + Sql.identifier(names.get(i)));
        }
        columns.forEach(c -> select.add("  " + c.sqlExpression() + " AS " + Sql.identifier(c.name())));
        sql.append("SELECT\n");
        sql.append(String.join(",\n", select));
        sql.append("\nFROM ").append(Sql.identifier(table.sourceSchema())).append('.')
                .append(Sql.identifier(table.sourceTable())).append(" AS t\n");
    }

    private static void appendIncremental(StringBuilder sql, CatalogTable table, List<String> watermark,
                                          boolean whereStarted, String catchUpWindow) {
        if (!WINDOW_TEXT.matcher(catchUpWindow).matches()) {
            throw new IllegalArgumentException("table '" + table.name() + "': catch-up window '" + catchUpWindow
                    + "' is neither a non-negative integer nor a {{ env.X }} reference");
        }
        if (watermark.isEmpty()) {
            return;
        }
        List<String> placeholders = watermarkColumns(table).stream().map(c -> ":" + c).toList();
        for (String placeholder : placeholders) {
            // Embulk swaps every ":<column>" in the text for a bind parameter, casts included.
            if (sql.indexOf(placeholder) >= 0) {
                throw new IllegalArgumentException("table '" + table.name() + "': the query already contains '"
                        + placeholder + "', which Embulk would replace; rename the column");
            }
        }
        String order = watermarkColumns(table).stream().map(Sql::identifier).collect(Collectors.joining(", "));
        // A row-value comparison: (updated_at, id) > (last updated_at, last id). Rows that share the last
        // timestamp are neither lost (their id is larger) nor read twice; an index on (updated_at, id) serves it.
        sql.append(whereStarted ? "  AND " : "WHERE ").append(pastWatermark(watermark, placeholders)).append('\n');
        sql.append("  AND ").append(catchUpBound(table, placeholders, catchUpWindow)).append('\n');
        // embulk-input-jdbc stores the LAST row's values as last_record (AbstractJdbcInputPlugin.java:505-507), so the
        // rows must come in watermark order for the last row to be the maximum.
        // By the output names: PostgreSQL sorts by the select list's expressions, so no expression is repeated.
        sql.append("ORDER BY ").append(order).append('\n');
    }
}
