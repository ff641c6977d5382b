package jp.twozeroseven.infra.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** How one column is transformed on its way to the masked analytics zone. */
public enum Masking {
    /** Copied as is; only allowed for public and internal columns. */
    KEEP("keep", Set.of(ColumnType.values())),
    /** Keyed HMAC-SHA256 of the value cast to text, hex encoded: joins survive, values do not. */
    PSEUDONYMIZE("pseudonymize", Set.of(ColumnType.values())),
    /** Not selected at all. */
    DROP("drop", Set.of(ColumnType.values())),
    /** The prefecture (都道府県) at the start of a Japanese address, or NULL. */
    PREFECTURE("prefecture", Set.of(ColumnType.TEXT)),
    /** First three digits of a postal code (the 郵便番号 area, e.g. 100 for 100-0005). */
    POSTAL_PREFIX3("postal_prefix3", Set.of(ColumnType.TEXT)),
    /** Latitude or longitude rounded to 0.01 degree: about 1.1 km north-south, 0.9 km east-west in Japan. */
    ROUND_2DP("round_2dp", Set.of(ColumnType.NUMERIC, ColumnType.DOUBLE)),
    TRUNCATE_YEAR("truncate_year", ColumnType.TEMPORAL),
    TRUNCATE_MONTH("truncate_month", ColumnType.TEMPORAL),
    TRUNCATE_DAY("truncate_day", ColumnType.TEMPORAL),
    TRUNCATE_HOUR("truncate_hour", Set.of(ColumnType.TIMESTAMP, ColumnType.TIMESTAMPTZ));

    private final String yamlName;
    private final Set<ColumnType> applicableTypes;

    Masking(String yamlName, Set<ColumnType> applicableTypes) {
        this.yamlName = yamlName;
        this.applicableTypes = applicableTypes;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean appliesTo(ColumnType type) {
        return applicableTypes.contains(type);
    }

    public String applicableTypeNames() {
        return String.join(", ", Arrays.stream(ColumnType.values())
                .filter(applicableTypes::contains).map(ColumnType::yamlName).toList());
    }

    public static Optional<Masking> fromYaml(String name) {
        return Arrays.stream(values()).filter(m -> m.yamlName.equals(name)).findFirst();
    }

    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(Masking::yamlName).toList());
    }
}
