package jp.twozeroseven.infra.settings;

/**
 * A config value that was set with {@code pulumi config set --secret}. Its {@link #toString()} never reveals it,
 * so it cannot leak into logs or messages by accident; components wrap it with {@code Output.ofSecret}.
 */
public final class SecretValue {

    /** Stands in for an encrypted value during the offline synth, where no key can decrypt it. */
    public static final String OFFLINE_PLACEHOLDER = "offline-placeholder-secret";

    private final String value;

    public SecretValue(String value) {
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    public boolean isOfflinePlaceholder() {
        return OFFLINE_PLACEHOLDER.equals(value);
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
