package jp.twozeroseven.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A stack as the engine would receive it: its resources in a stable order, and its outputs. */
public record SynthResult(String project, String stack, SynthMode mode, List<SynthesizedResource> resources,
                          JsonNode outputs) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Map<String, Long> countsByType() {
        return resources.stream().collect(Collectors.groupingBy(SynthesizedResource::type, TreeMap::new,
                Collectors.counting()));
    }

    public List<SynthesizedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Resources of {@code type} somewhere below a component of {@code componentType}, judged by the URN chain. */
    public List<SynthesizedResource> ofType(String type, String componentType) {
        return ofType(type).stream().filter(r -> r.urn().contains("::" + componentType + "$")
                || r.urn().contains("$" + componentType + "$")).toList();
    }

    public Optional<SynthesizedResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    public ObjectNode toJson() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("project", project);
        doc.put("stack", stack);
        if (mode == SynthMode.PREVIEW) {
            doc.put("preview", true);
        }
        ArrayNode list = doc.putArray("resources");
        resources.forEach(r -> list.add(r.toJson()));
        doc.set("outputs", outputs);
        return doc;
    }

    public String toJsonText() {
        try {
            return JSON.writeValueAsString(toJson());
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the synth document", e);
        }
    }
}
