package jp.twozeroseven.infra.data.masking;

import java.util.regex.Pattern;

/** Identifier quoting; catalog names are already restricted, this is the second line of defence. */
final class Sql {
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]*");

    private Sql() {
    }

    static String identifier(String name) {
        if (!SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain lower-case SQL identifier");
        }
        return "\"" + name + "\"";
    }
}
