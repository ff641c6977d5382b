package jp.twozeroseven.infra.data.masking;

/**
 * Where the masked SELECT finds the HMAC key. The key itself never appears in SQL or config: the
 * Embulk task sets this custom setting on its own connection from a secret environment variable.
 */
public final class PseudonymKey {
    /** PostgreSQL custom setting (needs a dot) read with current_setting(). */
    public static final String SETTING = "app.pseudonym_key";
    /** Shorter keys make the export fail: a short HMAC key would let pseudonyms be brute-forced. */
    public static final int MIN_LENGTH = 32;

    private PseudonymKey() {
    }
}
