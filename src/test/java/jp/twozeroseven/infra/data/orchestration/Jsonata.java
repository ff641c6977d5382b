package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates a Step Functions JSONata expression with the jsonata package that asl-validator pins (the same
 * library Step Functions runs), binding {@code $states} as Step Functions does: input and context.
 */
final class Jsonata {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCRIPT = """
            const jsonata = require('jsonata');
            const args = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            jsonata(args.expression).evaluate({}, {states: args.states})
              .then(r => process.stdout.write(JSON.stringify({ok: true, value: r === undefined ? null : r})))
              .catch(e => process.stdout.write(JSON.stringify({ok: false, error: e.message || String(e)})));
            """;

    private static final String BATCH_SCRIPT = """
            const jsonata = require('jsonata');
            const args = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            const compiled = jsonata(args.expression);
            (async () => {
              const out = [];
              for (const states of args.states) {
                try {
                  const r = await compiled.evaluate({}, {states});
                  out.push({ok: true, value: r === undefined ? null : r});
                } catch (e) {
                  out.push({ok: false, error: e.message || String(e)});
                }
              }
              process.stdout.write(JSON.stringify(out));
            })();
            """;

    record Result(boolean ok, JsonNode value, String error) {
    }

    private Jsonata() {
    }

    /** One expression over many {@code $states} bindings in one node process (hundreds of checks in a model run). */
    static List<Result> evaluateAll(String expression, List<? extends JsonNode> statesList) throws Exception {
        ObjectNode args = MAPPER.createObjectNode();
        args.put("expression", bare(expression));
        statesList.forEach(args.putArray("states")::add);
        JsonNode results = MAPPER.readTree(run(BATCH_SCRIPT, args));
        List<Result> out = new java.util.ArrayList<>();
        results.forEach(r -> out.add(new Result(r.path("ok").asBoolean(), r.path("value"), r.path("error").asText(null))));
        return out;
    }

    /** expression may be wrapped in {% %} as in a definition. */
    static Result evaluate(String expression, JsonNode input, String executionStartTime) throws Exception {
        ObjectNode states = MAPPER.createObjectNode();
        states.set("input", input);
        states.putObject("context").putObject("Execution").put("StartTime", executionStartTime);
        return evaluate(expression, states);
    }

    /**
     * With the whole {@code $states} binding: input, context (Execution.Id/Name/StartTime, StateMachine.Id), and
     * for a Task's Output the {@code result}, as Step Functions binds them (developer guide, "Transforming data
     * with JSONata in Step Functions").
     */
    static Result evaluate(String expression, JsonNode states) throws Exception {
        ObjectNode args = MAPPER.createObjectNode();
        args.put("expression", bare(expression));
        args.set("states", states);
        String out = run(SCRIPT, args);
        JsonNode result = MAPPER.readTree(out);
        return new Result(result.path("ok").asBoolean(), result.path("value"), result.path("error").asText(null));
    }

    private static String bare(String expression) {
        String bare = expression.strip();
        if (bare.startsWith("{%") && bare.endsWith("%}")) {
            bare = bare.substring(2, bare.length() - 2).strip();
        }
        return bare;
    }

    private static String run(String script, JsonNode args) throws Exception {
        Path dir = AslValidator.toolDirectory();
        if (!Files.isDirectory(dir.resolve("node_modules/jsonata"))) {
            throw new AssertionError("jsonata is not installed; run: cd tools/asl-validator && npm ci");
        }
        Process process = new ProcessBuilder(List.of("node", "-e", script)).directory(dir.toFile()).start();
        process.getOutputStream().write(MAPPER.writeValueAsBytes(args));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not finish in 60 s");
        }
        if (out.isBlank()) {
            throw new AssertionError("node failed: " + err);
        }
        return out;
    }
}
