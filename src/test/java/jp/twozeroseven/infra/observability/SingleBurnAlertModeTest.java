package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.newrelic.conformance.ConformanceReport;
import jp.twozeroseven.infra.newrelic.conformance.NewRelicConformanceChecker;
import jp.twozeroseven.infra.newrelic.conformance.RegisteredResource;
import jp.twozeroseven.infra.observability.evaluation.SynthAlerts;
import jp.twozeroseven.infra.observability.evaluation.TimeToPage;
import jp.twozeroseven.infra.observability.evaluation.TimeToPageTargets;
import jp.twozeroseven.infra.policycheck.PolicyCheck;
import jp.twozeroseven.infra.policycheck.PolicyReport;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.Synthesizer;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code burnAlerts: single}, for accounts without the compound-alerts preview, synthesized for real. */
class SingleBurnAlertModeTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void singleConditionsReplaceTheCompoundsMeetTheTimeToPageTargetsAndPassSchemaAndPolicies(String stack) {
        var raw = StackFixture.edited(stack, temp, c -> StackFixture.at(c, "observability").put("burnAlerts", "single"));
        SynthResult synth = Synthesizer.synth(raw, StackSettingsParser.parse(raw));
        assertThat(synth.ofType(SynthAlerts.COMPOUND)).isEmpty();
        assertThat(synth.ofType(SynthAlerts.NRQL)).filteredOn(n -> n.name().equals("api-success-page-fast"))
                .singleElement().satisfies(n -> {
                    assertThat(n.inputs().path("policyId").asText()).isEqualTo("platform-207-" + stack + "-api-critical");
                    assertThat(n.inputs().path("critical").path("thresholdOccurrences").asText()).isEqualTo("at_least_once");
                    assertThat(n.inputs().path("slideBy").asInt()).isEqualTo(60);
                });
        List<TimeToPage.Slo> slos = SynthAlerts.of(synth);
        assertThat(slos).hasSize(4).allSatisfy(s -> assertThat(s.alerts()).hasSize(5));
        assertThat(slos.stream().flatMap(s -> TimeToPageTargets.misses(s).stream())).isEmpty();

        List<RegisteredResource> resources = RegisteredResource.fromSynthJson(synth.toJson());
        ConformanceReport report = NewRelicConformanceChecker.forProject(SynthedStacks.PROJECT).check(resources);
        assertThat(report.passed()).as(report.summary()).isTrue();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PolicyReport policies = PolicyCheck.run(SynthedStacks.PROJECT.resolve("policy"),
                SynthedStacks.PROJECT.resolve("policy/config/" + stack + ".json"), synth.toJson(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(policies.violations()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
