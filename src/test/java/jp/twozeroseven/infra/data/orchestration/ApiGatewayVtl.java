package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

import java.io.StringWriter;
import java.util.Locale;

/**
 * Renders a mapping template the way API Gateway does: a real Velocity engine, with {@code $input} and
 * {@code $util} behaving like API Gateway's (documented in "API Gateway mapping template and access logging
 * variable reference"): {@code path} returns the JSON value as an object, {@code json} returns JSON text, and
 * {@code escapeJavaScript} is Apache Commons Lang's JavaScript escaping (quotes, backslash, slash, control and
 * non-ASCII characters).
 */
final class ApiGatewayVtl {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiGatewayVtl() {
    }

    static String render(String template, String requestBody) throws Exception {
        VelocityEngine engine = new VelocityEngine();
        engine.setProperty("runtime.strict_mode.enable", false);
        engine.init();
        VelocityContext context = new VelocityContext();
        context.put("input", new Input(MAPPER.readTree(requestBody)));
        context.put("util", new Util());
        StringWriter out = new StringWriter();
        engine.evaluate(context, out, "mapping-template", template);
        return out.toString();
    }

    /** $input: only the "$" and "$.a.b" paths our templates use. */
    public static final class Input {
        private final JsonNode body;

        Input(JsonNode body) {
            this.body = body;
        }

        public Object path(String jsonPath) {
            JsonNode node = lookup(jsonPath);
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return MAPPER.convertValue(node, Object.class);
        }

        public String json(String jsonPath) {
            JsonNode node = lookup(jsonPath);
            return node == null || node.isMissingNode() ? null : node.toString();
        }

        private JsonNode lookup(String jsonPath) {
            if (!jsonPath.startsWith("$")) {
                throw new IllegalArgumentException("not a JSONPath: " + jsonPath);
            }
            JsonNode node = body;
            for (String part : jsonPath.substring(1).split("\\.")) {
                if (!part.isEmpty()) {
                    node = node.path(part);
                }
            }
            return node;
        }
    }

    /** $util.escapeJavaScript: commons-lang 2 StringEscapeUtils.escapeJavaScript, which API Gateway uses. */
    public static final class Util {
        public String escapeJavaScript(String value) {
            if (value == null) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\'' -> out.append("\\'");
                    case '\\' -> out.append("\\\\");
                    case '/' -> out.append("\\/");
                    case '\b' -> out.append("\\b");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> {
                        if (c < 32 || c > 0x7f) {
                            out.append("\\u").append(String.format(Locale.ROOT, "%04X", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    }
}
