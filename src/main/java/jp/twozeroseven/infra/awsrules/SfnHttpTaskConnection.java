package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An HTTP Task ({@code arn:aws:states:::http:invoke}) names its EventBridge connection in
 * {@code InvocationConfig.ConnectionArn}, the form the current Step Functions developer guide ("Call HTTPS APIs in
 * Step Functions workflows", the page that since private-API support replaced "Call third-party APIs") documents.
 * CDK's {@code HttpInvoke} (aws-cdk-lib aws-stepfunctions-tasks/lib/http/invoke.ts, {@code _renderTask}) still
 * renders the older {@code Authentication.ConnectionArn}. One task carrying both, or neither, is what this rule
 * refuses: the connection is where the API key lives, and a task without it calls New Relic unauthenticated. The
 * connection must also be one the stack creates, so the definition waits for it.
 */
public final class SfnHttpTaskConnection extends AwsRule {

    static final String HTTP_INVOKE = "arn:aws:states:::http:invoke";
    static final String CONNECTION_TYPE = "aws:cloudwatch/eventConnection:EventConnection";

    public SfnHttpTaskConnection() {
        super("sfn-http-task-invocation-config",
                "An HTTP Task requires an EventBridge connection; its ARN goes in the task's "
                        + "InvocationConfig.ConnectionArn (the current form; Authentication.ConnectionArn is the "
                        + "older one).",
                "https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html "
                        + "(HTTP Task definition, HTTP Task fields)");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> connections = stack.ofType(CONNECTION_TYPE).stream().map(SynthesizedResource::urn).toList();
        return each(stack.ofType("aws:sfn/stateMachine:StateMachine"), (machine, problem) -> {
            JsonNode definition = Json.parse(machine.inputs().path("definition"));
            List<String> httpStates = new ArrayList<>();
            collect(definition.path("States"), httpStates, problem);
            boolean waits = machine.propertyDependencies().getOrDefault("definition", List.of()).stream()
                    .anyMatch(connections::contains);
            if (!httpStates.isEmpty() && !waits) {
                problem.accept("HTTP task(s) " + httpStates + " name a connection the definition does not depend on "
                        + "(no " + CONNECTION_TYPE + ")");
            }
        });
    }

    /** Every http:invoke Task below {@code states} (Map and Parallel included), with what is wrong with each. */
    static void collect(JsonNode states, List<String> httpStates, Consumer<String> problem) {
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode state = entry.getValue();
            if (state.path("ItemProcessor").has("States")) {
                collect(state.path("ItemProcessor").path("States"), httpStates, problem);
            }
            if (state.path("Iterator").has("States")) {
                collect(state.path("Iterator").path("States"), httpStates, problem);
            }
            state.path("Branches").forEach(b -> collect(b.path("States"), httpStates, problem));
            if (!"Task".equals(state.path("Type").asText()) || !HTTP_INVOKE.equals(state.path("Resource").asText())) {
                continue;
            }
            httpStates.add(entry.getKey());
            JsonNode args = state.has("Arguments") ? state.path("Arguments") : state.path("Parameters");
            String wrong = problem(args);
            if (wrong != null) {
                problem.accept("state " + entry.getKey() + " " + wrong);
            }
        }
    }

    /** What is wrong with one HTTP Task's parameters, or null. */
    static String problem(JsonNode args) {
        if (args.has("Authentication")) {
            return "uses Authentication.ConnectionArn; put the connection in InvocationConfig.ConnectionArn";
        }
        JsonNode arn = args.path("InvocationConfig").path("ConnectionArn");
        JsonNode dynamic = args.path("InvocationConfig").path("ConnectionArn.$");
        if (!arn.isTextual() && !dynamic.isTextual()) {
            return "has no InvocationConfig.ConnectionArn (an HTTP Task requires an EventBridge connection)";
        }
        if (arn.isTextual() && !arn.asText().contains(":connection/")) {
            return "InvocationConfig.ConnectionArn " + arn.asText() + " is not an EventBridge connection ARN";
        }
        return null;
    }
}
