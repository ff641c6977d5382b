package jp.twozeroseven.infra.data.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.ColumnType;
import jp.twozeroseven.infra.catalog.DataClass;
import jp.twozeroseven.infra.catalog.Entity;
import jp.twozeroseven.infra.catalog.Masking;

/**
 * Turns each catalog column into the SQL expression its masking demands. Dropped columns produce
 * nothing: they are never selected, so they can never leak through a later mistake.
 */
public final class MaskingPlan {
    static final String KEY_ALIAS = "k.pseudonym_key";
    /** Output column naming the key that made a row's pseudonyms (see {@link #keyIdExpression()}). */
    public static final String KEY_ID_COLUMN = CatalogLoader.KEY_ID_COLUMN;
    /** Message of the HMAC whose first 16 hex digits are the key id; it has no ':' so it is never a pseudonym input. */
    static final String KEY_ID_MESSAGE = "pseudonym-key-id";
    static final String SUPPRESSED = "q.\"_suppressed\"";
    private static final String PREFECTURE_PATTERN = "^" + CanonicalForms.SPACE + "*(?:〒" + CanonicalForms.SPACE
            + "*)?(?:[0-9]{3}[-‐‑–—―−ー]?[0-9]{4}" + CanonicalForms.SPACE + "*)?(?:日本(?:国)?" + CanonicalForms.SPACE
            + "*)?(" + String.join("|", Prefectures.ALL) + ")";

    private MaskingPlan() {
    }

    /**
     * Output columns of the masked analytics zone, in catalog order, then the key id for tables with pseudonyms.
     * Quasi-identifiers are NULL on rows whose combination is shared by fewer than k subjects (see
     * {@link KAnonymity}).
     */
    public static List<OutputColumn> maskedColumns(CatalogTable table) {
        Masking grain = timeGrain(table);
        List<OutputColumn> columns = new ArrayList<>(table.columns().stream()
                .filter(c -> c.masking() != Masking.DROP)
                .map(c -> suppressible(table, masked(c, "t", grain)))
                .toList());
        if (needsKey(table)) {
            columns.add(new OutputColumn(KEY_ID_COLUMN, keyIdExpression(), OutputType.STRING, Masking.KEEP));
        }
        return List.copyOf(columns);
    }

    /** Truncations from the finest to the coarsest. */
    private static final List<Masking> GRAINS =
            List.of(Masking.TRUNCATE_HOUR, Masking.TRUNCATE_DAY, Masking.TRUNCATE_MONTH, Masking.TRUNCATE_YEAR);

    /**
     * The finest time any column of the table may keep in the masked zone: the coarsest truncation among its event
     * times (class timestamp_identifying), or the day when it has none. A kept {@code updated_at} equal to a
     * truncated {@code delivered_at} would otherwise undo the truncation (issue 15, "time that doesn't give rows
     * away"); the incremental column is included, its exact value travels only in the watermark column.
     */
    public static Masking timeGrain(CatalogTable table) {
        return table.columns().stream()
                .filter(c -> c.dataClass() == DataClass.TIMESTAMP_IDENTIFYING)
                .map(CatalogColumn::masking)
                .filter(GRAINS::contains)
                .max(java.util.Comparator.comparingInt(GRAINS::indexOf))
                .orElse(Masking.TRUNCATE_DAY);
    }

    private static Masking coarser(Masking a, Masking b) {
        return GRAINS.indexOf(a) >= GRAINS.indexOf(b) ? a : b;
    }

    /** The masked expression of one column over the given alias, its time coarsened to the table's grain. */
    static OutputColumn masked(CatalogColumn c, String alias, Masking grain) {
        boolean temporal = c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.TIMESTAMPTZ;
        if (!temporal || !(c.masking() == Masking.KEEP || GRAINS.contains(c.masking()))) {
            return masked(c, alias);
        }
        Masking own = c.masking() == Masking.KEEP ? Masking.TRUNCATE_HOUR : c.masking();
        Masking effective = coarser(own, grain);
        if (c.type() == ColumnType.DATE && GRAINS.indexOf(effective) <= GRAINS.indexOf(Masking.TRUNCATE_DAY)) {
            // A date is already a day.
            return masked(c, alias);
        }
        return switch (effective) {
            case TRUNCATE_YEAR -> truncated(c, column(c, alias), "year", effective);
            case TRUNCATE_MONTH -> truncated(c, column(c, alias), "month", effective);
            case TRUNCATE_DAY -> truncated(c, column(c, alias), "day", effective);
            default -> truncated(c, column(c, alias), "hour", effective);
        };
    }

    /** Output columns of the raw restricted zone: every column, untouched. */
    public static List<OutputColumn> rawColumns(CatalogTable table) {
        return table.columns().stream()
                .map(c -> new OutputColumn(c.name(), column(c, "t"), OutputType.of(c.type()), Masking.KEEP))
                .toList();
    }

    public static boolean needsKey(CatalogTable table) {
        return table.columns().stream().anyMatch(c -> c.masking() == Masking.PSEUDONYMIZE);
    }

    /**
     * The key id: the first 64 bits of HMAC(key, "pseudonym-key-id"). It names the key without revealing it, changes
     * when the key rotates, and needs no configuration that could disagree with the key actually used.
     */
    static String keyIdExpression() {
        return "left(encode(hmac('" + KEY_ID_MESSAGE + "', " + KEY_ALIAS + ", 'sha256'), 'hex'), 16)";
    }

    private static OutputColumn suppressible(CatalogTable table, OutputColumn column) {
        boolean quasi = table.anonymity().map(a -> a.quasiIdentifiers().contains(column.name())).orElse(false);
        if (!quasi) {
            return column;
        }
        // Fail closed: a row without its group (NULL) is suppressed too.
        return new OutputColumn(column.name(), "CASE WHEN " + SUPPRESSED + " IS NOT FALSE THEN NULL ELSE "
                + column.sqlExpression() + " END", column.type(), column.masking());
    }

    /** The masked expression of one column over the given table alias (no suppression). */
    static OutputColumn masked(CatalogColumn c, String alias) {
        Masking masking = c.masking();
        String col = column(c, alias);
        return switch (masking) {
            case KEEP -> new OutputColumn(c.name(), col, OutputType.of(c.type()), masking);
            case PSEUDONYMIZE -> new OutputColumn(c.name(), pseudonym(c, alias), OutputType.STRING, masking);
            case PREFECTURE -> new OutputColumn(c.name(),
                    "substring(" + CanonicalForms.nfkc(col) + " from " + literal(PREFECTURE_PATTERN) + ")",
                    OutputType.STRING, masking);
            // Exactly seven digits after NFKC (full-width digits count), else NULL: never a fragment of a bad value.
            case POSTAL_PREFIX3 -> new OutputColumn(c.name(),
                    "left(substring(regexp_replace(" + CanonicalForms.nfkc(col) + ", '[^0-9]', '', 'g') from '^[0-9]{7}$'), 3)",
                    OutputType.STRING, masking);
            case ROUND_2DP -> new OutputColumn(c.name(),
                    "round(" + col + "::numeric, 2)::double precision", OutputType.DOUBLE, masking);
            case TRUNCATE_YEAR -> truncated(c, col, "year");
            case TRUNCATE_MONTH -> truncated(c, col, "month");
            case TRUNCATE_DAY -> truncated(c, col, "day");
            case TRUNCATE_HOUR -> truncated(c, col, "hour");
            case DROP -> throw new IllegalStateException("dropped column " + c.name() + " has no output");
        };
    }

    /**
     * HMAC-SHA256 of {@code <entity>:<canonical value>}: the entity keeps driver 1 and customer 1 apart while every
     * column naming the same entity joins; the canonical form (see {@link CanonicalForms}) makes one person one
     * pseudonym whatever the spelling, and a blank value NULL.
     */
    static String pseudonym(CatalogColumn c, String alias) {
        Entity entity = c.entity().orElseThrow(() -> new IllegalStateException(
                "pseudonymized column " + c.name() + " names no entity (the catalog loader requires one)"));
        return "encode(hmac(" + literal(entity.name() + ":") + " || " + CanonicalForms.of(entity.form(), column(c, alias))
                + ", " + KEY_ALIAS + ", 'sha256'), 'hex')";
    }

    private static OutputColumn truncated(CatalogColumn c, String col, String unit) {
        return truncated(c, col, unit, c.masking());
    }

    private static OutputColumn truncated(CatalogColumn c, String col, String unit, Masking masking) {
        String expression = switch (c.type()) {
            case DATE -> "date_trunc('" + unit + "', " + col + ")::date";
            // Truncate in Japan time whatever the session time zone, so a day is a Japanese day.
            case TIMESTAMPTZ -> "date_trunc('" + unit + "', " + col + ", 'Asia/Tokyo')";
            case TIMESTAMP -> "date_trunc('" + unit + "', " + col + ")";
            default -> throw new IllegalStateException("cannot truncate " + c.type() + " column " + c.name());
        };
        return new OutputColumn(c.name(), expression, c.type() == ColumnType.DATE ? OutputType.DATE : OutputType.TIMESTAMP,
                masking);
    }

    static String column(CatalogColumn c, String alias) {
        return alias + "." + Sql.identifier(c.name());
    }

    static String literal(String text) {
        Objects.requireNonNull(text);
        return "'" + text.replace("'", "''") + "'";
    }
}
