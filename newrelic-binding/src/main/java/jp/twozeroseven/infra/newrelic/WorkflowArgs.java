// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Boolean;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowDestinationArgs;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowIssuesFilterArgs;

/** The arguments for constructing a Workflow resource. */
public final class WorkflowArgs extends com.pulumi.resources.ResourceArgs {

    public static final WorkflowArgs Empty = new WorkflowArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** The channels notified. */
    @Import(name="destinations", required=true)
    private Output<List<WorkflowDestinationArgs>> destinations;

    public Output<List<WorkflowDestinationArgs>> destinations() {
        return this.destinations;
    }

    /** Whether notifications are sent. */
    @Import(name="destinationsEnabled")
    private /* @Nullable */ Output<Boolean> destinationsEnabled;

    public Optional<Output<Boolean>> destinationsEnabled() {
        return Optional.ofNullable(this.destinationsEnabled);
    }

    /** Whether the workflow is enabled. */
    @Import(name="enabled")
    private /* @Nullable */ Output<Boolean> enabled;

    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(this.enabled);
    }

    /** Whether enrichments run. */
    @Import(name="enrichmentsEnabled")
    private /* @Nullable */ Output<Boolean> enrichmentsEnabled;

    public Optional<Output<Boolean>> enrichmentsEnabled() {
        return Optional.ofNullable(this.enrichmentsEnabled);
    }

    /** Which issues the workflow handles. */
    @Import(name="issuesFilter", required=true)
    private Output<WorkflowIssuesFilterArgs> issuesFilter;

    public Output<WorkflowIssuesFilterArgs> issuesFilter() {
        return this.issuesFilter;
    }

    /** NOTIFY_ALL_ISSUES, DONT_NOTIFY_FULLY_MUTED_ISSUES or DONT_NOTIFY_FULLY_OR_PARTIALLY_MUTED_ISSUES. */
    @Import(name="mutingRulesHandling", required=true)
    private Output<String> mutingRulesHandling;

    public Output<String> mutingRulesHandling() {
        return this.mutingRulesHandling;
    }

    /** The workflow name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    private WorkflowArgs() {}

    private WorkflowArgs(WorkflowArgs $) {
        this.accountId = $.accountId;
        this.destinations = $.destinations;
        this.destinationsEnabled = $.destinationsEnabled;
        this.enabled = $.enabled;
        this.enrichmentsEnabled = $.enrichmentsEnabled;
        this.issuesFilter = $.issuesFilter;
        this.mutingRulesHandling = $.mutingRulesHandling;
        this.name = $.name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(WorkflowArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private WorkflowArgs $;

        public Builder() {
            $ = new WorkflowArgs();
        }

        public Builder(WorkflowArgs defaults) {
            $ = new WorkflowArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder destinations(Output<List<WorkflowDestinationArgs>> destinations) {
            $.destinations = destinations;
            return this;
        }

        public Builder destinations(List<WorkflowDestinationArgs> destinations) {
            return destinations(Output.of(destinations));
        }

        public Builder destinations(WorkflowDestinationArgs... destinations) {
            return destinations(List.of(destinations));
        }

        public Builder destinationsEnabled(/* @Nullable */ Output<Boolean> destinationsEnabled) {
            $.destinationsEnabled = destinationsEnabled;
            return this;
        }

        public Builder destinationsEnabled(Boolean destinationsEnabled) {
            return destinationsEnabled(Output.of(destinationsEnabled));
        }

        public Builder enabled(/* @Nullable */ Output<Boolean> enabled) {
            $.enabled = enabled;
            return this;
        }

        public Builder enabled(Boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder enrichmentsEnabled(/* @Nullable */ Output<Boolean> enrichmentsEnabled) {
            $.enrichmentsEnabled = enrichmentsEnabled;
            return this;
        }

        public Builder enrichmentsEnabled(Boolean enrichmentsEnabled) {
            return enrichmentsEnabled(Output.of(enrichmentsEnabled));
        }

        public Builder issuesFilter(Output<WorkflowIssuesFilterArgs> issuesFilter) {
            $.issuesFilter = issuesFilter;
            return this;
        }

        public Builder issuesFilter(WorkflowIssuesFilterArgs issuesFilter) {
            return issuesFilter(Output.of(issuesFilter));
        }

        public Builder mutingRulesHandling(Output<String> mutingRulesHandling) {
            $.mutingRulesHandling = mutingRulesHandling;
            return this;
        }

        public Builder mutingRulesHandling(String mutingRulesHandling) {
            return mutingRulesHandling(Output.of(mutingRulesHandling));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public WorkflowArgs build() {
            if ($.destinations == null) {
                throw new MissingRequiredPropertyException("WorkflowArgs", "destinations");
            }
            if ($.issuesFilter == null) {
                throw new MissingRequiredPropertyException("WorkflowArgs", "issuesFilter");
            }
            if ($.mutingRulesHandling == null) {
                throw new MissingRequiredPropertyException("WorkflowArgs", "mutingRulesHandling");
            }
            return $;
        }
    }
}
