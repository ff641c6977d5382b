// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The condition of a muting rule. */
public final class AlertMutingRuleConditionArgs extends com.pulumi.resources.ResourceArgs {

    public static final AlertMutingRuleConditionArgs Empty = new AlertMutingRuleConditionArgs();

    /** The individual conditions. */
    @Import(name="conditions", required=true)
    private Output<List<AlertMutingRuleConditionConditionArgs>> conditions;

    public Output<List<AlertMutingRuleConditionConditionArgs>> conditions() {
        return this.conditions;
    }

    /** AND or OR. */
    @Import(name="operator", required=true)
    private Output<String> operator;

    public Output<String> operator() {
        return this.operator;
    }

    private AlertMutingRuleConditionArgs() {}

    private AlertMutingRuleConditionArgs(AlertMutingRuleConditionArgs $) {
        this.conditions = $.conditions;
        this.operator = $.operator;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(AlertMutingRuleConditionArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private AlertMutingRuleConditionArgs $;

        public Builder() {
            $ = new AlertMutingRuleConditionArgs();
        }

        public Builder(AlertMutingRuleConditionArgs defaults) {
            $ = new AlertMutingRuleConditionArgs(Objects.requireNonNull(defaults));
        }

        public Builder conditions(Output<List<AlertMutingRuleConditionConditionArgs>> conditions) {
            $.conditions = conditions;
            return this;
        }

        public Builder conditions(List<AlertMutingRuleConditionConditionArgs> conditions) {
            return conditions(Output.of(conditions));
        }

        public Builder conditions(AlertMutingRuleConditionConditionArgs... conditions) {
            return conditions(List.of(conditions));
        }

        public Builder operator(Output<String> operator) {
            $.operator = operator;
            return this;
        }

        public Builder operator(String operator) {
            return operator(Output.of(operator));
        }

        public AlertMutingRuleConditionArgs build() {
            if ($.conditions == null) {
                throw new MissingRequiredPropertyException("AlertMutingRuleConditionArgs", "conditions");
            }
            if ($.operator == null) {
                throw new MissingRequiredPropertyException("AlertMutingRuleConditionArgs", "operator");
            }
            return $;
        }
    }
}
