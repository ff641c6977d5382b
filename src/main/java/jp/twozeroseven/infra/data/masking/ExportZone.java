package jp.twozeroseven.infra.data.masking;

import java.util.Locale;

/** Where an export lands. The zone name is also the first S3 key segment, so IAM can split on it. */
public enum ExportZone {
    /** Pseudonymised and generalised data for analysts (Athena via Redash). */
    MASKED,
    /** Unmasked copies, only for tables explicitly allowed; readers are listed one by one. */
    RAW;

    /** The zone's name in lower case, {@code masked} or {@code raw}. */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
