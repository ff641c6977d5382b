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
 * request, cut to a maximum length and then JSON-escaped; the body is a Jackson tree whose strings refer to them as
 * {@code ${name}}. Because every value is escaped for a JSON string context and the body is serialised by Jackson,
 * the output is valid JSON for any table name, error or cause, and no field can push a Slack block past its limit.
 */
public final class VtlTemplate {

    /** Appended to a value that was cut, so a reader knows to open the execution for the rest. */
    public static final String TRUNCATION_MARK = " [truncated]";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Field> variables = new LinkedHashMap<>();

    private record Field(String source, int maxChars) {
    }

    /** Declares ${name} = the request string at jsonPath, at most maxChars long, escaped for a JSON string. */
    public VtlTemplate stringField(String name, String jsonPath, int maxChars) {
        return declare(name, "$input.path('" + requirePath(jsonPath) + "')", maxChars);
    }

    /**
     * Declares ${name} = the request field at jsonPath as JSON text (a number stays digits, an array stays an
     * array), at most maxChars long, escaped for a JSON string. Numbers must come through here: {@code $input.path}
     * hands Velocity a number object that {@code $util.escapeJavaScript} does not take.
     */
    public VtlTemplate jsonField(String name, String jsonPath, int maxChars) {
        return declare(name, "$input.json('" + requirePath(jsonPath) + "')", maxChars);
    }

    /** Declares each name as {@link #stringField} of the request's top-level field of that name ({@code $.name}). */
    public VtlTemplate stringFields(int maxChars, String... names) {
        for (String name : names) {
            stringField(name, "$." + name, maxChars);
        }
        return this;
    }

    /** Declares each name as {@link #jsonField} of the request's top-level field of that name ({@code $.name}). */
    public VtlTemplate jsonFields(int maxChars, String... names) {
        for (String name : names) {
            jsonField(name, "$." + name, maxChars);
        }
        return this;
    }

    public List<String> variableNames() {
        return new ArrayList<>(variables.keySet());
    }

    public String render(ObjectNode body) {
        StringBuilder template = new StringBuilder();
        variables.forEach((name, field) -> {
            String text = name + "Text";
            // "$!..." makes a missing field an empty string instead of the literal reference.
            template.append("#set($").append(text).append(" = \"$!").append(field.source().substring(1)).append("\")\n");
            // Cut before escaping, so the cut never splits an escape sequence (\" or \\u3042).
            template.append("#if($").append(text).append(".length() > ").append(field.maxChars()).append(")")
                    .append("#set($").append(text).append(" = \"$").append(text).append(".substring(0, ")
                    .append(field.maxChars()).append(")").append(TRUNCATION_MARK).append("\")#end\n");
            // escapeJavaScript also escapes ' as \' which JSON rejects; undo just that.
            template.append("#set($").append(name).append(" = $util.escapeJavaScript($").append(text)
                    .append(").replaceAll(\"\\\\'\", \"'\"))\n");
        });
        try {
            template.append(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return template.append('\n').toString();
    }

    private VtlTemplate declare(String name, String source, int maxChars) {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("VTL variable name '" + name + "' must be a camelCase identifier");
        }
        if (maxChars < 1 || maxChars > 2500) {
            throw new IllegalArgumentException("VTL variable " + name + ": maximum length " + maxChars
                    + " must be 1..2500 so one value cannot exceed a Slack block's 3000 characters");
        }
        variables.put(name, new Field(source, maxChars));
        return this;
    }

    private static String requirePath(String jsonPath) {
        if (jsonPath == null || !jsonPath.matches("\\$(\\.[A-Za-z][A-Za-z0-9]*)+")) {
            throw new IllegalArgumentException("request path '" + jsonPath + "' must be a plain $.field path");
        }
        return jsonPath;
    }
}
