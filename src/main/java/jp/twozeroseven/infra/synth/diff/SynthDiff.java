package jp.twozeroseven.infra.synth.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.cli.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What would change from one synth document to another, offline: the review of an infrastructure change
 * before any {@code pulumi preview} runs. Resources are matched by URN (or by an alias the new rendering
 * declares); inputs and engine options are compared property by property, and a change to an input that the
 * provider cannot update in place ({@link ForceNewProperties}) is a replacement.
 */
public final class SynthDiff {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String UNKNOWN = "[unknown]";

    /** What happens to one resource. */
    public enum Kind { ADD, DELETE, UPDATE, REPLACE }

    /**
     * @param paths           changed property paths ({@code inputs.x.y[0]}, {@code options.protect})
     * @param replacingPaths  the paths that force the replacement (empty unless {@code REPLACE})
     */
    public record Change(Kind kind, String urn, String type, List<String> paths, List<String> replacingPaths,
                         boolean protectedResource) {
    }

    private final List<Change> changes;

    private SynthDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public List<Change> changes() {
        return changes;
    }

    public static JsonNode readBase(Path file) {
        try {
            JsonNode doc = JSON.readTree(Files.readString(file));
            if (doc == null || !doc.path("resources").isArray()) {
                throw new UsageException("--diff " + file + ": not a synth document (no \"resources\" array); "
                        + "write one with `synth --stack <name> --json FILE`");
            }
            return doc;
        } catch (IOException e) {
            throw new UsageException("--diff " + file + ": cannot read it (" + e.getMessage() + "); give the JSON "
                    + "file an earlier `synth --json` wrote");
        }
    }

    public static SynthDiff between(JsonNode base, JsonNode current) {
        Map<String, JsonNode> before = byUrn(normalized(base));
        Map<String, JsonNode> after = byUrn(normalized(current));
        TreeSet<String> matchedBase = new TreeSet<>();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : after.entrySet()) {
            JsonNode now = entry.getValue();
            JsonNode then = before.get(entry.getKey());
            if (then == null) {
                for (JsonNode alias : now.path("options").path("aliases")) {
                    if (before.containsKey(alias.asText())) {
                        then = before.get(alias.asText());
                        matchedBase.add(alias.asText());
                        break;
                    }
                }
            } else {
                matchedBase.add(entry.getKey());
            }
            String type = now.path("type").asText();
            if (then == null) {
                changes.add(new Change(Kind.ADD, entry.getKey(), type, List.of(), List.of(), false));
                continue;
            }
            List<String> paths = new ArrayList<>();
            compare("inputs", then.path("inputs"), now.path("inputs"), paths);
            compare("options", then.path("options"), now.path("options"), paths);
            compareText("provider", then.path("provider"), now.path("provider"), paths);
            compareText("parent", then.path("parent"), now.path("parent"), paths);
            paths.remove("options.aliases");
            if (paths.isEmpty()) {
                continue;
            }
            List<String> replacing = paths.stream().filter(p -> p.startsWith("inputs."))
                    .filter(p -> ForceNewProperties.forcesReplacement(type, p.substring("inputs.".length())))
                    .toList();
            boolean protect = then.path("options").path("protect").asBoolean(false)
                    || now.path("options").path("protect").asBoolean(false);
            changes.add(new Change(replacing.isEmpty() ? Kind.UPDATE : Kind.REPLACE, entry.getKey(), type,
                    paths, replacing, protect));
        }
        before.forEach((urn, then) -> {
            if (!matchedBase.contains(urn)) {
                changes.add(new Change(Kind.DELETE, urn, then.path("type").asText(), List.of(), List.of(),
                        then.path("options").path("protect").asBoolean(false)));
            }
        });
        changes.sort((a, b) -> a.urn().compareTo(b.urn()));
        return new SynthDiff(changes);
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** The report: one line per resource, its changed paths below it, and a closing count. */
    public String render() {
        StringBuilder out = new StringBuilder("Changes from the base rendering:\n");
        for (Change c : changes) {
            String sign = switch (c.kind()) {
                case ADD -> "+ ";
                case DELETE -> "- ";
                case UPDATE -> "~ ";
                case REPLACE -> "+-";
            };
            out.append("  ").append(sign).append(' ').append(c.kind().name().toLowerCase()).append(' ')
                    .append(c.urn());
            if (c.protectedResource() && (c.kind() == Kind.REPLACE || c.kind() == Kind.DELETE)) {
                out.append("  [protected: pulumi up would refuse this]");
            } else if (c.kind() == Kind.REPLACE && ForceNewProperties.stateful().contains(c.type())) {
                out.append("  [stateful: its data would be lost]");
            }
            out.append('\n');
            for (String path : c.paths()) {
                out.append("        ").append(path);
                if (c.replacingPaths().contains(path)) {
                    out.append("  (forces replacement)");
                }
                out.append('\n');
            }
        }
        out.append("diff: ").append(count(Kind.ADD)).append(" to add, ").append(count(Kind.UPDATE))
                .append(" to update, ").append(count(Kind.REPLACE)).append(" to replace, ")
                .append(count(Kind.DELETE)).append(" to delete\n");
        return out.toString();
    }

    /**
     * One numeric form for both sides (a document read from a file and one built in memory hold 60 as different
     * node types), and the options whose order means nothing as sorted sets, so neither shows as a change.
     */
    private static JsonNode normalized(JsonNode doc) {
        try {
            JsonNode copy = JSON.readTree(JSON.writeValueAsString(doc));
            for (JsonNode resource : copy.path("resources")) {
                if (resource.path("options") instanceof ObjectNode options) {
                    for (String set : List.of("dependsOn", "ignoreChanges", "aliases")) {
                        if (options.path(set).isArray()) {
                            TreeSet<String> sorted = new TreeSet<>();
                            options.path(set).forEach(v -> sorted.add(v.asText()));
                            ArrayNode array = options.putArray(set);
                            sorted.forEach(array::add);
                        }
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy a synth document", e);
        }
    }

    private static Map<String, JsonNode> byUrn(JsonNode doc) {
        Map<String, JsonNode> out = new TreeMap<>();
        doc.path("resources").forEach(r -> out.put(r.path("urn").asText(), r));
        return out;
    }

    private static void compareText(String path, JsonNode a, JsonNode b, List<String> out) {
        if (!a.equals(b)) {
            out.add(path);
        }
    }

    /** Appends every leaf path where {@code a} and {@code b} differ; JSON held in strings is compared inside. */
    static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isTextual() && b.isTextual()) {
            JsonNode pa = parsed(a.asText());
            JsonNode pb = parsed(b.asText());
            if (pa != null && pb != null) {
                compare(path, pa, pb, out);
                return;
            }
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                compare(path + "." + key, a.path(key), b.path(key), out);
            }
            return;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        out.add(path + (b.isTextual() && UNKNOWN.equals(b.asText()) ? " (unknown until apply)" : ""));
    }

    private static JsonNode parsed(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(t);
            return node != null && node.isContainerNode() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
