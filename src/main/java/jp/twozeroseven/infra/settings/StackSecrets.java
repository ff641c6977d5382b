package jp.twozeroseven.infra.settings;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The secret config values of a stack; absent ones are simply not there (see {@link SecretKey}). */
public record StackSecrets(Map<SecretKey, SecretValue> values) {

    public StackSecrets {
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
    }

    public Optional<SecretValue> get(SecretKey key) {
        return Optional.ofNullable(values.get(key));
    }

    static StackSecrets read(RawConfig raw, Problems problems) {
        Map<SecretKey, SecretValue> out = new EnumMap<>(SecretKey.class);
        for (SecretKey key : SecretKey.values()) {
            String full = raw.project() + ":" + key.key();
            String value = raw.values().get(full);
            String setIt = "set it with: pulumi config set --secret " + full + " <value>";
            if (value != null && !raw.secretKeys().contains(full)) {
                problems.add(full, "(plain text, not shown)", "a secret must not be stored in plain text; " + setIt);
            } else if (value != null) {
                out.put(key, new SecretValue(value));
            } else if (raw.offline()) {
                // The offline synth never has secrets; a marked placeholder lets every component render.
                out.put(key, new SecretValue(SecretValue.OFFLINE_PLACEHOLDER));
            } else if (key.requiredEverywhere()) {
                problems.add(full, null, "required; " + setIt);
            }
        }
        return new StackSecrets(out);
    }
}
