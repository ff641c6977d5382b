package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The state shapes and error handlers (Amazon States Language) that the pipeline's definitions share. Every state is
 * a Jackson tree whose fields keep the order they are put in, so each helper puts its fields where the rendered
 * definition has them.
 */
final class AslStates {
    /**
     * The errors after which an HTTP task to New Relic may succeed on a retry, as the HTTP task names them
     * ({@code States.Http.StatusCode.<code>}, {@code States.Http.Socket}): request timeout, throttling, the 5xx of a
     * service that is recovering, a dropped socket, and the task's own timeout.
     */
    static final List<String> HTTP_TRANSIENT = List.of("States.Http.StatusCode.408", "States.Http.StatusCode.429",
            "States.Http.StatusCode.500", "States.Http.StatusCode.502", "States.Http.StatusCode.503",
            "States.Http.StatusCode.504", "States.Http.Socket", "States.Timeout");
    private static final String HTTP_INVOKE = "arn:aws:states:::http:invoke";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AslStates() {
    }

    /** A new state of the given {@code Type} (Task, Pass, Choice, Fail, ...). */
    static ObjectNode state(String type) {
        return MAPPER.createObjectNode().put("Type", type);
    }

    /** A state that reads its input and writes its output with JSONata, in a definition that defaults to JSONPath. */
    static ObjectNode jsonataState(String type) {
        return state(type).put("QueryLanguage", "JSONata");
    }

    /** A Task state that calls the given service integration. */
    static ObjectNode task(String resource) {
        return state("Task").put("Resource", resource);
    }

    /** A JSONata expression as a field value: ASL marks it with {@code {% %}}. */
    static String jsonata(String expression) {
        return "{% " + expression + " %}";
    }

    /**
     * The JSONPath form of "these fields, taken from the input at {@code from}": each name as
     * {@code "name.$": "from.name"}, added to {@code target} in the order given.
     */
    static ObjectNode copyFields(ObjectNode target, String from, String... names) {
        for (String name : names) {
            target.put(name + ".$", from + "." + name);
        }
        return target;
    }

    /** Ends a task whose result is dropped, so its input goes on unchanged to {@code next}. */
    static ObjectNode discardResultThen(ObjectNode state, String next) {
        state.put("ResultPath", (String) null);
        return state.put("Next", next);
    }

    /** Appends a retrier to the state's {@code Retry} list and returns it, for fields such as JitterStrategy. */
    static ObjectNode retry(ObjectNode state, List<String> errors, int intervalSeconds, double backoffRate, int maxAttempts) {
        ObjectNode rule = errorRule(state, "Retry", errors);
        rule.put("IntervalSeconds", intervalSeconds);
        rule.put("BackoffRate", backoffRate);
        return rule.put("MaxAttempts", maxAttempts);
    }

    /** Appends a catcher to the state's {@code Catch} list: the error goes to {@code resultPath}, the run to {@code next}. */
    static void catchTo(ObjectNode state, List<String> errors, String resultPath, String next) {
        errorRule(state, "Catch", errors).put("ResultPath", resultPath).put("Next", next);
    }

    /** A retrier or catcher (the two lists of "Error handling in Step Functions"), with its ErrorEquals filled. */
    private static ObjectNode errorRule(ObjectNode state, String list, List<String> errors) {
        ArrayNode rules = state.has(list) ? (ArrayNode) state.get(list) : state.putArray(list);
        ObjectNode rule = rules.addObject();
        ArrayNode equals = rule.putArray("ErrorEquals");
        errors.forEach(equals::add);
        return rule;
    }

    /**
     * An http:invoke task that POSTs a JSON array of events to New Relic's Event API. The EventBridge connection
     * adds the Api-Key header, so the key never appears in the definition, the history or the logs.
     *
     * @param language    the query language of the state: it names the task's input field and the request body's
     * @param requestBody the JSON array of events, as a path or expression of that language
     */
    static ObjectNode postEvents(HeartbeatEndpoint endpoint, QueryLanguage language, String requestBody) {
        ObjectNode state = task(HTTP_INVOKE);
        ObjectNode request = state.putObject(language.argumentsField());
        request.put("ApiEndpoint", endpoint.eventApiUrl());
        request.put("Method", "POST");
        request.putObject("InvocationConfig").put("ConnectionArn", endpoint.connectionArn());
        request.putObject("Headers").put("Content-Type", "application/json");
        request.put(language.computedField("RequestBody"), requestBody);
        return state;
    }

    /** A whole definition as the pretty-printed JSON the state machine resource takes. */
    static String toJson(ObjectNode definition, String what) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the " + what, e);
        }
    }

    /** The two query languages of ASL name a task's input, and a field computed from the state's input, apart. */
    enum QueryLanguage {
        /** The default: a task's input is {@code Parameters}, a computed field's name ends in {@code .$}. */
        JSONPATH("Parameters", ".$"),
        /** A task's input is {@code Arguments}; a computed value is a {@code {% %}} expression under the plain name. */
        JSONATA("Arguments", "");

        private final String argumentsField;
        private final String computedSuffix;

        QueryLanguage(String argumentsField, String computedSuffix) {
            this.argumentsField = argumentsField;
            this.computedSuffix = computedSuffix;
        }

        String argumentsField() {
            return argumentsField;
        }

        String computedField(String name) {
            return name + computedSuffix;
        }
    }
}
