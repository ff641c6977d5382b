package jp.twozeroseven.infra.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical form a value takes before it is hashed, so that one person is one pseudonym whatever the
 * spelling. Every form starts with Unicode NFKC (full-width digits, letters and spaces become ASCII) and turns
 * a blank or whitespace-only value into NULL, never into a pseudonym shared by every blank.
 */
public enum PseudonymForm {
    /** An id as text: NFKC, surrounding white space removed. {@code 42} and {@code "42"} are one id. */
    ID("id"),
    /** A phone number in E.164 ({@code +819012345678}); Japanese national numbers gain +81 for their leading 0. */
    PHONE("phone"),
    /** An e-mail address: NFKC, trimmed, lower-cased. Plus tags are kept (see docs/data-governance.md). */
    EMAIL("email"),
    /** Free-form text such as a name: NFKC, trimmed, inner runs of white space collapsed to one space. */
    TEXT("text");

    private final String yamlName;

    PseudonymForm(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<PseudonymForm> fromYaml(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName.equals(name)).findFirst();
    }

    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(PseudonymForm::yamlName).toList());
    }
}
