package jp.twozeroseven.infra.newrelic.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One New Relic resource (or invoke) as the engine received it: its type token, its name and its
 * inputs. Secrets are expected as the string "[secret]", exactly as the synth JSON writes them.
 */
public record RegisteredResource(String type, String name, JsonNode inputs) {

    public RegisteredResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputs, "inputs");
        if (!inputs.isObject()) {
            throw new IllegalArgumentException("inputs of " + type + " '" + name + "' must be a JSON object, got: " + inputs);
        }
    }

    /** True for the types this checker understands: newrelic:* resources/invokes and the newrelic provider. */
    public static boolean isNewRelic(String type) {
        return type.startsWith("newrelic:") || type.equals(ArgsTypeNames.PROVIDER_TYPE);
    }

    /**
     * The New Relic resources of a synth JSON document (see docs/synth-json.md); other packages are skipped.
     */
    public static List<RegisteredResource> fromSynthJson(JsonNode document) {
        var resources = document.path("resources");
        if (!resources.isArray()) {
            throw new IllegalArgumentException("synth JSON has no \"resources\" array; expected the document written by "
                + "`java -jar target/infra.jar synth --stack <name> --json FILE`.");
        }
        var result = new ArrayList<RegisteredResource>();
        for (var resource : resources) {
            var type = resource.path("type").asText("");
            if (isNewRelic(type)) {
                result.add(new RegisteredResource(type, resource.path("name").asText(""), resource.path("inputs")));
            }
        }
        return result;
    }
}
