package jp.twozeroseven.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.Map;
import java.util.TreeMap;

/**
 * Converts the protobuf values the SDK sends to the engine into plain JSON, replacing every secret with a marker
 * so that no secret can reach a synth file or a terminal.
 */
public final class StructJson {

    static final String SECRET_MARKER = "[secret]";
    /** How the JSON marks a value the engine does not know yet; the policy check sends it back as the sentinel. */
    public static final String UNKNOWN_MARKER = "[unknown]";
    /** The engine's unknown sentinel (pulumi/sdk/go/common/resource/plugin/rpc.go, UnknownStringValue). */
    public static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StructJson() {
    }

    static ObjectNode toJson(Struct struct) {
        ObjectNode out = NODES.objectNode();
        new TreeMap<>(struct.getFieldsMap()).forEach((k, v) -> out.set(k, toJson(v)));
        return out;
    }

    static JsonNode toJson(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
            case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> UNKNOWN_SENTINEL.equals(value.getStringValue())
                    ? NODES.textNode(UNKNOWN_MARKER) : NODES.textNode(value.getStringValue());
            case LIST_VALUE -> {
                ArrayNode list = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(v -> list.add(toJson(v)));
                yield list;
            }
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static JsonNode special(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value sig = fields.get(SIG_KEY);
        if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
            return NODES.textNode(SECRET_MARKER);
        }
        if (sig != null && RESOURCE_SIG.equals(sig.getStringValue()) && fields.containsKey("urn")) {
            return NODES.textNode(fields.get("urn").getStringValue());
        }
        return toJson(struct);
    }

    private static JsonNode number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(d);
    }
}
