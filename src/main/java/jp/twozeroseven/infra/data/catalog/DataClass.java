package jp.twozeroseven.infra.data.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed set of data classes. Every exported column carries exactly one; the class decides
 * the default masking, so reviewing a catalog change means reviewing a classification.
 */
public enum DataClass {
    PUBLIC("public", Masking.KEEP),
    INTERNAL("internal", Masking.KEEP),
    IDENTIFIER("identifier", Masking.PSEUDONYMIZE),
    CONTACT("contact", Masking.PSEUDONYMIZE),
    NAME("name", Masking.DROP),
    ADDRESS("address", Masking.PREFECTURE),
    LOCATION("location", Masking.ROUND_2DP),
    FREE_TEXT("free_text", Masking.DROP),
    SECRET("secret", Masking.DROP),
    BIRTH_DATE("birth_date", Masking.TRUNCATE_YEAR),
    TIMESTAMP_IDENTIFYING("timestamp_identifying", Masking.TRUNCATE_DAY);

    private final String yamlName;
    private final Masking defaultMasking;

    DataClass(String yamlName, Masking defaultMasking) {
        this.yamlName = yamlName;
        this.defaultMasking = defaultMasking;
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
