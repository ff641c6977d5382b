package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A typed, validating view of one object in the stack config.
 *
 * <p>Every accessor records a problem instead of throwing, and returns a harmless default, so that one run
 * reports every mistake. Keys that no accessor asked for are reported by {@link #rejectUnknownKeys()}: a typo
 * must never be silently ignored.
 */
public final class Section {

    private final String path;
    private final JsonNode node;
    private final Problems problems;
    private final Set<String> asked = new LinkedHashSet<>();
    private final boolean present;

    Section(String path, JsonNode node, Problems problems) {
        this.path = path;
        this.node = node;
        this.problems = problems;
        this.present = node != null && !node.isMissingNode() && !node.isNull();
    }

    public static Section root(String project, JsonNode node, Problems problems) {
        return new Section(project + ":", node, problems);
    }

    public String keyOf(String key) {
        return path.endsWith(":") ? path + key : path + "." + key;
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public boolean isPresent() {
        return present;
    }

    public boolean has(String key) {
        return present && node.has(key) && !node.get(key).isNull();
    }

    private JsonNode raw(String key) {
        asked.add(key);
        if (!present) {
            return MissingNode.getInstance();
        }
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? MissingNode.getInstance() : value;
    }

    public void report(String key, JsonNode value, String message) {
        problems.add(keyOf(key), value == null || value.isMissingNode() ? null : shown(value), message);
    }

    public void report(String key, String value, String message) {
        problems.add(keyOf(key), value, message);
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private boolean missing(String key, JsonNode value, String expected) {
        if (value.isMissingNode()) {
            if (present) {
                report(key, (String) null, "required; expected " + expected);
            }
            return true;
        }
        return false;
    }

    public String text(String key, String expected) {
        JsonNode value = raw(key);
        if (missing(key, value, expected)) {
            return "";
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            report(key, value, "expected " + expected);
            return "";
        }
        return value.asText();
    }

    public Optional<String> optionalText(String key, String expected) {
        return has(key) ? Optional.of(text(key, expected)) : markAsked(key);
    }

    private <T> Optional<T> markAsked(String key) {
        asked.add(key);
        return Optional.empty();
    }

    /** Whole numbers; text such as "3" is accepted only at the top level, where the CLI passes strings. */
    public int integer(String key, int min, int max) {
        JsonNode value = raw(key);
        String expected = "a whole number from " + min + " to " + max;
        if (missing(key, value, expected)) {
            return min;
        }
        Integer parsed = null;
        if (value.isIntegralNumber()) {
            parsed = value.canConvertToInt() ? value.intValue() : null;
        } else if (value.isTextual() && isTopLevel() && value.asText().matches("-?\\d{1,9}")) {
            parsed = Integer.parseInt(value.asText());
        }
        if (parsed == null) {
            report(key, value, "expected " + expected);
            return min;
        }
        if (parsed < min || parsed > max) {
            report(key, value, "out of range; expected " + expected);
            return min;
        }
        return parsed;
    }

    public int integer(String key, int min, int max, int fallback) {
        return has(key) ? integer(key, min, max) : markAskedDefault(key, fallback);
    }

    private <T> T markAskedDefault(String key, T fallback) {
        asked.add(key);
        return fallback;
    }

    public double number(String key, double min, double max, boolean exclusiveBounds) {
        JsonNode value = raw(key);
        String expected = "a number " + (exclusiveBounds ? "strictly between " : "from ") + min
                + (exclusiveBounds ? " and " : " to ") + max;
        if (missing(key, value, expected)) {
            return min;
        }
        if (!value.isNumber()) {
            report(key, value, "expected " + expected);
            return min;
        }
        double parsed = value.doubleValue();
        boolean inRange = exclusiveBounds ? parsed > min && parsed < max : parsed >= min && parsed <= max;
        if (!inRange) {
            report(key, value, "out of range; expected " + expected);
        }
        return parsed;
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && isTopLevel() && value.asText().matches("true|false")) {
            return Boolean.parseBoolean(value.asText());
        }
        report(key, value, "expected true or false");
        return fallback;
    }

    public <E> E choice(String key, Map<String, E> allowed) {
        String text = text(key, "one of " + allowed.keySet());
        if (text.isEmpty()) {
            return allowed.values().iterator().next();
        }
        E chosen = allowed.get(text);
        if (chosen == null) {
            report(key, text, "expected one of " + allowed.keySet());
            return allowed.values().iterator().next();
        }
        return chosen;
    }

    public <E> E choice(String key, Map<String, E> allowed, E fallback) {
        return has(key) ? choice(key, allowed) : markAskedDefault(key, fallback);
    }

    public String matching(String key, String regex, String expected) {
        String text = text(key, expected);
        if (!text.isEmpty() && !text.matches(regex)) {
            report(key, text, "expected " + expected);
            return "";
        }
        return text;
    }

    public Optional<String> optionalMatching(String key, String regex, String expected) {
        return has(key) ? Optional.of(matching(key, regex, expected)) : markAsked(key);
    }

    public List<String> texts(String key, String expected, boolean required) {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            if (required && present) {
                report(key, (String) null, "required; expected a list of " + expected);
            }
            return List.of();
        }
        if (!value.isArray()) {
            report(key, value, "expected a list of " + expected);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                report(key + "[" + i + "]", item, "expected " + expected);
            } else {
                out.add(item.asText());
            }
        }
        return List.copyOf(out);
    }

    public Section section(String key) {
        JsonNode value = raw(key);
        if (missing(key, value, "an object")) {
            return new Section(keyOf(key), MissingNode.getInstance(), problems);
        }
        if (!value.isObject()) {
            report(key, value, "expected an object with keys");
            return new Section(keyOf(key), MissingNode.getInstance(), problems);
        }
        return new Section(keyOf(key), value, problems);
    }

    /** An optional section whose keys all have defaults: absent means "all defaults". */
    public Section sectionOrDefaults(String key) {
        if (has(key)) {
            return section(key);
        }
        asked.add(key);
        return new Section(keyOf(key), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                problems);
    }

    public Optional<Section> optionalSection(String key) {
        return has(key) ? Optional.of(section(key)) : markAsked(key);
    }

    public List<Section> list(String key, boolean required) {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            if (required && present) {
                report(key, (String) null, "required; expected a list of objects");
            }
            return List.of();
        }
        if (!value.isArray()) {
            report(key, value, "expected a list of objects");
            return List.of();
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemKey = keyOf(key) + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(itemKey, shown(item), "expected an object with keys");
            } else {
                out.add(new Section(itemKey, item, problems));
            }
        }
        return out;
    }

    /** An object whose keys are names chosen by the user (services, audiences...), each an object. */
    public Map<String, Section> named(String key, String namePattern, String nameExpected) {
        JsonNode value = raw(key);
        if (missing(key, value, "an object of named entries")) {
            return Map.of();
        }
        if (!value.isObject()) {
            report(key, value, "expected an object of named entries");
            return Map.of();
        }
        Map<String, Section> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String entryKey = keyOf(key) + "." + field.getKey();
            if (!field.getKey().matches(namePattern)) {
                problems.add(entryKey, field.getKey(), "bad name; expected " + nameExpected);
            } else if (!field.getValue().isObject()) {
                problems.add(entryKey, shown(field.getValue()), "expected an object with keys");
            } else {
                out.put(field.getKey(), new Section(entryKey, field.getValue(), problems));
            }
        }
        return out;
    }

    /** A map of plain string values, such as non-secret environment variables. */
    public Map<String, String> stringMap(String key, String keyPattern, String keyExpected) {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            return Map.of();
        }
        if (!value.isObject()) {
            report(key, value, "expected an object of string values");
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(field -> {
            String entryKey = keyOf(key) + "." + field.getKey();
            if (!field.getKey().matches(keyPattern)) {
                problems.add(entryKey, field.getKey(), "bad key; expected " + keyExpected);
            } else if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                problems.add(entryKey, shown(field.getValue()), "expected a string");
            } else {
                out.put(field.getKey(), field.getValue().asText());
            }
        });
        return out;
    }

    public <T> List<T> each(List<Section> sections, Function<Section, T> parser) {
        List<T> out = new ArrayList<>();
        for (Section s : sections) {
            out.add(parser.apply(s));
            s.rejectUnknownKeys();
        }
        return List.copyOf(out);
    }

    /** Reports every key that no accessor asked for, with the nearest known key as a hint. */
    public void rejectUnknownKeys() {
        if (!present || !node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!asked.contains(key)) {
                String hint = KeyHints.nearest(key, asked)
                        .map(k -> "did you mean " + keyOf(k) + "? ")
                        .orElse("");
                problems.add(keyOf(key), shown(node.get(key)),
                        "unknown key; " + hint + "known keys here: " + asked);
            }
        });
    }

    private boolean isTopLevel() {
        return path.endsWith(":");
    }
}
