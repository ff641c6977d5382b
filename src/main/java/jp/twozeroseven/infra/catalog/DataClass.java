package jp.twozeroseven.infra.catalog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.Optional;

/**
 * The closed set of data classes. Every exported column carries exactly one; the class decides
 * the default masking, so reviewing a catalog change means reviewing a classification.
 */
public enum DataClass {
    PUBLIC("public", Masking.KEEP, EnumSet.allOf(Masking.class)),
    INTERNAL("internal", Masking.KEEP, EnumSet.allOf(Masking.class)),
    IDENTIFIER("identifier", Masking.PSEUDONYMIZE, EnumSet.of(Masking.PSEUDONYMIZE, Masking.DROP)),
    CONTACT("contact", Masking.PSEUDONYMIZE, EnumSet.of(Masking.PSEUDONYMIZE, Masking.DROP)),
    NAME("name", Masking.DROP, EnumSet.of(Masking.DROP, Masking.PSEUDONYMIZE)),
    ADDRESS("address", Masking.PREFECTURE, EnumSet.of(Masking.PREFECTURE, Masking.POSTAL_PREFIX3, Masking.DROP)),
    LOCATION("location", Masking.ROUND_2DP, EnumSet.of(Masking.ROUND_2DP, Masking.DROP)),
    FREE_TEXT("free_text", Masking.DROP, EnumSet.of(Masking.DROP)),
    SECRET("secret", Masking.DROP, EnumSet.of(Masking.DROP)),
    BIRTH_DATE("birth_date", Masking.TRUNCATE_YEAR, EnumSet.of(Masking.TRUNCATE_YEAR, Masking.TRUNCATE_MONTH,
            Masking.DROP)),
    TIMESTAMP_IDENTIFYING("timestamp_identifying", Masking.TRUNCATE_DAY, EnumSet.of(Masking.TRUNCATE_YEAR,
            Masking.TRUNCATE_MONTH, Masking.TRUNCATE_DAY, Masking.TRUNCATE_HOUR, Masking.DROP));

    private final String yamlName;
    private final Masking defaultMasking;
    private final Set<Masking> allowedMaskings;

    /**
     * @param allowedMaskings the per-column overrides a reviewer may choose: each keeps the class's kind of
     *                        protection (a pseudonym stays a pseudonym, a date stays coarse), so an override can
     *                        trade precision for analysis but never turn into the raw value
     */
    DataClass(String yamlName, Masking defaultMasking, Set<Masking> allowedMaskings) {
        this.yamlName = yamlName;
        this.defaultMasking = defaultMasking;
        this.allowedMaskings = allowedMaskings;
    }

    public boolean allows(Masking masking) {
        return allowedMaskings.contains(masking);
    }

    public String allowedMaskingNames() {
        return String.join(", ", allowedMaskings.stream().map(Masking::yamlName).toList());
    }

    public String yamlName() {
        return yamlName;
    }

    public Masking defaultMasking() {
        return defaultMasking;
    }

    /** Personal classes never leave the source unmasked in the analytics zone. */
    public boolean isPersonal() {
        return this != PUBLIC && this != INTERNAL;
    }

    public static Optional<DataClass> fromYaml(String name) {
        return Arrays.stream(values()).filter(c -> c.yamlName.equals(name)).findFirst();
    }

    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(DataClass::yamlName).toList());
    }
}
