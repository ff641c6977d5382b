package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * How Step Functions routes an error raised by a state, per the Amazon States Language: the first Retrier whose
 * ErrorEquals matches retries while attempts remain; otherwise the first matching Catcher names the next state.
 * Matching (developer guide, "Error names"): an exact name; "States.ALL" matches every error but States.Runtime;
 * "States.TaskFailed" matches every error but States.Timeout (and States.Runtime).
 */
final class AslErrorHandling {

    record Route(boolean retried, JsonNode retrier, String next) {
    }

    private AslErrorHandling() {
    }

    static boolean matches(JsonNode errorEquals, String error) {
        for (JsonNode name : errorEquals) {
            String n = name.asText();
            if (n.equals(error)) {
                return true;
            }
            if (n.equals("States.ALL") && !error.equals("States.Runtime")) {
                return true;
            }
            if (n.equals("States.TaskFailed") && !error.equals("States.Timeout") && !error.equals("States.Runtime")) {
                return true;
            }
        }
        return false;
    }

    /** @param attempt 1 for the first failure */
    static Route route(JsonNode state, String error, int attempt) {
        for (JsonNode retrier : state.path("Retry")) {
            if (matches(retrier.path("ErrorEquals"), error)) {
                int max = retrier.has("MaxAttempts") ? retrier.path("MaxAttempts").asInt() : 3;
                if (attempt <= max) {
                    return new Route(true, retrier, null);
                }
                break;
            }
        }
        Optional<String> next = catcher(state, error);
        return new Route(false, null, next.orElse(null));
    }

    static Optional<String> catcher(JsonNode state, String error) {
        for (JsonNode catcher : state.path("Catch")) {
            if (matches(catcher.path("ErrorEquals"), error)) {
                return Optional.of(catcher.path("Next").asText());
            }
        }
        return Optional.empty();
    }

    /** Where the state ends up after the error has failed every retry. */
    static String afterRetries(JsonNode state, String error) {
        int attempt = 1;
        while (route(state, error, attempt).retried()) {
            attempt++;
        }
        return route(state, error, attempt).next();
    }
}
