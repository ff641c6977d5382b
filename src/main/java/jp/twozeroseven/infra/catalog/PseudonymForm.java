package jp.twozeroseven.infra.catalog;

import jp.twozeroseven.infra.support.LowerCaseName;

import java.util.Optional;

/**
 * The canonical form a value takes before it is hashed, so that one person is one pseudonym whatever the
 * spelling. Every form starts with Unicode NFKC (full-width digits, letters and spaces become ASCII) and turns
 * a blank or whitespace-only value into NULL, never into a pseudonym shared by every blank.
 */
public enum PseudonymForm implements LowerCaseName {
    /** An id as text: NFKC, surrounding white space removed. {@code 42} and {@code "42"} are one id. */
    ID,
    /** A phone number in E.164 ({@code +819012345678}); Japanese national numbers gain +81 for their leading 0. */
    PHONE,
    /** An e-mail address: NFKC, trimmed, lower-cased. Plus tags are kept (see docs/data-governance.md). */
    EMAIL,
    /** Free-form text such as a name: NFKC, trimmed, inner runs of white space collapsed to one space. */
    TEXT;

    public static Optional<PseudonymForm> fromYaml(String name) {
        return LowerCaseName.fromYaml(PseudonymForm.class, name);
    }

    public static String allowedNames() {
        return LowerCaseName.allowedNames(PseudonymForm.class);
    }
}
