// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The arguments for constructing a AlertPolicy resource. */
public final class AlertPolicyArgs extends com.pulumi.resources.ResourceArgs {

    public static final AlertPolicyArgs Empty = new AlertPolicyArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** PER_POLICY, PER_CONDITION or PER_CONDITION_AND_TARGET. */
    @Import(name="incidentPreference")
    private /* @Nullable */ Output<String> incidentPreference;

    public Optional<Output<String>> incidentPreference() {
        return Optional.ofNullable(this.incidentPreference);
    }

    /** The policy name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    private AlertPolicyArgs() {}

    private AlertPolicyArgs(AlertPolicyArgs $) {
        this.accountId = $.accountId;
        this.incidentPreference = $.incidentPreference;
        this.name = $.name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(AlertPolicyArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private AlertPolicyArgs $;

        public Builder() {
            $ = new AlertPolicyArgs();
        }

        public Builder(AlertPolicyArgs defaults) {
            $ = new AlertPolicyArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder incidentPreference(/* @Nullable */ Output<String> incidentPreference) {
            $.incidentPreference = incidentPreference;
            return this;
        }

        public Builder incidentPreference(String incidentPreference) {
            return incidentPreference(Output.of(incidentPreference));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public AlertPolicyArgs build() {
            return $;
        }
    }
}
