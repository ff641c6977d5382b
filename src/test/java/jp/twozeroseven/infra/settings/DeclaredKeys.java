package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** Walks a stack file's {@code config:} tree along the keys {@link StackConfigKeys} declares. */
final class DeclaredKeys {

    static final Map<String, ConfigKey> BY_PATH = StackConfigKeys.ALL.stream()
            .collect(Collectors.toMap(ConfigKey::path, k -> k, (a, b) -> a, java.util.LinkedHashMap::new));

    private DeclaredKeys() {
    }

    static Optional<ConfigKey> find(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /**
     * Calls {@code visit} with the declared path of every key set in {@code config} (the stack file's mapping, keys
     * {@code <namespace>:<key>}) and the object that holds it; keys that are not declared are skipped.
     */
    static void walk(ObjectNode config, String namespace, BiConsumer<String, ObjectNode> visit) {
        ObjectNode root = config.objectNode();
        config.fields().forEachRemaining(f -> {
            if (f.getKey().startsWith(namespace + ":")) {
                root.set(f.getKey().substring(namespace.length() + 1), f.getValue());
            }
        });
        walk(root, "", visit, config);
    }

    private static void walk(ObjectNode node, String pattern, BiConsumer<String, ObjectNode> visit, ObjectNode file) {
        node.fields().forEachRemaining(f -> {
            String path = pattern.isEmpty() ? f.getKey() : pattern + "." + f.getKey();
            ConfigKey key = BY_PATH.get(path);
            JsonNode value = f.getValue();
            if (key == null || value.isNull()) {
                return;
            }
            visit.accept(path, node);
            switch (key.kind()) {
                case OBJECT -> {
                    if (value.isObject()) {
                        walk((ObjectNode) value, path, visit, file);
                    }
                }
                case NAMED_OBJECTS -> value.fields().forEachRemaining(e -> {
                    if (e.getValue().isObject()) {
                        walk((ObjectNode) e.getValue(), path + "." + KeyRead.NAME, visit, file);
                    }
                });
                case OBJECT_LIST -> value.forEach(item -> {
                    if (item.isObject()) {
                        walk((ObjectNode) item, path + "[]", visit, file);
                    }
                });
                default -> { }
            }
        });
    }
}
