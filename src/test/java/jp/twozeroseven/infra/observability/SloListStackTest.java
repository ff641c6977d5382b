package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.newrelic.conformance.ConformanceReport;
import jp.twozeroseven.infra.newrelic.conformance.NewRelicConformanceChecker;
import jp.twozeroseven.infra.newrelic.conformance.RegisteredResource;
import jp.twozeroseven.infra.policycheck.PolicyCheck;
import jp.twozeroseven.infra.policycheck.PolicyReport;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.synth.Synthesizer;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLO list end to end: prod with a fourth SLO on api and web cut down to one SLO synthesizes, passes the New
 * Relic schema check and the policy pack, and leaves every other resource's URN as it was.
 */
class SloListStackTest {

    @TempDir
    Path temp;

    @Test
    void anExtraSloAndAOneSloServiceChangeOnlyTheirOwnResources() {
        var raw = StackFixture.edited("prod", temp, c -> {
            var services = StackFixture.at(c, "observability").get("services");
            ((ArrayNode) services.get("api").get("slos")).addObject().put("name", "latency-slow").put("kind", "latency")
                    .put("objectivePercent", 99.99).put("latencyThresholdMs", 3000).put("windowDays", 7);
            ArrayNode web = (ArrayNode) services.get("web").get("slos");
            web.remove(2);
            web.remove(1);
        });
        SynthResult edited = Synthesizer.synth(raw, StackSettingsParser.parse(raw));
        SynthResult committed = SynthedStacks.synth("prod");

        Set<String> before = urns(committed);
        Set<String> after = urns(edited);
        assertThat(after).filteredOn(u -> !before.contains(u)).allSatisfy(u -> assertThat(u).matches(".*::api-(slo-)?latency-slow.*"))
                .hasSize(1 + 8 + 1 + 4); // service level, 8 windows + outage, 4 compounds
        assertThat(before).filteredOn(u -> !after.contains(u)).allSatisfy(u -> assertThat(u)
                .matches(".*::web-(slo-latency|slo-availability|latency-.*|public|outside-in-outage)$"))
                .hasSize(1 + 1 + 8 + 1 + 4 + 1 + 1);

        List<RegisteredResource> resources = RegisteredResource.fromSynthJson(edited.toJson());
        ConformanceReport report = NewRelicConformanceChecker.forProject(SynthedStacks.PROJECT).check(resources);
        assertThat(report.passed()).as(report.summary()).isTrue();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PolicyReport policies = PolicyCheck.run(SynthedStacks.PROJECT.resolve("policy"),
                SynthedStacks.PROJECT.resolve("policy/config/prod.json"), edited.toJson(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(policies.violations()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static Set<String> urns(SynthResult synth) {
        return synth.resources().stream().map(SynthesizedResource::urn).collect(Collectors.toSet());
    }
}
