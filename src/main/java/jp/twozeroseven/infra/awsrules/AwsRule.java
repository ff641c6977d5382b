package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One thing AWS requires that neither the provider schema nor the policy pack would catch before a real
 * {@code pulumi up}: what it is, where AWS writes it down, and a check over a synthesized stack. The code that
 * satisfies it cites the rule; {@code AwsRulesTest} runs every rule over both stacks.
 *
 * <p>A rule is one subclass in this package (a file each, as cdk-nag keeps its rules): its constructor hands the
 * facts (id, requirement, sources) to this class, and it implements {@link #problems} only.
 */
public abstract class AwsRule {

    private final String id;
    private final String requirement;
    private final List<String> sources;

    /**
     * @param id          short, stable name (kebab-case)
     * @param requirement what AWS requires, in one or two sentences
     * @param sources     where it is written: AWS documentation pages, API references or provider issues, each an
     *                    https address, optionally followed by the section read
     */
    protected AwsRule(String id, String requirement, String... sources) {
        this.id = Objects.requireNonNull(id, "id");
        this.requirement = Objects.requireNonNull(requirement, "requirement");
        this.sources = List.of(sources);
        if (this.sources.isEmpty()) {
            throw new IllegalArgumentException(id + ": a rule cites at least one source");
        }
    }

    /** Short, stable name (kebab-case). */
    public final String id() {
        return id;
    }

    /** What AWS requires, in one or two sentences. */
    public final String requirement() {
        return requirement;
    }

    /** Where it is written: the sources, separated by "; ". */
    public final String source() {
        return String.join("; ", sources);
    }

    /**
     * Each way {@code stack} (rendered from {@code settings}) breaks the rule, naming the resource; empty when it
     * holds.
     */
    public abstract List<String> problems(SynthResult stack, StackSettings settings);

    /** What is wrong with one resource: each problem in words that follow the resource's URN. */
    @FunctionalInterface
    protected interface Check {
        void check(SynthesizedResource resource, Consumer<String> problem);
    }

    /**
     * The shape most rules share: "{@code urn}: {@code problem}" for each problem {@code check} reports of each of
     * {@code resources}, in their order, in a list the caller may add to.
     */
    protected static List<String> each(List<SynthesizedResource> resources, Check check) {
        List<String> problems = new ArrayList<>();
        for (SynthesizedResource resource : resources) {
            check.check(resource, problem -> problems.add(resource.urn() + ": " + problem));
        }
        return problems;
    }

    /**
     * "{@code urn}: {@code problem}" for each of {@code resources} that {@code holds} rejects, in their order, in a
     * list the caller may add to.
     */
    protected static List<String> unless(List<SynthesizedResource> resources, Predicate<SynthesizedResource> holds,
                                         String problem) {
        return each(resources, (resource, report) -> {
            if (!holds.test(resource)) {
                report.accept(problem);
            }
        });
    }
}
