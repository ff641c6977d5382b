package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;

import java.util.List;

/**
 * One thing AWS requires that neither the provider schema nor the policy pack would catch before a real
 * {@code pulumi up}: what it is, where AWS writes it down, and a check over a synthesized stack. The code that
 * satisfies it cites the rule; {@code AwsRulesTest} runs every rule over both stacks.
 */
public interface AwsRule {

    /** Short, stable name (kebab-case). */
    String id();

    /** What AWS requires, in one or two sentences. */
    String requirement();

    /** Where it is written: an AWS documentation page, API reference or provider issue. */
    String source();

    /** Each way {@code stack} (rendered from {@code settings}) breaks the rule, naming the resource; empty when it holds. */
    List<String> problems(SynthResult stack, StackSettings settings);
}
