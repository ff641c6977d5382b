package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

/** JSON objects as protobuf Structs, the form the Analyzer protocol carries resource properties in. */
final class ProtoStructs {
    private ProtoStructs() {
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
