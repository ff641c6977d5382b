package jp.twozeroseven.infra.data.masking;

import java.util.List;
import java.util.stream.Collectors;
import jp.twozeroseven.infra.catalog.Anonymity;
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.Masking;

/**
 * k-anonymity of a masked table over its quasi-identifiers (the published, generalised values). Groups are counted
 * over the whole source table, not only the night's increment, so k describes the population the masked zone
 * holds. A row whose group has fewer than k subjects has its quasi-identifiers suppressed (NULL); if the
 * suppressed rows together are fewer than k, the smallest group of at least k is suppressed with them, so the
 * all-NULL group itself holds k or more.
 */
public final class KAnonymity {
    /** Column of the group subquery holding {@code ROW(<quasi-identifiers>)::text}; NULL-safe, hashable. */
    static final String GROUP_KEY = "\"_quasi_identifiers\"";

    private KAnonymity() {
    }

    /**
     * The LEFT JOIN that gives each row of alias {@code t} its group's suppression flag {@code q."_suppressed"}.
     * The subject is counted by its pseudonym, so the query references identifiers only inside the HMAC.
     */
    static String join(CatalogTable table, Anonymity rule) {
        String subjects = rule.subject().map(name -> "count(DISTINCT " + subjectExpression(table, name, true) + ")")
                .orElse("count(*)");
        return "LEFT JOIN (" + groups(table, rule, subjects, MaskingPlan.needsKey(table)) + ") AS q ON q." + GROUP_KEY
                + " = " + groupKey(table, rule, "t") + "\n";
    }

    /**
     * A report an operator (or the pipeline) can run against Aurora with the masked-export user, without the key:
     * per table with a rule, the smallest group of the generalised values before suppression, the subjects whose
     * quasi-identifiers are suppressed, and k of the values as published (suppressed rows count as one all-NULL
     * group, as they read in Athena). Subjects are counted by their canonical value, which has as many distinct
     * values as their pseudonym.
     */
    public static String report(Catalog catalog) {
        List<String> parts = catalog.tables().stream().filter(t -> t.anonymity().isPresent()).map(t -> {
            Anonymity rule = t.anonymity().orElseThrow();
            String subjects = rule.subject().map(name -> "count(DISTINCT " + subjectExpression(t, name, false) + ")")
                    .orElse("count(*)");
            String allNull = "(" + ",".repeat(rule.quasiIdentifiers().size() - 1) + ")";
            String published = "CASE WHEN q.\"_suppressed\" IS NOT FALSE THEN '" + allNull + "' ELSE q." + GROUP_KEY + " END";
            return "SELECT " + MaskingPlan.literal(t.name()) + " AS table_name, " + rule.minimumK() + " AS minimum_k,"
                    + " (SELECT min(q.\"_subjects\") FROM (" + groups(t, rule, subjects, false) + ") AS q) AS k_generalised,"
                    + " (SELECT coalesce(sum(q.\"_subjects\"), 0) FROM (" + groups(t, rule, subjects, false)
                    + ") AS q WHERE q.\"_suppressed\") AS suppressed_subjects,"
                    + " (SELECT min(p.\"_subjects\") FROM (SELECT " + published + " AS \"_published\", "
                    + subjects + " AS \"_subjects\" FROM " + source(t) + " LEFT JOIN (" + groups(t, rule, subjects, false)
                    + ") AS q ON q." + GROUP_KEY + " = " + groupKey(t, rule, "s") + " GROUP BY 1) AS p) AS k_published";
        }).toList();
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no catalog table has an 'anonymity' rule; nothing to report");
        }
        return "-- k-anonymity of the masked zone per table, generated from the table catalog\n"
                + String.join("\nUNION ALL\n", parts) + "\nORDER BY table_name\n";
    }

    private static String source(CatalogTable table) {
        return Sql.identifier(table.sourceSchema()) + "." + Sql.identifier(table.sourceTable()) + " AS s";
    }

    private static String groups(CatalogTable table, Anonymity rule, String subjects, boolean withKey) {
        int k = rule.minimumK();
        String source = source(table);
        String key = withKey ? " CROSS JOIN (SELECT current_setting('" + PseudonymKey.SETTING + "') AS pseudonym_key) AS k" : "";
        return "SELECT g." + GROUP_KEY + ", g.\"_subjects\", g.\"_subjects\" < " + k
                + " OR (sum(g.\"_subjects\") FILTER (WHERE g.\"_subjects\" < " + k + ") OVER () BETWEEN 1 AND " + (k - 1)
                + " AND g.\"_subjects\" = min(g.\"_subjects\") FILTER (WHERE g.\"_subjects\" >= " + k + ") OVER ())"
                + " AS \"_suppressed\""
                + " FROM (SELECT " + groupKey(table, rule, "s") + " AS " + GROUP_KEY + ", " + subjects
                + " AS \"_subjects\" FROM " + source + key + " GROUP BY 1) AS g";
    }

    /**
     * ROW(...)::text renders NULL as nothing and '' as "", so equal keys mean equal values, NULLs included. The
     * values are the published ones, times coarsened to the table's grain, so k counts what analysts see.
     */
    private static String groupKey(CatalogTable table, Anonymity rule, String alias) {
        var grain = MaskingPlan.timeGrain(table);
        return "ROW(" + rule.quasiIdentifiers().stream()
                .map(name -> MaskingPlan.masked(table.column(name).orElseThrow(), alias, grain).sqlExpression())
                .collect(Collectors.joining(", ")) + ")::text";
    }

    /** The subject's pseudonym in the export; in the key-less report its canonical form (same distinct count). */
    private static String subjectExpression(CatalogTable table, String name, boolean pseudonym) {
        CatalogColumn column = table.column(name).orElseThrow();
        if (column.masking() != Masking.PSEUDONYMIZE) {
            return MaskingPlan.column(column, "s");
        }
        return pseudonym ? MaskingPlan.pseudonym(column, "s")
                : CanonicalForms.of(column.entity().orElseThrow().form(), MaskingPlan.column(column, "s"));
    }
}
