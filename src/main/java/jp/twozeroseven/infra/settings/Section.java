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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A typed, validating view of one object in the stack config.
 *
 * <p>Every accessor records a problem instead of throwing, and returns a harmless default, so that one run
 * reports every mistake. Keys that no accessor asked for are reported by {@link #rejectUnknownKeys()}: a typo
 * must never be silently ignored.
 *
 * <p>Every accessor also tells a {@link KeyRead} recorder which key it read, as a path pattern such as
 * {@code services.<name>.cpu}, with the kind of value and the default it fell back to: the reference page of the
 * stack config (docs/stack-config.md, from {@link StackConfigKeys}) is checked against those reads.
 */
public final class Section {

    private final String path;
    private final String pattern;
    private final JsonNode node;
    private final Problems problems;
    private final Consumer<KeyRead> reads;
    private final Set<String> asked = new LinkedHashSet<>();
    private final boolean present;

    private Section(String path, String pattern, JsonNode node, Problems problems, Consumer<KeyRead> reads) {
        this.path = path;
        this.pattern = pattern;
        this.node = node;
        this.problems = problems;
        this.reads = reads;
        this.present = node != null && !node.isMissingNode() && !node.isNull();
    }

    /** A section that reports its reads to no recorder; its pattern is its path below the namespace. */
    Section(String path, JsonNode node, Problems problems) {
        this(path, path.contains(":") ? path.substring(path.indexOf(':') + 1) : path, node, problems, read -> { });
    }

    public static Section root(String project, JsonNode node, Problems problems) {
        return root(project, node, problems, read -> { });
    }

    static Section root(String project, JsonNode node, Problems problems, Consumer<KeyRead> reads) {
        return new Section(project + ":", "", node, problems, reads);
    }

    private Section child(String key, String suffix, JsonNode value) {
        return new Section(keyOf(key) + suffix, patternOf(key) + suffix, value, problems, reads);
    }

    public String keyOf(String key) {
        return path.endsWith(":") ? path + key : path + "." + key;
    }

    /** The key as the reference page names it: named entries are {@code <name>}, list items {@code []}. */
    String patternOf(String key) {
        return pattern.isEmpty() ? key : pattern + "." + key;
    }

    /** Tells the recorder that {@code key} is read as {@code kind}; {@code fallback} is used when it is absent. */
    private void note(String key, KeyRead.Kind kind, String fallback) {
        boolean set = has(key);
        reads.accept(new KeyRead(patternOf(key), kind, set, set ? null : fallback));
    }

    /**
     * Marks a key as known without reading it, so that a typo near it gets the right hint. For keys whose absence
     * the parser reports itself (one of two alternatives, a required number checked by hand).
     */
    public void markKnown(String key) {
        asked.add(key);
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

    /** Whether {@code key} is written as a list with no items ({@code []}). */
    public boolean isEmptyList(String key) {
        return has(key) && node.get(key).isArray() && node.get(key).isEmpty();
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
        note(key, KeyRead.Kind.TEXT, null);
        return textValue(key, expected);
    }

    /** Text with a default for when the key is absent. */
    public String text(String key, String expected, String fallback) {
        note(key, KeyRead.Kind.TEXT, fallback);
        return has(key) ? textValue(key, expected) : markAskedDefault(key, fallback);
    }

    private String textValue(String key, String expected) {
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
        note(key, KeyRead.Kind.TEXT, null);
        return has(key) ? Optional.of(textValue(key, expected)) : markAsked(key);
    }

    private <T> Optional<T> markAsked(String key) {
        asked.add(key);
        return Optional.empty();
    }

    /** Whole numbers; text such as "3" is accepted only at the top level, where the CLI passes strings. */
    public int integer(String key, int min, int max) {
        note(key, KeyRead.Kind.WHOLE_NUMBER, null);
        return integerValue(key, min, max);
    }

    private int integerValue(String key, int min, int max) {
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
        note(key, KeyRead.Kind.WHOLE_NUMBER, String.valueOf(fallback));
        return has(key) ? integerValue(key, min, max) : markAskedDefault(key, fallback);
    }

    private <T> T markAskedDefault(String key, T fallback) {
        asked.add(key);
        return fallback;
    }

    public double number(String key, double min, double max, boolean exclusiveBounds) {
        note(key, KeyRead.Kind.NUMBER, null);
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
        note(key, KeyRead.Kind.BOOLEAN, String.valueOf(fallback));
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
        note(key, KeyRead.Kind.CHOICE, null);
        return choiceValue(key, allowed);
    }

    /**
     * The choice {@code key} names. The choices are listed, and a wrong or missing value falls back to the first,
     * in the map's own order, which must be fixed ({@link #choices}, a LinkedHashMap or a SortedMap): a
     * {@code Map.of} iterates in an order that changes between JVMs, and so would the messages of a bad stack file.
     */
    private <E> E choiceValue(String key, Map<String, E> allowed) {
        if (!(allowed instanceof java.util.LinkedHashMap || allowed instanceof java.util.SortedMap)) {
            throw new IllegalArgumentException("the choices of " + key + " need a fixed order; use Section.choices");
        }
        String text = textValue(key, "one of " + allowed.keySet());
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

    /** The choices of a key in the order written: {@code choices(Map.entry("arm64", ARM64), ...)}. */
    @SafeVarargs
    public static <E> Map<String, E> choices(Map.Entry<String, E>... entries) {
        Map<String, E> ordered = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, E> entry : entries) {
            if (ordered.put(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalArgumentException("choice " + entry.getKey() + " is listed twice");
            }
        }
        return ordered;
    }

    /** Whether {@code key} is written as one of {@code allowed} (without reading it or reporting anything). */
    public boolean isOneOf(String key, java.util.Collection<String> allowed) {
        return has(key) && node.get(key).isTextual() && allowed.contains(node.get(key).asText());
    }

    /** {@code key}'s value as written, for a message that refuses the key whatever its value; marks it read. */
    public String written(String key) {
        JsonNode value = raw(key);
        return value.isTextual() ? value.asText() : value.toString();
    }

    public <E> E choice(String key, Map<String, E> allowed, E fallback) {
        String shown = allowed.entrySet().stream().filter(e -> e.getValue().equals(fallback)).map(Map.Entry::getKey)
                .findFirst().orElse(String.valueOf(fallback));
        note(key, KeyRead.Kind.CHOICE, shown);
        return has(key) ? choiceValue(key, allowed) : markAskedDefault(key, fallback);
    }

    public String matching(String key, String regex, String expected) {
        note(key, KeyRead.Kind.TEXT, null);
        return matchingValue(key, regex, expected);
    }

    private String matchingValue(String key, String regex, String expected) {
        String text = textValue(key, expected);
        if (!text.isEmpty() && !text.matches(regex)) {
            report(key, text, "expected " + expected);
            return "";
        }
        return text;
    }

    public Optional<String> optionalMatching(String key, String regex, String expected) {
        note(key, KeyRead.Kind.TEXT, null);
        return has(key) ? Optional.of(matchingValue(key, regex, expected)) : markAsked(key);
    }

    public List<String> texts(String key, String expected, boolean required) {
        note(key, KeyRead.Kind.TEXT_LIST, null);
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
        note(key, KeyRead.Kind.OBJECT, null);
        return sectionValue(key);
    }

    private Section sectionValue(String key) {
        JsonNode value = raw(key);
        if (missing(key, value, "an object")) {
            return child(key, "", MissingNode.getInstance());
        }
        if (!value.isObject()) {
            report(key, value, "expected an object with keys");
            return child(key, "", MissingNode.getInstance());
        }
        return child(key, "", value);
    }

    /** An optional section whose keys all have defaults: absent means "all defaults". */
    public Section sectionOrDefaults(String key) {
        note(key, KeyRead.Kind.OBJECT, null);
        if (has(key)) {
            return sectionValue(key);
        }
        asked.add(key);
        return child(key, "", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    public Optional<Section> optionalSection(String key) {
        note(key, KeyRead.Kind.OBJECT, null);
        return has(key) ? Optional.of(sectionValue(key)) : markAsked(key);
    }

    public List<Section> list(String key, boolean required) {
        note(key, KeyRead.Kind.OBJECT_LIST, null);
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
                out.add(new Section(itemKey, patternOf(key) + "[]", item, problems, reads));
            }
        }
        return out;
    }

    /** An object whose keys are names chosen by the user (services, audiences...), each an object. */
    public Map<String, Section> named(String key, String namePattern, String nameExpected) {
        note(key, KeyRead.Kind.NAMED_OBJECTS, null);
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
                out.put(field.getKey(), new Section(entryKey, patternOf(key) + "." + KeyRead.NAME, field.getValue(),
                        problems, reads));
            }
        }
        return out;
    }

    /** A map of plain string values, such as non-secret environment variables. */
    public Map<String, String> stringMap(String key, String keyPattern, String keyExpected) {
        note(key, KeyRead.Kind.STRING_MAP, null);
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
