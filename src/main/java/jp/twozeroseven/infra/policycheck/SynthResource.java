package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One resource of the synth JSON document (docs/synth-json.md). */
record SynthResource(String urn, String type, String name, boolean custom, String parent, String provider,
                     ObjectNode inputs, List<String> dependencies, Map<String, List<String>> propertyDependencies,
                     JsonNode options) {

    static final String PROVIDER_TYPE_PREFIX = "pulumi:providers:";

    static List<SynthResource> allOf(JsonNode document) {
        JsonNode resources = document.path("resources");
        if (!resources.isArray()) {
            throw new IllegalArgumentException("synth document has no \"resources\" array; regenerate it with "
                    + "`java -jar target/infra.jar synth --stack <name> --json FILE`");
        }
        List<SynthResource> result = new ArrayList<>();
        for (JsonNode node : resources) {
            result.add(of(node));
        }
        return result;
    }

    static SynthResource of(JsonNode node) {
        String urn = required(node, "urn");
        JsonNode inputs = node.path("inputs");
        return new SynthResource(urn, required(node, "type"), node.path("name").asText(nameOfUrn(urn)),
                node.path("custom").asBoolean(true), textOrNull(node, "parent"), textOrNull(node, "provider"),
                inputs.isObject() ? (ObjectNode) inputs : JsonNodeFactory.instance.objectNode(),
                strings(node.path("dependencies")), propertyDependencies(node.path("propertyDependencies")),
                node.path("options"));
    }

    boolean isProvider() {
        return type.startsWith(PROVIDER_TYPE_PREFIX);
    }

    /** The engine's provider reference is `<provider urn>::<provider id>`. */
    static String providerUrnOf(String providerReference) {
        int separator = providerReference.lastIndexOf("::");
        return separator < 0 ? providerReference : providerReference.substring(0, separator);
    }

    static String nameOfUrn(String urn) {
        int separator = urn.lastIndexOf("::");
        return separator < 0 ? urn : urn.substring(separator + 2);
    }

    static String typeOfUrn(String urn) {
        String[] parts = urn.split("::");
        if (parts.length < 4) {
            return "";
        }
        String chain = parts[2];
        return chain.substring(chain.lastIndexOf('$') + 1);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("synth document resource " + node.path("urn").asText("<no urn>")
                    + " has no \"" + field + "\"; every resource needs urn and type (see docs/synth-json.md)");
        }
        return value.asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(item -> result.add(item.asText()));
        return result;
    }

    private static Map<String, List<String>> propertyDependencies(JsonNode object) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> result.put(e.getKey(), strings(e.getValue())));
        return result;
    }
}
