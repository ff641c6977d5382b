// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Boolean;
import java.lang.Integer;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.twozeroseven.infra.newrelic.inputs.AlertCompoundConditionComponentConditionArgs;

/** The arguments for constructing a AlertCompoundCondition resource. */
public final class AlertCompoundConditionArgs extends com.pulumi.resources.ResourceArgs {

    public static final AlertCompoundConditionArgs Empty = new AlertCompoundConditionArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** The conditions combined by the trigger expression. */
    @Import(name="componentConditions", required=true)
    private Output<List<AlertCompoundConditionComponentConditionArgs>> componentConditions;

    public Output<List<AlertCompoundConditionComponentConditionArgs>> componentConditions() {
        return this.componentConditions;
    }

    /** The incident description template. */
    @Import(name="description")
    private /* @Nullable */ Output<String> description;

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /** Whether the condition is enabled. */
    @Import(name="enabled", required=true)
    private Output<Boolean> enabled;

    public Output<Boolean> enabled() {
        return this.enabled;
    }

    /** How facets of the component conditions are matched. */
    @Import(name="facetMatchingBehavior")
    private /* @Nullable */ Output<String> facetMatchingBehavior;

    public Optional<Output<String>> facetMatchingBehavior() {
        return Optional.ofNullable(this.facetMatchingBehavior);
    }

    /** The condition name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** The ID of the policy this condition belongs to. */
    @Import(name="policyId", required=true)
    private Output<String> policyId;

    public Output<String> policyId() {
        return this.policyId;
    }

    /** The runbook URL shown on incidents. */
    @Import(name="runbookUrl")
    private /* @Nullable */ Output<String> runbookUrl;

    public Optional<Output<String>> runbookUrl() {
        return Optional.ofNullable(this.runbookUrl);
    }

    /** Seconds the expression must hold before an incident opens. */
    @Import(name="thresholdDuration")
    private /* @Nullable */ Output<Integer> thresholdDuration;

    public Optional<Output<Integer>> thresholdDuration() {
        return Optional.ofNullable(this.thresholdDuration);
    }

    /** Boolean expression over component aliases, e.g. a AND b. */
    @Import(name="triggerExpression", required=true)
    private Output<String> triggerExpression;

    public Output<String> triggerExpression() {
        return this.triggerExpression;
    }

    private AlertCompoundConditionArgs() {}

    private AlertCompoundConditionArgs(AlertCompoundConditionArgs $) {
        this.accountId = $.accountId;
        this.componentConditions = $.componentConditions;
        this.description = $.description;
        this.enabled = $.enabled;
        this.facetMatchingBehavior = $.facetMatchingBehavior;
        this.name = $.name;
        this.policyId = $.policyId;
        this.runbookUrl = $.runbookUrl;
        this.thresholdDuration = $.thresholdDuration;
        this.triggerExpression = $.triggerExpression;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(AlertCompoundConditionArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private AlertCompoundConditionArgs $;

        public Builder() {
            $ = new AlertCompoundConditionArgs();
        }

        public Builder(AlertCompoundConditionArgs defaults) {
            $ = new AlertCompoundConditionArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder componentConditions(Output<List<AlertCompoundConditionComponentConditionArgs>> componentConditions) {
            $.componentConditions = componentConditions;
            return this;
        }

        public Builder componentConditions(List<AlertCompoundConditionComponentConditionArgs> componentConditions) {
            return componentConditions(Output.of(componentConditions));
        }

        public Builder componentConditions(AlertCompoundConditionComponentConditionArgs... componentConditions) {
            return componentConditions(List.of(componentConditions));
        }

        public Builder description(/* @Nullable */ Output<String> description) {
            $.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder enabled(Output<Boolean> enabled) {
            $.enabled = enabled;
            return this;
        }

        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder facetMatchingBehavior(/* @Nullable */ Output<String> facetMatchingBehavior) {
            $.facetMatchingBehavior = facetMatchingBehavior;
            return this;
        }

        public Builder facetMatchingBehavior(String facetMatchingBehavior) {
            return facetMatchingBehavior(Output.of(facetMatchingBehavior));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder policyId(Output<String> policyId) {
            $.policyId = policyId;
            return this;
        }

        public Builder policyId(String policyId) {
            return policyId(Output.of(policyId));
        }

        public Builder runbookUrl(/* @Nullable */ Output<String> runbookUrl) {
            $.runbookUrl = runbookUrl;
            return this;
        }

        public Builder runbookUrl(String runbookUrl) {
            return runbookUrl(Output.of(runbookUrl));
        }

        public Builder thresholdDuration(/* @Nullable */ Output<Integer> thresholdDuration) {
            $.thresholdDuration = thresholdDuration;
            return this;
        }

        public Builder thresholdDuration(Integer thresholdDuration) {
            return thresholdDuration(Output.of(thresholdDuration));
        }

        public Builder triggerExpression(Output<String> triggerExpression) {
            $.triggerExpression = triggerExpression;
            return this;
        }

        public Builder triggerExpression(String triggerExpression) {
            return triggerExpression(Output.of(triggerExpression));
        }

        public AlertCompoundConditionArgs build() {
            if ($.componentConditions == null) {
                throw new MissingRequiredPropertyException("AlertCompoundConditionArgs", "componentConditions");
            }
            if ($.enabled == null) {
                throw new MissingRequiredPropertyException("AlertCompoundConditionArgs", "enabled");
            }
            if ($.policyId == null) {
                throw new MissingRequiredPropertyException("AlertCompoundConditionArgs", "policyId");
            }
            if ($.triggerExpression == null) {
                throw new MissingRequiredPropertyException("AlertCompoundConditionArgs", "triggerExpression");
            }
            return $;
        }
    }
}
