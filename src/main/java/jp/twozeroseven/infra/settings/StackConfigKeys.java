package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.settings.ConfigKey.Default;
import jp.twozeroseven.infra.settings.KeyRead.Kind;
import jp.twozeroseven.infra.support.PackagedYaml;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every plain stack-config key the parsers read, in the order docs/stack-config.md lists them (the secret keys are
 * {@link SecretKey}), read once from {@code stack-config-keys.yaml} beside this class: a table of facts, kept as
 * data. The page is rendered from this list, and StackConfigKeysTest parses the stack files and fixture stacks with
 * a recorder to prove that each key read is declared here with its kind and default, and each key declared here is
 * read.
 *
 * <p>To add a key: read it in its parser through {@link Section}, then add its entry to the file among the keys
 * of its group (the failing test prints the entry to start from; the file's header describes the fields) and
 * regenerate the page.
 */
public final class StackConfigKeys {

    static final String FILE = "stack-config-keys.yaml";

    /** The forms of {@code default:} besides {@code required}, each the factory of {@link Default} of that name. */
    private static final Map<String, Function<JsonNode, Default>> DEFAULTS = Map.of(
            "value", v -> Default.value(v.asText()),
            "byTier", v -> Default.byTier(v.path(0).asText(), v.path(1).asText()),
            "requiredWhen", v -> Default.requiredWhen(v.asText()),
            "derived", v -> Default.derived(v.asText()),
            "optional", v -> Default.optional(v.asText()));

    public static final List<ConfigKey> ALL = PackagedYaml.entries(StackConfigKeys.class, FILE, "keys",
            StackConfigKeys::key, ConfigKey::path);

    private StackConfigKeys() {
    }

    /** One entry: path, kind, type (may be left out), default and meaning. */
    static ConfigKey key(JsonNode entry) {
        String path = text(entry, "path", "(an entry)");
        String kind = text(entry, "kind", path);
        if (Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new IllegalStateException(FILE + ": " + path + ": kind " + kind + " is not one of "
                    + Arrays.toString(Kind.values()));
        }
        String type = entry.has("type") ? text(entry, "type", path) : "";
        return new ConfigKey(path, Kind.valueOf(kind), type, byDefault(entry.path("default"), path),
                text(entry, "meaning", path));
    }

    /** {@code required}, or a one-field mapping naming the form: {@code {value: 60}}, {@code {byTier: [a, b]}}, ... */
    static Default byDefault(JsonNode node, String path) {
        if (node.isTextual() && node.asText().equals("required")) {
            return Default.required();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Map.Entry<String, JsonNode> form = fields.hasNext() ? fields.next() : null;
        if (form == null || fields.hasNext() || !DEFAULTS.containsKey(form.getKey())
                || form.getKey().equals("byTier") && form.getValue().size() != 2) {
            throw new IllegalStateException(FILE + ": " + path + ": default must be required or one of "
                    + "{value: x}, {byTier: [production, staging]}, {requiredWhen: text}, {derived: text}, "
                    + "{optional: text}, not " + node);
        }
        return DEFAULTS.get(form.getKey()).apply(form.getValue());
    }

    private static String text(JsonNode entry, String field, String path) {
        JsonNode value = entry.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new IllegalStateException(FILE + ": " + path + " has no " + field);
        }
        return value.asText();
    }
}
