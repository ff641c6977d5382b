package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Retriers of an ASL state (Amazon States Language, "Retrying after an error"), shared by the pipeline's definitions. */
final class AslRetries {
    private AslRetries() {
    }

    /** Appends a retrier to the state's {@code Retry} list and returns it, for fields such as JitterStrategy. */
    static ObjectNode retry(ObjectNode state, List<String> errors, int intervalSeconds, double backoffRate, int maxAttempts) {
        ArrayNode retry = state.has("Retry") ? (ArrayNode) state.get("Retry") : state.putArray("Retry");
        ObjectNode rule = retry.addObject();
        ArrayNode equals = rule.putArray("ErrorEquals");
        errors.forEach(equals::add);
        rule.put("IntervalSeconds", intervalSeconds);
        rule.put("BackoffRate", backoffRate);
        rule.put("MaxAttempts", maxAttempts);
        return rule;
    }
}
