package jp.twozeroseven.infra.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** IAM's "a string or a list of strings" fields (Action, Resource, condition values) read as one list. */
public final class JsonTexts {
    private JsonTexts() {
    }

    public static List<String> of(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
