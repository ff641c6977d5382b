package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny builder for API Gateway mapping templates (Velocity). Variables are declared with {@code #set} from the
 * request, JSON-escaped; the body is a Jackson tree whose strings refer to them as {@code ${name}}. Because every
 * value is escaped for a JSON string context and the body is serialised by Jackson, the output is valid JSON for
 * any table name, error or cause.
 */
public final class VtlTemplate {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, String> variables = new LinkedHashMap<>();

    /** Declares ${name} = the request field at jsonPath, escaped for use inside a JSON string. */
    public VtlTemplate stringField(String name, String jsonPath) {
        requireName(name);
        // escapeJavaScript also escapes ' as \' which JSON rejects; undo just that.
        variables.put(name, "$util.escapeJavaScript($input.path('" + jsonPath + "')).replaceAll(\"\\\\'\", \"'\")");
        return this;
    }

    /** Declares ${name} = the request field at jsonPath rendered as JSON text, escaped for a JSON string. */
    public VtlTemplate jsonField(String name, String jsonPath) {
        requireName(name);
        variables.put(name, "$util.escapeJavaScript($input.json('" + jsonPath + "')).replaceAll(\"\\\\'\", \"'\")");
        return this;
    }

    public List<String> variableNames() {
        return new ArrayList<>(variables.keySet());
    }

    public String render(ObjectNode body) {
        StringBuilder template = new StringBuilder();
        variables.forEach((name, expression) -> template.append("#set($").append(name).append(" = ").append(expression).append(")\n"));
        try {
            template.append(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return template.append('\n').toString();
    }

    private static void requireName(String name) {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("VTL variable name '" + name + "' must be a camelCase identifier");
        }
    }
}
