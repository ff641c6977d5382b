// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Boolean;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleScheduleArgs;

/** The arguments for constructing a AlertMutingRule resource. */
public final class AlertMutingRuleArgs extends com.pulumi.resources.ResourceArgs {

    public static final AlertMutingRuleArgs Empty = new AlertMutingRuleArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** CLOSE_ISSUES_ON_INACTIVE or DONT_CLOSE_ISSUES_ON_INACTIVE. */
    @Import(name="actionOnMutingRuleWindowEnded")
    private /* @Nullable */ Output<String> actionOnMutingRuleWindowEnded;

    public Optional<Output<String>> actionOnMutingRuleWindowEnded() {
        return Optional.ofNullable(this.actionOnMutingRuleWindowEnded);
    }

    /** Which incidents are muted. */
    @Import(name="condition", required=true)
    private Output<AlertMutingRuleConditionArgs> condition;

    public Output<AlertMutingRuleConditionArgs> condition() {
        return this.condition;
    }

    /** Why incidents are muted. */
    @Import(name="description")
    private /* @Nullable */ Output<String> description;

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /** Whether the rule is enabled. */
    @Import(name="enabled", required=true)
    private Output<Boolean> enabled;

    public Output<Boolean> enabled() {
        return this.enabled;
    }

    /** The rule name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** When the rule is active. */
    @Import(name="schedule")
    private /* @Nullable */ Output<AlertMutingRuleScheduleArgs> schedule;

    public Optional<Output<AlertMutingRuleScheduleArgs>> schedule() {
        return Optional.ofNullable(this.schedule);
    }

    private AlertMutingRuleArgs() {}

    private AlertMutingRuleArgs(AlertMutingRuleArgs $) {
        this.accountId = $.accountId;
        this.actionOnMutingRuleWindowEnded = $.actionOnMutingRuleWindowEnded;
        this.condition = $.condition;
        this.description = $.description;
        this.enabled = $.enabled;
        this.name = $.name;
        this.schedule = $.schedule;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(AlertMutingRuleArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private AlertMutingRuleArgs $;

        public Builder() {
            $ = new AlertMutingRuleArgs();
        }

        public Builder(AlertMutingRuleArgs defaults) {
            $ = new AlertMutingRuleArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder actionOnMutingRuleWindowEnded(/* @Nullable */ Output<String> actionOnMutingRuleWindowEnded) {
            $.actionOnMutingRuleWindowEnded = actionOnMutingRuleWindowEnded;
            return this;
        }

        public Builder actionOnMutingRuleWindowEnded(String actionOnMutingRuleWindowEnded) {
            return actionOnMutingRuleWindowEnded(Output.of(actionOnMutingRuleWindowEnded));
        }

        public Builder condition(Output<AlertMutingRuleConditionArgs> condition) {
            $.condition = condition;
            return this;
        }

        public Builder condition(AlertMutingRuleConditionArgs condition) {
            return condition(Output.of(condition));
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

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder schedule(/* @Nullable */ Output<AlertMutingRuleScheduleArgs> schedule) {
            $.schedule = schedule;
            return this;
        }

        public Builder schedule(AlertMutingRuleScheduleArgs schedule) {
            return schedule(Output.of(schedule));
        }

        public AlertMutingRuleArgs build() {
            if ($.condition == null) {
                throw new MissingRequiredPropertyException("AlertMutingRuleArgs", "condition");
            }
            if ($.enabled == null) {
                throw new MissingRequiredPropertyException("AlertMutingRuleArgs", "enabled");
            }
            return $;
        }
    }
}
