package jp.twozeroseven.infra.data.masking;

import jp.twozeroseven.infra.catalog.PseudonymForm;

/**
 * SQL (PostgreSQL 13+) that brings a value to its canonical form before it is hashed, so that one person is one
 * pseudonym whatever the spelling, and a blank value is NULL rather than the pseudonym of the empty string.
 * Every form starts with {@code normalize(..., NFKC)} (PostgreSQL docs, "String Functions": normalize; needs a
 * UTF8 database, which Aurora's default is): full-width digits, letters, plus signs and the ideographic space
 * become their ASCII counterparts.
 */
final class CanonicalForms {
    /** White space after NFKC, plus the invisible characters NFKC keeps (zero-width space, word joiner, BOM). */
    static final String SPACE = "[[:space:]\\u200b\\u2060\\ufeff]";

    private CanonicalForms() {
    }

    static String of(PseudonymForm form, String column) {
        String nfkc = nfkc(column + "::text");
        return switch (form) {
            case ID -> "nullif(" + trimmed(nfkc) + ", '')";
            case EMAIL -> "nullif(lower(" + trimmed(nfkc) + "), '')";
            case TEXT -> "nullif(btrim(regexp_replace(" + nfkc + ", '" + SPACE + "+', ' ', 'g')), '')";
            case PHONE -> phone(nfkc);
        };
    }

    static String nfkc(String text) {
        return "normalize(" + text + ", NFKC)";
    }

    private static String trimmed(String text) {
        return "regexp_replace(" + text + ", '^" + SPACE + "+|" + SPACE + "+$', '', 'g')";
    }

    /**
     * E.164 ({@code +<country><number>}, ITU-T E.164; Japan is country code 81 and drops the national trunk prefix 0):
     * keep digits and a leading '+'; an international prefix 00 or 010 (the one dialled from Japan) becomes '+';
     * a leading trunk 0 becomes +81; "+81 (0)90" loses the bracketed 0; 9 or 10 digits without any prefix are a
     * Japanese number missing its 0; other bare digits already start with a country code. Anything that is not
     * '+' and digits afterwards (no digits at all) is NULL.
     */
    private static String phone(String nfkc) {
        String s = "regexp_replace(" + nfkc + ", '[^0-9+]', '', 'g')";
        s = "regexp_replace(" + s + ", '(^[+])|[+]', '\\1', 'g')";
        s = "regexp_replace(" + s + ", '^(00|010)', '+')";
        s = "regexp_replace(" + s + ", '^0', '+81')";
        s = "regexp_replace(" + s + ", '^[+]810', '+81')";
        s = "regexp_replace(" + s + ", '^([1-9][0-9]{8,9})$', '+81\\1')";
        s = "regexp_replace(" + s + ", '^([0-9])', '+\\1')";
        return "substring(" + s + " from '^[+][0-9]+$')";
    }
}
