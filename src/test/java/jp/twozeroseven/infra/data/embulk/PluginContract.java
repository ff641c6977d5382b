package jp.twozeroseven.infra.data.embulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGProperty;

/**
 * Checks an Embulk config against the pinned task interfaces of its plugins (src/test/resources/embulk/
 * plugin-contracts.json, each key with the source line of its {@code @Config}). Unknown keys, wrong JSON types and
 * values outside an enumeration are problems; so are the cross-key rules the plugins enforce at load time (cited
 * where they are checked). The JDBC properties in {@code in.options} are checked against the image's pgjdbc itself.
 */
final class PluginContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Embulk's own top-level sections (embulk-core v0.9.23 BulkLoader: in, out, filters, exec). */
    private static final Set<String> TOP_LEVEL = Set.of("in", "out", "filters", "exec");

    private final JsonNode contracts;

    private PluginContract(JsonNode contracts) {
        this.contracts = contracts;
    }

    static PluginContract pinned() {
        try (InputStream in = PluginContract.class.getResourceAsStream("/embulk/plugin-contracts.json")) {
            return new PluginContract(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode plugin(String name) {
        return contracts.get(name);
    }

    /** Every problem of one config, each naming its path; empty when the plugins accept it. */
    List<String> problems(JsonNode config) {
        List<String> problems = new ArrayList<>();
        config.fieldNames().forEachRemaining(k -> {
            if (!TOP_LEVEL.contains(k)) {
                problems.add(k + ": not an Embulk section (in, out, filters, exec)");
            }
        });
        section(config.get("in"), "in", "embulk-input-postgresql", problems);
        JsonNode filters = config.get("filters");
        if (filters != null) {
            if (!filters.isArray()) {
                problems.add("filters: expected a list of filter sections");
            } else {
                for (int i = 0; i < filters.size(); i++) {
                    section(filters.get(i), "filters[" + i + "]", "remove_columns", problems);
                }
            }
        }
        section(config.get("out"), "out", "embulk-output-s3_parquet", problems);
        if (problems.isEmpty()) {
            crossRules(config, problems);
        }
        return problems;
    }

    private void section(JsonNode node, String path, String pluginName, List<String> problems) {
        JsonNode plugin = contracts.get(pluginName);
        if (node == null || !node.isObject()) {
            problems.add(path + ": missing");
            return;
        }
        String type = node.path("type").asText();
        if (!type.equals(plugin.get("pluginType").asText())) {
            problems.add(path + ".type: '" + type + "' is not a plugin of the image (expected "
                    + plugin.get("pluginType").asText() + ")");
            return;
        }
        object(node, path, plugin.get("keys"), plugin.get("objects"), problems);
        if (pluginName.equals("embulk-input-postgresql") && node.has("options")) {
            jdbcProperties(node.get("options"), path + ".options", problems);
        }
    }

    private void object(JsonNode node, String path, JsonNode keys, JsonNode objects, List<String> problems) {
        node.fieldNames().forEachRemaining(k -> {
            if (!keys.has(k)) {
                problems.add(path + "." + k + ": unknown key (not a @Config of the pinned plugin; it would be ignored)");
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path + "." + e.getKey();
            JsonNode spec = e.getValue();
            JsonNode value = node.get(e.getKey());
            if (value == null || value.isNull()) {
                if (spec.path("required").asBoolean(false)) {
                    problems.add(key + ": required (" + spec.get("source").asText() + ")");
                }
                continue;
            }
            value(value, key, spec, objects, problems);
        }
    }

    private void value(JsonNode value, String key, JsonNode spec, JsonNode objects, List<String> problems) {
        String type = spec.get("type").asText();
        boolean ok = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "string-list" -> value.isArray() && allMatch(value, JsonNode::isTextual);
            case "json-list" -> value.isArray();
            case "string-map" -> value.isObject() && allMatch(value, JsonNode::isValueNode);
            case "object", "map" -> value.isObject();
            default -> throw new IllegalStateException("contract type " + type);
        };
        if (!ok) {
            problems.add(key + ": expected " + type + ", got " + value.getNodeType().name().toLowerCase() + " " + value
                    + " (" + spec.get("source").asText() + ")");
            return;
        }
        if (spec.has("allowed")) {
            Set<String> allowed = new TreeSet<>();
            spec.get("allowed").forEach(a -> allowed.add(a.asText()));
            if (!allowed.contains(value.asText())) {
                problems.add(key + ": '" + value.asText() + "' is not one of " + allowed + " (" + spec.get("source").asText() + ")");
            }
        }
        if (type.equals("object")) {
            object(value, key, objects.get(spec.get("values").asText()), objects, problems);
        }
        if (type.equals("map")) {
            JsonNode allowedKeys = spec.get("allowedKeys");
            value.fields().forEachRemaining(entry -> {
                if (allowedKeys != null && !contains(allowedKeys, entry.getKey())) {
                    problems.add(key + "." + entry.getKey() + ": not one of " + allowedKeys);
                }
                if (!entry.getValue().isObject()) {
                    problems.add(key + "." + entry.getKey() + ": expected an object");
                } else {
                    object(entry.getValue(), key + "." + entry.getKey(), objects.get(spec.get("values").asText()), objects,
                            problems);
                }
            });
        }
    }

    /** pgjdbc's own property table (the driver version of the image, PGProperty) decides what 'options' may hold. */
    private static void jdbcProperties(JsonNode options, String path, List<String> problems) {
        options.fields().forEachRemaining(e -> {
            PGProperty property = PGProperty.forName(e.getKey());
            if (property == null) {
                problems.add(path + "." + e.getKey() + ": not a pgjdbc connection property");
            } else if (property.getChoices() != null && property.getChoices().length > 0
                    && !List.of(property.getChoices()).contains(e.getValue().asText())) {
                problems.add(path + "." + e.getKey() + ": '" + e.getValue().asText() + "' is not one of "
                        + List.of(property.getChoices()));
            }
        });
    }

    private void crossRules(JsonNode config, List<String> problems) {
        JsonNode in = config.get("in");
        // AbstractJdbcInputPlugin.java (v0.11.1) 370-395: query excludes table/select/where/order_by.
        if (in.has("query") == in.has("table")) {
            problems.add("in: exactly one of 'query' and 'table' (AbstractJdbcInputPlugin.java:370-395)");
        }
        if (in.has("query") && (in.has("select") || in.has("where") || in.has("order_by"))) {
            problems.add("in: 'select', 'where' and 'order_by' are refused with 'query' (AbstractJdbcInputPlugin.java:371-373)");
        }
        boolean incremental = in.path("incremental").asBoolean(false);
        // 198-207: order_by is refused with incremental; incremental_columns need incremental.
        if (incremental && in.has("order_by")) {
            problems.add("in.order_by: refused with incremental (AbstractJdbcInputPlugin.java:198-202)");
        }
        if (!incremental && in.path("incremental_columns").size() > 0) {
            problems.add("in.incremental_columns: needs 'incremental: true' (AbstractJdbcInputPlugin.java:204-206)");
        }
        if (in.path("use_raw_query_with_incremental").asBoolean(false)) {
            // 374-386: every :column in the query, last_record present and of the same size.
            for (JsonNode column : in.path("incremental_columns")) {
                if (!in.path("query").asText().contains(":" + column.asText())) {
                    problems.add("in.query: has no ':" + column.asText() + "' placeholder (AbstractJdbcInputPlugin.java:376-379)");
                }
            }
            if (!in.has("last_record") || in.get("last_record").size() != in.path("incremental_columns").size()) {
                problems.add("in.last_record: required, one value per incremental column (AbstractJdbcInputPlugin.java:381-386)");
            }
        }
        if (incremental && in.path("incremental_columns").isEmpty() && in.has("query")) {
            problems.add("in.incremental_columns: required with a custom query (AbstractJdbcInputPlugin.java:263-267)");
        }
        JsonNode filters = config.path("filters");
        for (int i = 0; i < filters.size(); i++) {
            JsonNode f = filters.get(i);
            // RemoveColumnsFilterPlugin.java:60-65: exactly one of remove and keep.
            if (f.has("remove") == f.has("keep")) {
                problems.add("filters[" + i + "]: exactly one of 'remove' and 'keep' (RemoveColumnsFilterPlugin.java:60-65)");
            }
        }
        JsonNode out = config.get("out");
        // PluginTask.scala:79-87: sequence_format must format (task index, sequence).
        try {
            String.format(out.path("sequence_format").asText("%03d.%02d."), 0, 0);
        } catch (java.util.IllegalFormatException e) {
            problems.add("out.sequence_format: does not format (task, sequence): " + e.getMessage());
        }
    }

    private static boolean allMatch(JsonNode node, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode n : node) {
            if (!p.test(n)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode n : array) {
            if (n.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
