package jp.twozeroseven.infra.data.masking;

import java.util.List;
import java.util.Objects;
import jp.twozeroseven.infra.data.catalog.CatalogColumn;
import jp.twozeroseven.infra.data.catalog.CatalogTable;
import jp.twozeroseven.infra.data.catalog.ColumnType;
import jp.twozeroseven.infra.data.catalog.DataClass;
import jp.twozeroseven.infra.data.catalog.Masking;

/**
 * Turns each catalog column into the SQL expression its masking demands. Dropped columns produce
 * nothing: they are never selected, so they can never leak through a later mistake.
 */
public final class MaskingPlan {
    static final String KEY_ALIAS = "k.pseudonym_key";
    private static final String PREFECTURE_PATTERN =
            "^\\s*(?:〒?\\s*[0-9]{3}-?[0-9]{4}\\s*)?(" + String.join("|", Prefectures.ALL) + ")";

    private MaskingPlan() {
    }

    /** Output columns of the masked analytics zone, in catalog order. */
    public static List<OutputColumn> maskedColumns(CatalogTable table) {
        Masking grain = timeGrain(table);
        return table.columns().stream()
                .filter(c -> c.masking() != Masking.DROP)
                .map(c -> masked(c, grain))
                .toList();
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

    private static OutputColumn masked(CatalogColumn c, Masking grain) {
        boolean temporal = c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.TIMESTAMPTZ;
        if (!temporal || !(c.masking() == Masking.KEEP || GRAINS.contains(c.masking()))) {
            return masked(c);
        }
        Masking own = c.masking() == Masking.KEEP ? Masking.TRUNCATE_HOUR : c.masking();
        Masking effective = coarser(own, grain);
        if (c.type() == ColumnType.DATE && GRAINS.indexOf(effective) <= GRAINS.indexOf(Masking.TRUNCATE_DAY)) {
            // A date is already a day.
            return masked(c);
        }
        return switch (effective) {
            case TRUNCATE_YEAR -> truncated(c, "year", effective);
            case TRUNCATE_MONTH -> truncated(c, "month", effective);
            case TRUNCATE_DAY -> truncated(c, "day", effective);
            default -> truncated(c, "hour", effective);
        };
    }

    /** Output columns of the raw restricted zone: every column, untouched. */
    public static List<OutputColumn> rawColumns(CatalogTable table) {
        return table.columns().stream()
                .map(c -> new OutputColumn(c.name(), column(c), OutputType.of(c.type()), Masking.KEEP))
                .toList();
    }

    public static boolean needsKey(CatalogTable table) {
        return table.columns().stream().anyMatch(c -> c.masking() == Masking.PSEUDONYMIZE);
    }

    private static OutputColumn masked(CatalogColumn c) {
        Masking masking = c.masking();
        String col = column(c);
        return switch (masking) {
            case KEEP -> new OutputColumn(c.name(), col, OutputType.of(c.type()), masking);
            case PSEUDONYMIZE -> new OutputColumn(c.name(), pseudonym(c), OutputType.STRING, masking);
            case PREFECTURE -> new OutputColumn(c.name(),
                    "substring(" + col + " from " + literal(PREFECTURE_PATTERN) + ")", OutputType.STRING, masking);
            case POSTAL_PREFIX3 -> new OutputColumn(c.name(),
                    "nullif(left(regexp_replace(" + col + ", '[^0-9]', '', 'g'), 3), '')", OutputType.STRING, masking);
            case ROUND_2DP -> new OutputColumn(c.name(),
                    "round(" + col + "::numeric, 2)::double precision", OutputType.DOUBLE, masking);
            case TRUNCATE_YEAR -> truncated(c, "year");
            case TRUNCATE_MONTH -> truncated(c, "month");
            case TRUNCATE_DAY -> truncated(c, "day");
            case TRUNCATE_HOUR -> truncated(c, "hour");
            case DROP -> throw new IllegalStateException("dropped column " + c.name() + " has no output");
        };
    }

    /**
     * Identifiers are cast to text so that the same value gives the same pseudonym whatever its
     * column type (drivers.id bigint and deliveries.driver_id integer join). Contacts are also
     * trimmed and lower-cased so that "Taro@Example.jp " and "taro@example.jp" stay one person.
     */
    private static String pseudonym(CatalogColumn c) {
        String text = column(c) + "::text";
        if (c.dataClass() == DataClass.CONTACT) {
            text = "lower(btrim(" + text + "))";
        }
        return "encode(hmac(" + text + ", " + KEY_ALIAS + ", 'sha256'), 'hex')";
    }

    private static OutputColumn truncated(CatalogColumn c, String unit) {
        return truncated(c, unit, c.masking());
    }

    private static OutputColumn truncated(CatalogColumn c, String unit, Masking masking) {
        String col = column(c);
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

    static String column(CatalogColumn c) {
        return "t." + Sql.identifier(c.name());
    }

    private static String literal(String text) {
        Objects.requireNonNull(text);
        return "'" + text.replace("'", "''") + "'";
    }
}
