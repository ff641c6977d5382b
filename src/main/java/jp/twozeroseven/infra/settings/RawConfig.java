package jp.twozeroseven.infra.settings;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stack config exactly as the Pulumi CLI hands it to a program: flat {@code namespace:key} strings, where
 * structured values are JSON text, plus the names of the keys that were set as secrets.
 *
 * @param source     where the values came from, for messages (a file path or "the Pulumi engine")
 * @param offline    true when secrets could not be decrypted and stand in as placeholders (offline synth)
 * @param projectDir where Pulumi.yaml is; relative paths in settings (the table catalog) resolve against it
 */
public record RawConfig(String project, String stack, Map<String, String> values, Set<String> secretKeys,
                        String source, boolean offline, Path projectDir) {

    public RawConfig {
        // Sorted rather than Map.copyOf / Set.copyOf, whose order changes between JVM runs: whatever iterates
        // them (the secret-placeholder notices, the engine's config) then prints the same on every run.
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        secretKeys = Collections.unmodifiableSortedSet(new TreeSet<>(secretKeys));
    }
}
