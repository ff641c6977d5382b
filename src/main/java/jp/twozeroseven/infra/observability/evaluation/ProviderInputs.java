package jp.twozeroseven.infra.observability.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a NrqlAlertCondition's registered inputs (the {@code @pulumi/newrelic} 5.77.0 names, as the synth records
 * them) into the evaluation model, with the provider's documented defaults for what is not set: aggregation window
 * 60 s, event flow, delay 120 s (fine-tune/streaming-alerts-key-terms-concepts, "Window duration" and "Delay/timer";
 * timer default 60 s), fill none, threshold occurrences ALL.
 */
public final class ProviderInputs {

    private ProviderInputs() {
    }

    public static Condition condition(JsonNode in) {
        JsonNode critical = in.path("critical");
        var method = Condition.AggregationMethod.valueOf(in.path("aggregationMethod").asText("event_flow")
                .toUpperCase(Locale.ROOT));
        int delayOrTimer = method == Condition.AggregationMethod.EVENT_TIMER
                ? Integer.parseInt(in.path("aggregationTimer").asText("60"))
                : Integer.parseInt(in.path("aggregationDelay").asText("120"));
        var fill = switch (in.path("fillOption").asText("none")) {
            case "static" -> Condition.FillOption.staticValue(in.path("fillValue").asDouble());
            case "last_value" -> Condition.FillOption.lastValue();
            default -> Condition.FillOption.NONE;
        };
        Optional<Integer> slide = in.hasNonNull("slideBy") ? Optional.of(in.path("slideBy").asInt()) : Optional.empty();
        Optional<Integer> expiration = in.hasNonNull("expirationDuration")
                ? Optional.of(in.path("expirationDuration").asInt()) : Optional.empty();
        return new Condition(query(in.path("nrql").path("query").asText()), in.path("aggregationWindow").asInt(60), slide,
                method, delayOrTimer, fill, Condition.Operator.of(critical.path("operator").asText("equals")),
                critical.path("threshold").asDouble(), critical.path("thresholdDuration").asInt(60),
                Condition.Occurrences.valueOf(critical.path("thresholdOccurrences").asText("all").toUpperCase(Locale.ROOT)),
                expiration, in.path("openViolationOnExpiration").asBoolean(false),
                in.path("closeViolationsOnExpiration").asBoolean(false),
                in.path("violationTimeLimitSeconds").asInt(259_200));
    }

    /** Which kind of SELECT the query is; the model only needs its shape, the telemetry supplies the counts. */
    public static Query query(String nrql) {
        String q = nrql.toLowerCase(Locale.ROOT);
        if (q.contains("newrelic.sli.") || q.contains("percentage(")) {
            return Query.PERCENT_COUNTED;
        }
        if (q.contains("filter(rate(count(*)")) {
            return Query.FILTERED_RATE_PER_MINUTE;
        }
        if (q.contains("filter(count(*)")) {
            return Query.FILTERED_COUNT;
        }
        if (q.contains("rate(count(*)")) {
            return Query.RATE_PER_MINUTE;
        }
        if (q.contains("count(*)")) {
            return Query.COUNT;
        }
        throw new IllegalArgumentException("the evaluation model does not know the shape of: " + nrql);
    }
}
