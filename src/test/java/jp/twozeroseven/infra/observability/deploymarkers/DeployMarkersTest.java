package jp.twozeroseven.infra.observability.deploymarkers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.settings.ObservabilityRegion;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployMarkersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * AWS's sample "CodeDeploy Deployment State-change Notification" event
     * (docs.aws.amazon.com/eventbridge/latest/ref/events-ref-codedeploy.html and its published sample), with our names.
     */
    private static final String SAMPLE_EVENT = """
            {"account": "123456789012", "region": "ap-northeast-1", "source": "aws.codedeploy",
             "detail-type": "CodeDeploy Deployment State-change Notification", "time": "2026-12-01T21:06:31Z",
             "resources": ["arn:aws:codedeploy:ap-northeast-1:123456789012:application:platform-207-prod-services"],
             "detail": {"instanceGroupId": "9fd2fbef-2157-40d8-91e7-6845af69e2d2", "region": "ap-northeast-1",
                        "application": "platform-207-prod-services", "deploymentId": "d-3XH7Q2K1B",
                        "state": "FAILURE", "deploymentGroup": "platform-207-prod-api"}}
            """;

    @Test
    void thePatternMatchesTheEndsOfTheGroupsDeploymentsInAwssSampleEvent() throws Exception {
        JsonNode pattern = JSON.readTree(DeployMarkerDocuments.eventPattern("platform-207-prod-services",
                "platform-207-prod-api"));
        JsonNode event = JSON.readTree(SAMPLE_EVENT);
        assertThat(matches(pattern, event)).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("detail")).put("state", "START");
        assertThat(matches(pattern, event)).isFalse();
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("detail")).put("state", "SUCCESS")
                .put("deploymentGroup", "platform-207-prod-web");
        assertThat(matches(pattern, event)).isFalse();
    }

    @Test
    void theTransformerWritesAChangeTrackingMutationWithTheEventsValues() throws Exception {
        String template = DeployMarkerDocuments.inputTemplate("MXxBUE18QVBQTElDQVRJT058MQ", "api");
        JsonNode event = JSON.readTree(SAMPLE_EVENT);
        // EventBridge's substitution: each <name> inside the JSON string becomes the value at its input path.
        String body = template;
        for (Map.Entry<String, String> p : DeployMarkerDocuments.inputPaths().entrySet()) {
            String path = p.getValue().replace("$.", "/").replace('.', '/');
            body = body.replace("<" + p.getKey() + ">", event.at(path).asText());
        }
        String query = JSON.readTree(body).path("query").asText();
        assertThat(query).isEqualTo("mutation { changeTrackingCreateDeployment(deployment: {entityGuid: "
                + "\"MXxBUE18QVBQTElDQVRJT058MQ\", version: \"d-3XH7Q2K1B\", deploymentType: BLUE_GREEN, description: "
                + "\"CodeDeploy FAILURE: api (deployment group platform-207-prod-api)\"}) { deploymentId } }");
        assertThatThrownBy(() -> DeployMarkerDocuments.inputTemplate("x\" }", "api")).hasMessageContaining("GUID");
        assertThat(DeployMarkerDocuments.nerdGraphUrl(ObservabilityRegion.EU)).isEqualTo("https://api.eu.newrelic.com/graphql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyServiceGetsARuleToNerdGraphThroughAConnectionWithTheSecretKey(String stack) throws Exception {
        SynthResult result = SynthedStacks.synth(stack);
        SynthesizedResource connection = result.ofType("aws:cloudwatch/eventConnection:EventConnection").stream()
                .filter(c -> c.name().endsWith("newrelic-deploy-markers")).findFirst().orElseThrow();
        assertThat(connection.inputs().path("authParameters").path("apiKey").path("key").asText()).isEqualTo("API-Key");
        assertThat(connection.inputs().path("authParameters").path("apiKey").path("value").asText()).isEqualTo("[secret]");
        assertThat(result.ofType("aws:cloudwatch/eventApiDestination:EventApiDestination"))
                .filteredOn(d -> d.name().endsWith("newrelic-deploy-markers")).singleElement()
                .satisfies(d -> assertThat(d.inputs().path("invocationEndpoint").asText())
                        .isEqualTo("https://api.newrelic.com/graphql"));
        for (String svc : List.of("api", "web")) {
            String rule = "platform-207-" + stack + "-" + svc + "-deploy-marker";
            SynthesizedResource r = result.ofType("aws:cloudwatch/eventRule:EventRule").stream()
                    .filter(x -> x.name().equals(rule)).findFirst().orElseThrow();
            JsonNode pattern = JSON.readTree(r.inputs().path("eventPattern").asText());
            assertThat(pattern.path("detail").path("deploymentGroup").get(0).asText())
                    .isEqualTo("platform-207-" + stack + "-" + svc);
            // the group names are the deployment groups CodeDeploy really has
            assertThat(result.ofType("aws:codedeploy/deploymentGroup:DeploymentGroup"))
                    .anySatisfy(g -> assertThat(g.inputs().path("deploymentGroupName").asText())
                            .isEqualTo(pattern.path("detail").path("deploymentGroup").get(0).asText()));
            SynthesizedResource target = result.ofType("aws:cloudwatch/eventTarget:EventTarget").stream()
                    .filter(x -> x.name().equals(rule)).findFirst().orElseThrow();
            assertThat(target.inputs().path("inputTransformer").path("inputTemplate").asText())
                    .contains("changeTrackingCreateDeployment");
        }
    }

    /** EventBridge's matching for the subset we use: every pattern key's array lists the event's value. */
    private static boolean matches(JsonNode pattern, JsonNode event) {
        var fields = pattern.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            JsonNode value = event.path(f.getKey());
            if (f.getValue().isObject()) {
                if (!matches(f.getValue(), value)) {
                    return false;
                }
            } else {
                boolean any = false;
                for (JsonNode allowed : f.getValue()) {
                    any |= allowed.asText().equals(value.asText());
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }
}
