package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The base every rule extends: its facts, and the per-resource helpers that name the resource in each problem. */
class AwsRuleTest {

    /** A rule with no check of its own, to reach the base's facts and helpers. */
    private static final class Probe extends AwsRule {
        Probe(String... sources) {
            super("probe", "What AWS requires.", sources);
        }

        @Override
        public List<String> problems(SynthResult stack, StackSettings settings) {
            return List.of();
        }
    }

    private static final List<SynthesizedResource> SUBNETS = SynthedStacks.ofType("stg", "aws:ec2/subnet:Subnet");

    @Test
    void theFactsAreTheConstructorsWithTheSourcesJoinedInOrder() {
        Probe probe = new Probe("https://a.example/one", "https://b.example/two (a section)");
        assertThat(probe.id()).isEqualTo("probe");
        assertThat(probe.requirement()).isEqualTo("What AWS requires.");
        assertThat(probe.source()).isEqualTo("https://a.example/one; https://b.example/two (a section)");
    }

    @Test
    void aRuleThatCitesNoSourceIsRefused() {
        assertThatThrownBy(Probe::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probe: a rule cites at least one source");
    }

    @Test
    void eachNamesTheResourceBeforeEveryProblemItReports() {
        assertThat(SUBNETS).hasSizeGreaterThan(1);
        List<String> problems = AwsRule.each(SUBNETS, (subnet, problem) -> {
            problem.accept("first");
            problem.accept("second");
        });
        assertThat(problems).hasSize(2 * SUBNETS.size())
                .startsWith(SUBNETS.get(0).urn() + ": first", SUBNETS.get(0).urn() + ": second",
                        SUBNETS.get(1).urn() + ": first");
        assertThat(AwsRule.each(SUBNETS, (subnet, problem) -> { })).isEmpty();
    }

    @Test
    void unlessReportsOnlyTheResourcesTheCheckRejects() {
        String rejected = SUBNETS.get(1).urn();
        assertThat(AwsRule.unless(SUBNETS, s -> !s.urn().equals(rejected), "not allowed"))
                .containsExactly(rejected + ": not allowed");
        assertThat(AwsRule.unless(SUBNETS, s -> true, "not allowed")).isEmpty();
        // the caller adds the problems of its other checks to the same list
        List<String> problems = AwsRule.unless(SUBNETS, s -> true, "not allowed");
        problems.add("another check's problem");
        assertThat(problems).containsExactly("another check's problem");
    }
}
