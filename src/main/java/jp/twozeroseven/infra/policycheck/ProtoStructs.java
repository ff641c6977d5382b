package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

/** JSON objects as protobuf Structs, the form the Analyzer protocol carries resource properties in. */
final class ProtoStructs {
    private ProtoStructs() {
    }

    /** How a synth document writes a value that is unknown in a preview (jp.twozeroseven.infra.synth.StructJson). */
    static final String UNKNOWN_MARKER = "[unknown]";
    /**
     * The engine's unknown string sentinel on the wire (pulumi/sdk proto `plugin.UnknownStringValue`; @pulumi/policy
     * proxy.js `unknownStringValue`): the pack sees an unknown exactly as in `pulumi preview`.
     */
    static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /** Resource inputs as the engine sends them in a preview: every unknown marker becomes the unknown sentinel. */
    static Struct ofInputs(JsonNode object) {
        return of(withSentinels(object == null ? null : object.deepCopy()));
    }

    private static JsonNode withSentinels(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(withSentinels(field.getValue())));
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withSentinels(array.get(i)));
            }
        } else if (node != null && node.isTextual() && UNKNOWN_MARKER.equals(node.asText())) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(UNKNOWN_SENTINEL);
        }
        return node;
    }

    static Struct of(JsonNode object) {
        if (object == null || !object.isObject()) {
            return Struct.getDefaultInstance();
        }
        Struct.Builder builder = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(object.toString(), builder);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot convert properties to a protobuf Struct: " + e.getMessage(), e);
        }
        return builder.build();
    }
}
