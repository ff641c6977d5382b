package jp.twozeroseven.infra.newrelic.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders registered inputs as a TypeScript module in which each resource's inputs are an object
 * literal annotated with its @pulumi/newrelic args type. Object literals (not variables) are used
 * on purpose: only literals get TypeScript's excess-property check, which is what catches a
 * misspelled or invented input name.
 */
public final class TypeScriptConformanceSource {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Which lines of the rendered source belong to which resource, for mapping tsc diagnostics back. */
    public record Span(RegisteredResource resource, int firstLine, int lastLine) {}

    public record Rendered(String text, List<Span> spans) {

        public RegisteredResource resourceAtLine(int line) {
            return spans.stream()
                .filter(s -> line >= s.firstLine() && line <= s.lastLine())
                .map(Span::resource)
                .findFirst()
                .orElse(null);
        }
    }

    private TypeScriptConformanceSource() {}

    public static Rendered render(List<RegisteredResource> resources) {
        var text = new StringBuilder("import * as newrelic from \"@pulumi/newrelic\";\n\n");
        var spans = new ArrayList<Span>();
        int line = 3;
        for (int i = 0; i < resources.size(); i++) {
            var resource = resources.get(i);
            // The JSON text is a valid TypeScript object literal; Jackson does the quoting and escaping.
            var literal = toJson(resource);
            var statement = "// " + resource.type() + " " + sanitizeComment(resource.name()) + "\n"
                + "export const r" + i + ": newrelic." + ArgsTypeNames.argsTypeFor(resource.type()) + " = "
                + literal + ";\n";
            int lines = (int) statement.chars().filter(c -> c == '\n').count();
            spans.add(new Span(resource, line, line + lines - 1));
            line += lines;
            text.append(statement);
        }
        return new Rendered(text.toString(), List.copyOf(spans));
    }

    private static String toJson(RegisteredResource resource) {
        try {
            return JSON.writeValueAsString(resource.inputs());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Inputs of " + resource.type() + " '" + resource.name()
                + "' cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String sanitizeComment(String name) {
        return name.replaceAll("[\\r\\n]", " ");
    }
}
