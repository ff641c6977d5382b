package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import jp.twozeroseven.infra.synth.StructJson;

/**
 * JSON objects as protobuf Structs, the form the Analyzer protocol carries resource properties in. A value the
 * synth marks {@code "[unknown]"} goes over the wire as the engine's unknown sentinel, as the engine's analyzer
 * client marshals properties with {@code KeepUnknowns: true} (pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go),
 * so the pack's SDK sees an unknown, not a string.
 */
final class ProtoStructs {
    private ProtoStructs() {
    }

    /** How a synth document writes a value that is unknown in a preview. */
    static final String UNKNOWN_MARKER = StructJson.UNKNOWN_MARKER;
    /**
     * The engine's unknown string sentinel on the wire (pulumi/sdk proto `plugin.UnknownStringValue`; @pulumi/policy
     * proxy.js `unknownStringValue`): the pack sees an unknown exactly as in `pulumi preview`.
     */
    static final String UNKNOWN_SENTINEL = StructJson.UNKNOWN_SENTINEL;

    /** Resource inputs as the engine sends them in a preview: every unknown marker becomes the unknown sentinel. */
    static Struct ofInputs(JsonNode object) {
        return of(object);
    }

    static Struct of(JsonNode object) {
        if (object == null || !object.isObject()) {
            return Struct.getDefaultInstance();
        }
        Struct.Builder builder = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(withSentinels(object).toString(), builder);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot convert properties to a protobuf Struct: " + e.getMessage(), e);
        }
        return builder.build();
    }

    static JsonNode withSentinels(JsonNode node) {
        if (node.isTextual() && StructJson.UNKNOWN_MARKER.equals(node.asText())) {
            return TextNode.valueOf(StructJson.UNKNOWN_SENTINEL);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), withSentinels(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(withSentinels(item)));
            return copy;
        }
        return node;
    }
}
