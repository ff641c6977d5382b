package jp.twozeroseven.infra.data.masking;

/** Where an export lands. The zone name is also the first S3 key segment, so IAM can split on it. */
public enum ExportZone {
    /** Pseudonymised and generalised data for analysts (Athena via Redash). */
    MASKED("masked"),
    /** Unmasked copies, only for tables explicitly allowed; readers are listed one by one. */
    RAW("raw");

    private final String prefix;

    ExportZone(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
