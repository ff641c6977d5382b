package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AslStatesTest {

    @Test
    void copyFieldsTakesEachNameFromThePathInOrder() {
        ObjectNode target = AslStates.copyFields(AslStates.state("Pass"), "$.failure", "error", "cause");

        assertThat(target.toString())
                .isEqualTo("{\"Type\":\"Pass\",\"error.$\":\"$.failure.error\",\"cause.$\":\"$.failure.cause\"}");
        assertThat(AslStates.copyFields(AslStates.state("Pass"), "$").toString()).isEqualTo("{\"Type\":\"Pass\"}");
    }

    @Test
    void retriersAndCatchersAppendToTheirOwnLists() {
        ObjectNode state = AslStates.task("arn:aws:states:::http:invoke");
        AslStates.retry(state, List.of("States.Timeout"), 2, 2.0, 3).put("JitterStrategy", "FULL");
        AslStates.retry(state, List.of("States.ALL"), 1, 1.5, 2);
        AslStates.catchTo(state, List.of("States.ALL"), "$.error", "Next");

        assertThat(state.path("Retry")).hasSize(2);
        assertThat(state.path("Retry").get(0).toString()).isEqualTo("{\"ErrorEquals\":[\"States.Timeout\"],"
                + "\"IntervalSeconds\":2,\"BackoffRate\":2.0,\"MaxAttempts\":3,\"JitterStrategy\":\"FULL\"}");
        assertThat(state.path("Catch").toString())
                .isEqualTo("[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"Next\"}]");
    }

    @Test
    void discardResultThenKeepsTheInputWithAnExplicitNullResultPath() {
        ObjectNode state = AslStates.discardResultThen(AslStates.task("arn:x"), "Done");

        assertThat(state.has("ResultPath")).isTrue();
        assertThat(state.path("ResultPath").isNull()).isTrue();
        assertThat(state.path("Next").asText()).isEqualTo("Done");
    }

    @Test
    void postEventsNamesItsFieldsAfterTheQueryLanguage() {
        HeartbeatEndpoint endpoint = new HeartbeatEndpoint("https://insights-collector.newrelic.com/v1/accounts/1/events",
                EtlStateMachineDefinitionTest.CONNECTION_ARN, "prod");

        ObjectNode jsonPath = AslStates.postEvents(endpoint, AslStates.QueryLanguage.JSONPATH, "States.Array($.e)");
        ObjectNode jsonata = AslStates.postEvents(endpoint, AslStates.QueryLanguage.JSONATA, AslStates.jsonata("[$x]"));

        assertThat(jsonPath.path("Parameters").path("RequestBody.$").asText()).isEqualTo("States.Array($.e)");
        assertThat(jsonPath.has("Arguments")).isFalse();
        assertThat(jsonata.path("Arguments").path("RequestBody").asText()).isEqualTo("{% [$x] %}");
        assertThat(jsonata.path("Arguments").path("InvocationConfig").path("ConnectionArn").asText())
                .isEqualTo(EtlStateMachineDefinitionTest.CONNECTION_ARN);
    }
}
