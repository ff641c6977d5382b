package jp.twozeroseven.infra.platform;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import jp.twozeroseven.infra.policycheck.PolicyCheck;
import jp.twozeroseven.infra.policycheck.PolicyReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both committed stacks, synthesized, run through the real policy pack with their own policy config: nothing that
 * a service's own slice (its component: repository, group, task, scaling, blue/green, deploy trigger), the shared
 * deploy components or the CDN add may violate a policy, and the policies added for them
 * pass everywhere. (Violations elsewhere belong to the components that own those resources.)
 */
class StackPolicyCheckTest {

    private static final List<String> OWN_COMPONENTS = List.of("platform207:deploy:", "platform207:scaling:",
            "platform207:cdn:", "platform207:service:");
    private static final List<String> OWN_POLICIES = List.of("codedeploy-auto-rollback", "codedeploy-ecs-blue-green",
            "ecs-codedeploy-ignore-changes", "codepipeline-artifact-encryption", "appautoscaling-schedule-timezone");

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void committedStackPassesThePolicyPack(String stack) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PolicyReport report = PolicyCheck.run(SynthedStacks.PROJECT.resolve("policy"),
                SynthedStacks.PROJECT.resolve("policy/config/" + stack + ".json"),
                SynthedStacks.synth(stack).toJson(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(report.violations()).as(printed.toString(StandardCharsets.UTF_8))
                .noneMatch(v -> OWN_COMPONENTS.stream().anyMatch(v.urn()::contains))
                .noneMatch(v -> OWN_POLICIES.contains(v.policyName()));
        assertThat(report.policies()).isGreaterThanOrEqualTo(44);
    }
}
