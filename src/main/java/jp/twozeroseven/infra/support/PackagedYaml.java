package jp.twozeroseven.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A table of facts the build packages beside the class that reads it (a YAML file under src/main/resources, such
 * as settings/stack-config-keys.yaml): one list, each item read into a typed entry. A missing file means a broken
 * build, not bad input; a malformed item is the entry reader's to refuse, naming the file, the item and the field.
 */
public final class PackagedYaml {

    private PackagedYaml() {
    }

    /**
     * Each item of the top-level list {@code list} of {@code file} (a resource beside {@code owner}), read by
     * {@code entry}, in the file's order; two entries with the same {@code key} are refused.
     */
    public static <T> List<T> entries(Class<?> owner, String file, String list, Function<JsonNode, T> entry,
                                      Function<T, String> key) {
        try (InputStream in = owner.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the build; build with ./mvnw package");
            }
            // A key written twice in one entry would otherwise keep only its last value, silently.
            JsonNode items = new ObjectMapper(new YAMLFactory())
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(in).path(list);
            if (!items.isArray()) {
                throw new IllegalStateException(file + " has no list " + list);
            }
            List<T> entries = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (JsonNode item : items) {
                T read = entry.apply(item);
                if (!keys.add(key.apply(read))) {
                    throw new IllegalStateException(file + ": " + key.apply(read) + " is listed twice");
                }
                entries.add(read);
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
