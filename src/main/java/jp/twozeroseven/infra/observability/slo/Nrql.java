package jp.twozeroseven.infra.observability.slo;

/** NRQL literal helpers: values from config must never be able to change a query's meaning. */
final class Nrql {

    private Nrql() {}

    /** A single-quoted NRQL string literal; backslashes and quotes are escaped with a backslash. */
    static String quote(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("NRQL string values must be on one line, got: " + value.replace("\n", "\\n"));
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A plain decimal (no exponent, no trailing zeros), so 0.5 stays 0.5 and 2 becomes 2. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
