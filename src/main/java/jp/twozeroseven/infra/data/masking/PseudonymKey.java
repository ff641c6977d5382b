package jp.twozeroseven.infra.data.masking;

/**
 * Where the masked SELECT finds the HMAC key, and the check it must pass. The key itself never appears in SQL or
 * config: the Embulk task sets this custom setting on its own connection from a secret environment variable.
 */
public final class PseudonymKey {
    /** PostgreSQL custom setting (needs a dot) read with current_setting(). */
    public static final String SETTING = "app.pseudonym_key";
    /** 32 random bytes as lower-case hex ({@code openssl rand -hex 32}). */
    public static final int LENGTH = 64;
    /** A random 64-digit hex key shows all but a few of the 16 digits; fewer than this is not random. */
    static final int MIN_DISTINCT_DIGITS = 10;
    /** Prefix of the error a rejected key raises; the key itself is never part of the message. */
    public static final String REJECTED = "pseudonym key rejected";

    /**
     * Fails the query, before any row is written, unless the key is 64 lower-case hex digits, shows at least
     * {@value #MIN_DISTINCT_DIGITS} distinct digits and is not one block repeated ("00..0", "abab..", a 16-digit
     * pattern four times). The failure is a cast of a message to boolean, "invalid input syntax for type boolean:
     * "pseudonym key rejected: ..."": the message is concatenated with {@code left(key, 0)} so the planner cannot
     * fold the branch into a constant (PostgreSQL docs, "Conditional Expressions": constant subexpressions of CASE
     * may be evaluated at planning time) and so that not one character of the key reaches the message.
     */
    static final String CHECK = "CASE WHEN k.pseudonym_key ~ '^[0-9a-f]{" + LENGTH + "}$'"
            + " AND k.pseudonym_key !~ '^(.+)\\1+$'"
            + " AND (SELECT count(DISTINCT d) FROM regexp_split_to_table(k.pseudonym_key, '') AS d) >= " + MIN_DISTINCT_DIGITS
            + " THEN true ELSE ('" + REJECTED + ": set " + SETTING + " to 64 lower-case hex digits of a random key"
            + " (openssl rand -hex 32)' || left(k.pseudonym_key, 0))::boolean END";

    private PseudonymKey() {
    }
}
