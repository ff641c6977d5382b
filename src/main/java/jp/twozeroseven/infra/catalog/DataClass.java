package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.LowerCaseName;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The closed set of data classes. Every exported column carries exactly one; the class decides
 * the default masking, so reviewing a catalog change means reviewing a classification. The catalog names a class
 * in lower case ({@code free_text}).
 */
public enum DataClass implements LowerCaseName {
    PUBLIC(Masking.KEEP, EnumSet.allOf(Masking.class)),
    INTERNAL(Masking.KEEP, EnumSet.allOf(Masking.class)),
    IDENTIFIER(Masking.PSEUDONYMIZE, EnumSet.of(Masking.PSEUDONYMIZE, Masking.DROP)),
    CONTACT(Masking.PSEUDONYMIZE, EnumSet.of(Masking.PSEUDONYMIZE, Masking.DROP)),
    NAME(Masking.DROP, EnumSet.of(Masking.DROP, Masking.PSEUDONYMIZE)),
    ADDRESS(Masking.PREFECTURE, EnumSet.of(Masking.PREFECTURE, Masking.POSTAL_PREFIX3, Masking.DROP)),
    LOCATION(Masking.ROUND_2DP, EnumSet.of(Masking.ROUND_2DP, Masking.DROP)),
    FREE_TEXT(Masking.DROP, EnumSet.of(Masking.DROP)),
    SECRET(Masking.DROP, EnumSet.of(Masking.DROP)),
    BIRTH_DATE(Masking.TRUNCATE_YEAR, EnumSet.of(Masking.TRUNCATE_YEAR, Masking.TRUNCATE_MONTH, Masking.DROP)),
    TIMESTAMP_IDENTIFYING(Masking.TRUNCATE_DAY, EnumSet.of(Masking.TRUNCATE_YEAR, Masking.TRUNCATE_MONTH,
            Masking.TRUNCATE_DAY, Masking.TRUNCATE_HOUR, Masking.DROP));

    private final Masking defaultMasking;
    private final Set<Masking> allowedMaskings;

    /**
     * @param allowedMaskings the per-column overrides a reviewer may choose: each keeps the class's kind of
     *                        protection (a pseudonym stays a pseudonym, a date stays coarse), so an override can
     *                        trade precision for analysis but never turn into the raw value
     */
    DataClass(Masking defaultMasking, Set<Masking> allowedMaskings) {
        this.defaultMasking = defaultMasking;
        this.allowedMaskings = allowedMaskings;
    }

    public boolean allows(Masking masking) {
        return allowedMaskings.contains(masking);
    }

    public String allowedMaskingNames() {
        return String.join(", ", allowedMaskings.stream().map(Masking::yamlName).toList());
    }

    public Masking defaultMasking() {
        return defaultMasking;
    }

    /** Personal classes never leave the source unmasked in the analytics zone. */
    public boolean isPersonal() {
        return this != PUBLIC && this != INTERNAL;
    }

    public static Optional<DataClass> fromYaml(String name) {
        return LowerCaseName.fromYaml(DataClass.class, name);
    }

    public static String allowedNames() {
        return LowerCaseName.allowedNames(DataClass.class);
    }
}
