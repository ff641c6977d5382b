package jp.twozeroseven.infra.cli;

import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.StackSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The notice the offline synth prints for every secret config key it replaced with a placeholder, so nobody
 * mistakes the rendering for one made with the real values (a secret is never decrypted offline).
 */
final class SecretPlaceholders {

    private SecretPlaceholders() {
    }

    static List<String> describe(RawConfig raw, StackSettings settings) {
        TreeSet<String> encrypted = new TreeSet<>(raw.secretKeys());
        TreeSet<String> unset = new TreeSet<>();
        for (SecretKey key : SecretKey.values()) {
            String full = raw.project() + ":" + key.key();
            boolean placeholder = settings.secrets().get(key).map(v -> v.isOfflinePlaceholder()).orElse(false);
            if (placeholder && !encrypted.contains(full)) {
                unset.add(full);
            }
        }
        List<String> lines = new ArrayList<>();
        encrypted.forEach(k -> lines.add("notice: secret " + k + " is encrypted in the stack file; "
                + "the offline synth uses a placeholder"));
        unset.forEach(k -> lines.add("notice: secret " + k + " is not in the stack file (set it with "
                + "`pulumi config set --secret " + k + "`); the offline synth uses a placeholder"));
        return lines;
    }
}
