package jp.twozeroseven.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** One resource exactly as the program registered it with the engine (see docs/synth-json.md). */
public record SynthesizedResource(String urn, String type, String name, boolean custom, String parent,
                                  String provider, JsonNode inputs, List<String> dependencies,
                                  Map<String, List<String>> propertyDependencies, ResourceOptions options) {

    /** The engine-visible options that decide what happens to real infrastructure on update or delete. */
    public record ResourceOptions(boolean protect, boolean retainOnDelete, List<String> ignoreChanges,
                                  List<String> dependsOn, boolean deleteBeforeReplace, List<String> aliases) {
    }

    /** The shape documented in docs/synth-json.md. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("urn", urn);
        o.put("type", type);
        o.put("name", name);
        o.put("custom", custom);
        o.put("parent", parent);
        o.put("provider", provider);
        o.set("inputs", inputs);
        o.set("dependencies", f.arrayNode().addAll(dependencies.stream().map(f::textNode).toList()));
        ObjectNode deps = o.putObject("propertyDependencies");
        propertyDependencies.forEach((k, v) -> deps.set(k, f.arrayNode().addAll(v.stream().map(f::textNode).toList())));
        ObjectNode opts = o.putObject("options");
        opts.put("protect", options.protect());
        opts.put("retainOnDelete", options.retainOnDelete());
        opts.set("ignoreChanges", f.arrayNode().addAll(options.ignoreChanges().stream().map(f::textNode).toList()));
        opts.set("dependsOn", f.arrayNode().addAll(options.dependsOn().stream().map(f::textNode).toList()));
        opts.put("deleteBeforeReplace", options.deleteBeforeReplace());
        opts.set("aliases", f.arrayNode().addAll(options.aliases().stream().map(f::textNode).toList()));
        return o;
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    public boolean isStack() {
        return "pulumi:pulumi:Stack".equals(type);
    }
}
