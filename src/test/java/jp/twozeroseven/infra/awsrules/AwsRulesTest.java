package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.platform.registry.Registries;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every AWS rule holds for both stacks; each rule also catches the breakage it exists for. */
class AwsRulesTest {

    static Stream<Arguments> rulesAndStacks() {
        return AwsRules.all().stream().flatMap(rule -> Stream.of("prod", "stg").map(s -> Arguments.of(rule.id(), s)));
    }

    @ParameterizedTest(name = "{0} holds for {1}")
    @MethodSource("rulesAndStacks")
    void everyRuleHoldsForEveryStack(String id, String stack) {
        AwsRule rule = AwsRules.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertThat(rule.source()).startsWith("https://");
        assertThat(rule.problems(SynthedStacks.synth(stack), SynthedStacks.settings(stack))).isEmpty();
    }

    @Test
    void ruleIdsAreUnique() {
        assertThat(AwsRules.all()).extracting(AwsRule::id).doesNotHaveDuplicates();
    }

    @Test
    void theOldLifecyclePolicyExpiredTheInitialImage() throws Exception {
        // Before: one "keep the last 50 release-*" rule, which selects release-initial and expires it as the 51st.
        var old = new ObjectMapper().readTree("""
                {"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["release-"],
                "countType":"imageCountMoreThan","countNumber":50},"action":{"type":"expire"}}]}""");
        assertThat(EcrLifecycleKeepsInitialImage.keeps(old, "release-initial")).isFalse();
        assertThat(EcrLifecycleKeepsInitialImage.keeps(
                new ObjectMapper().readTree(Registries.lifecyclePolicy("release-", 50)), "release-initial")).isTrue();
    }

    @Test
    void aLoggingStageWithoutTheAccountRoleIsCaught() {
        SynthResult stg = SynthedStacks.synth("stg");
        SynthResult withoutAccount = new SynthResult(stg.project(), stg.stack(), stg.mode(),
                stg.resources().stream().filter(r -> !r.type().equals("aws:apigateway/account:Account")).toList(),
                stg.outputs());
        assertThat(new ApiGatewayAccountLoggingRole().problems(withoutAccount, SynthedStacks.settings("stg")))
                .anyMatch(p -> p.contains("does not depend on the account's CloudWatch role"));
    }

    @Test
    void aDistributionThatDoesNotWaitForTheLogBucketAclsIsCaught() {
        SynthResult prod = SynthedStacks.synth("prod");
        List<SynthesizedResource> changed = new ArrayList<>();
        for (SynthesizedResource r : prod.resources()) {
            changed.add(!r.type().equals("aws:cloudfront/distribution:Distribution") ? r
                    : new SynthesizedResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.provider(),
                    r.inputs(), r.dependencies(), r.propertyDependencies(),
                    new SynthesizedResource.ResourceOptions(false, false, List.of(), List.of(), false, List.of())));
        }
        assertThat(new CloudFrontLoggingAfterBucketAcls().problems(
                new SynthResult(prod.project(), prod.stack(), prod.mode(), changed, prod.outputs()),
                SynthedStacks.settings("prod"))).anyMatch(p -> p.contains("before the bucket accepts ACLs"));
    }

    @Test
    void bothDeployModesCarryAnAppSpecPerServiceWithItsNetworkAndCapacityProviders() {
        for (String stack : List.of("prod", "stg")) {
            var specs = CodeDeployOwnedServiceFields.appSpecs(SynthedStacks.synth(stack));
            assertThat(specs).containsKeys("api", "web");
            assertThat(specs.get("api").path("Resources").path(0).path("TargetService").path("Properties")
                    .path("NetworkConfiguration").path("AwsvpcConfiguration").path("AssignPublicIp").asText())
                    .isEqualTo("DISABLED");
        }
    }
}
