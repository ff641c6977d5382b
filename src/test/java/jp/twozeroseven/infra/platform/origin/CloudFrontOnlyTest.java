package jp.twozeroseven.infra.platform.origin;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static jp.twozeroseven.infra.testsupport.SynthedStacks.named;
import static org.assertj.core.api.Assertions.assertThat;

class CloudFrontOnlyTest {

    private static final String RULE = "aws:lb/listenerRule:ListenerRule";

    @Test
    void theHeaderNameIsOneCloudFrontMayAddAndTheAlbMayMatch() {
        assertThat(CloudFrontOnly.headerNameProblems(CloudFrontOnly.HEADER)).isEmpty();
    }

    /**
     * CloudFront Developer Guide, "Add custom headers to origin requests" (the headers CloudFront can't add, and the
     * X-Amz-/X-Edge- prefixes); ELB API Reference, HttpHeaderConditionConfig (40 characters, RFC 7230, not Host);
     * ELB User Guide, ALB attributes, drop_invalid_header_fields ([-A-Za-z0-9]+).
     */
    @Test
    void namesEitherSideRefusesAreCaught() {
        assertThat(CloudFrontOnly.headerNameProblems("Host")).hasSize(2);
        assertThat(CloudFrontOnly.headerNameProblems("X-Amz-Cf-Secret")).containsExactly(
                "CloudFront cannot add X-Amz-Cf-Secret to origin requests");
        assertThat(CloudFrontOnly.headerNameProblems("x-edge-origin")).containsExactly(
                "CloudFront cannot add x-edge-origin to origin requests");
        assertThat(CloudFrontOnly.headerNameProblems("Via")).containsExactly("CloudFront cannot add Via to origin requests");
        assertThat(CloudFrontOnly.headerNameProblems("X-Real-IP")).hasSize(1);
        assertThat(CloudFrontOnly.headerNameProblems("X-" + "a".repeat(39))).containsExactly(
                "an ALB http-header condition takes an RFC 7230 token of at most 40 characters");
        assertThat(CloudFrontOnly.headerNameProblems("X_Origin_Verify")).singleElement().asString()
                .contains("drop_invalid_header_fields");
        assertThat(CloudFrontOnly.headerNameProblems("X Origin")).hasSize(2);
    }

    @Test
    void theDenyRuleMatchesWhatTheServiceRuleMatchesAndNoSecretMeansNoHeader() {
        assertThat(CloudFrontOnly.routingConditions(new jp.twozeroseven.infra.settings.Routing(
                List.of("admin.example"), List.of("/x/*"), 5))).hasSize(2);
        assertThat(CloudFrontOnly.routingConditions(new jp.twozeroseven.infra.settings.Routing(
                List.of(), List.of("/x/*"), 5))).hasSize(1);
        assertThat(CloudFrontOnly.originHeaders(List.of())).isEmpty();
        assertThat(CloudFrontOnly.originHeaders(List.of("new-value", "old-value"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void adminAnswersCloudFrontOnlyOnTheProductionListener(String stack) {
        String host = SynthedStacks.settings(stack).cdn().albOriginDomain().orElseThrow();
        JsonNode production = named(stack, RULE, "platform-207-" + stack + "-web-production").inputs();
        assertThat(production.at("/priority").asInt()).isEqualTo(20);
        assertThat(production.at("/conditions/0/hostHeader/values/0").asText()).isEqualTo(host);
        assertThat(production.at("/conditions/1/httpHeader/httpHeaderName").asText()).isEqualTo("X-Origin-Verify");
        // a Pulumi secret: encrypted in the state, shown as the marker by the synth
        assertThat(production.at("/conditions/1/httpHeader/values").asText()).isEqualTo("[secret]");
        assertThat(production.at("/actions/0/type").asText()).isEqualTo("forward");

        SynthesizedResource deny = named(stack, RULE, "platform-207-" + stack + "-web-cloudfront-only");
        assertThat(deny.inputs().at("/listenerArn").asText()).isEqualTo(production.at("/listenerArn").asText());
        assertThat(deny.inputs().at("/priority").asInt()).isEqualTo(21);
        assertThat(deny.inputs().at("/conditions").size()).isEqualTo(1);
        assertThat(deny.inputs().at("/conditions/0/hostHeader/values/0").asText()).isEqualTo(host);
        assertThat(deny.inputs().at("/actions/0/type").asText()).isEqualTo("fixed-response");
        assertThat(deny.inputs().at("/actions/0/fixedResponse/statusCode").asText()).isEqualTo("403");
        assertThat(deny.inputs().at("/actions/0/fixedResponse/contentType").asText()).isEqualTo("text/plain");
        assertThat(deny.urn()).contains("platform207:service:AppService$aws:lb/listenerRule:ListenerRule");

        // the test listener is reachable from the VPC only and the API is direct by design (docs/cdn.md)
        assertThat(named(stack, RULE, "platform-207-" + stack + "-web-test").inputs().at("/conditions").size())
                .isEqualTo(1);
        assertThat(named(stack, RULE, "platform-207-" + stack + "-api-production").inputs().at("/conditions").size())
                .isEqualTo(1);

        JsonNode origins = named(stack, "aws:cloudfront/distribution:Distribution", "platform-207-" + stack + "-static")
                .inputs().at("/origins");
        assertThat(origins.at("/1/domainName").asText()).isEqualTo(host);
        assertThat(origins.at("/1/customHeaders/0/name").asText()).isEqualTo("X-Origin-Verify");
        assertThat(origins.at("/1/customHeaders/0/value").asText()).isEqualTo("[secret]");
        assertThat(origins.at("/0/customHeaders").isMissingNode() || origins.at("/0/customHeaders").isEmpty()).isTrue();
    }
}
