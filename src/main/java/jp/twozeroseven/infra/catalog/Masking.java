package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.LowerCaseName;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** How one column is transformed on its way to the masked analytics zone; the catalog names it in lower case. */
public enum Masking implements LowerCaseName {
    /** Copied as is; only allowed for public and internal columns. */
    KEEP(Set.of(ColumnType.values())),
    /** Keyed HMAC-SHA256 of the value cast to text, hex encoded: joins survive, values do not. */
    PSEUDONYMIZE(Set.of(ColumnType.values())),
    /** Not selected at all. */
    DROP(Set.of(ColumnType.values())),
    /** The prefecture (都道府県) at the start of a Japanese address, or NULL. */
    PREFECTURE(Set.of(ColumnType.TEXT)),
    /** First three digits of a postal code (the 郵便番号 area, e.g. 100 for 100-0005). */
    POSTAL_PREFIX3(Set.of(ColumnType.TEXT)),
    /** Latitude or longitude rounded to 0.01 degree: about 1.1 km north-south, 0.9 km east-west in Japan. */
    ROUND_2DP(Set.of(ColumnType.NUMERIC, ColumnType.DOUBLE)),
    TRUNCATE_YEAR(ColumnType.TEMPORAL),
    TRUNCATE_MONTH(ColumnType.TEMPORAL),
    TRUNCATE_DAY(ColumnType.TEMPORAL),
    TRUNCATE_HOUR(Set.of(ColumnType.TIMESTAMP, ColumnType.TIMESTAMPTZ));

    private final Set<ColumnType> applicableTypes;

    Masking(Set<ColumnType> applicableTypes) {
        this.applicableTypes = applicableTypes;
    }

    public boolean appliesTo(ColumnType type) {
        return applicableTypes.contains(type);
    }

    public String applicableTypeNames() {
        return String.join(", ", Arrays.stream(ColumnType.values())
                .filter(applicableTypes::contains).map(ColumnType::yamlName).toList());
    }

    public static Optional<Masking> fromYaml(String name) {
        return LowerCaseName.fromYaml(Masking.class, name);
    }

    public static String allowedNames() {
        return LowerCaseName.allowedNames(Masking.class);
    }
}
