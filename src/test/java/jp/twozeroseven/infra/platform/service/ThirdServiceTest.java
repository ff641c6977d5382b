package jp.twozeroseven.infra.platform.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.policycheck.PolicyCheck;
import jp.twozeroseven.infra.policycheck.PolicyReport;
import jp.twozeroseven.infra.policycheck.PolicyViolation;
import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.synth.Synthesizer;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import jp.twozeroseven.infra.upgrade.UpgradeCheck;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's "done when": a third service of an existing shape is a stack-file change only. The fixture
 * (src/test/resources/third-service/&lt;stack&gt;.yaml) is what a developer adds to each stack file; this test adds
 * it to today's stack file, and the stack synthesizes, passes the policy pack, gives the new service the whole slice
 * web has, and leaves every resource of the committed stack as it is (no delete, no replace). No Java changes.
 */
class ThirdServiceTest {

    private static final String NEW = "admin";
    private static final String TEMPLATE = "web";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void aThirdServiceIsAStackFileChangeOnly(String stack) throws IOException {
        RawConfig raw = withThirdService(stack, dir);
        SynthResult synth = Synthesizer.synth(raw, StackSettingsParser.parse(raw));
        SynthResult committed = SynthedStacks.synth(stack);

        // The new service has exactly web's slice: the same types, the same names with its own name in them
        // (the fixture gives it web's capacity window names, which name its scheduled actions).
        // web's 403 rule is there because its host is CloudFront's ALB origin (cdn.albOriginDomain), not by shape.
        assertThat(slice(synth, NEW)).containsExactlyInAnyOrderElementsOf(slice(committed, TEMPLATE).stream()
                .filter(r -> !r.endsWith("-" + TEMPLATE + "-cloudfront-only"))
                .map(r -> r.replaceAll("(\\s|-)" + TEMPLATE + "(?=-|$)", "$1" + NEW)).toList());
        assertThat(slice(synth, NEW)).anyMatch(r -> r.startsWith("aws:ecr/repository:Repository "))
                .anyMatch(r -> r.startsWith("aws:ec2/securityGroup:SecurityGroup "))
                .anyMatch(r -> r.startsWith("aws:codedeploy/deploymentGroup:DeploymentGroup "))
                .anyMatch(r -> r.startsWith("aws:appautoscaling/target:Target "));
        JsonNode outputs = synth.outputs();
        for (String output : List.of("serviceNames", "ecrRepositoryUrls", "deploymentGroups", "deployDocuments")) {
            assertThat(outputs.path(output).has(NEW)).as(output).isTrue();
        }
        assertThat(outputs.path("secretArnsToFill").has(NEW + "/sentry-dsn")).isTrue();

        assertAddsOnly(stack, committed, synth, NEW);
    }

    /**
     * Adding {@code service} touches nothing that exists: the committed stack upgrades to {@code withService}
     * without a delete or a replace (the same check as the upgrade from the pre-refactor baseline), and the policy
     * pack, run for real over gRPC with the stack's own policy config, finds nothing new.
     */
    static void assertAddsOnly(String stack, SynthResult committed, SynthResult withService, String service) {
        assertThat(UpgradeCheck.problems(committed.toJson(), withService.toJson())).isEmpty();
        PolicyReport fixture = policyCheck(stack, withService);
        PolicyReport today = policyCheck(stack, committed);
        assertThat(fixture.violations())
                .noneMatch(v -> v.urn().contains("-" + service) || v.urn().endsWith("::" + service));
        assertThat(fixture.violations()).extracting(PolicyViolation::policyName)
                .containsExactlyInAnyOrderElementsOf(today.violations().stream().map(PolicyViolation::policyName)
                        .toList());
    }

    /** Today's stack file with the fixture merged in, and the new service's SLOs copied from web's. */
    static RawConfig withThirdService(String stack, Path dir) {
        return StackFixture.edited(stack, dir, config -> {
            StackFixture.mergeOverlay(config, "third-service", stack);
            ObjectNode slos = (ObjectNode) StackFixture.at(config, "observability").get("services");
            slos.set(NEW, slos.get(TEMPLATE).deepCopy());
        });
    }

    /** "type name" of every resource below the service's component (its whole slice), the component excluded. */
    static List<String> slice(SynthResult synth, String service) {
        Map<String, String> parents = new HashMap<>();
        synth.resources().forEach(r -> parents.put(r.urn(), r.parent()));
        String component = synth.resources().stream()
                .filter(r -> r.type().equals(AppService.TYPE) && r.name().equals(service))
                .map(SynthesizedResource::urn).findFirst().orElseThrow(() -> new AssertionError("no " + service));
        List<String> out = new ArrayList<>();
        for (SynthesizedResource r : synth.resources()) {
            for (String p = r.parent(); p != null; p = parents.get(p)) {
                if (p.equals(component)) {
                    out.add(r.type() + " " + r.name());
                    break;
                }
            }
        }
        return out;
    }

    private static PolicyReport policyCheck(String stack, SynthResult synth) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        return PolicyCheck.run(SynthedStacks.PROJECT.resolve("policy"),
                SynthedStacks.PROJECT.resolve("policy/config/" + stack + ".json"), synth.toJson(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
}
