// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The issue filter of a workflow. */
public final class WorkflowIssuesFilterArgs extends com.pulumi.resources.ResourceArgs {

    public static final WorkflowIssuesFilterArgs Empty = new WorkflowIssuesFilterArgs();

    /** The filter name. */
    @Import(name="name", required=true)
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** The conditions an issue must meet. */
    @Import(name="predicates")
    private /* @Nullable */ Output<List<WorkflowIssuesFilterPredicateArgs>> predicates;

    public Optional<Output<List<WorkflowIssuesFilterPredicateArgs>>> predicates() {
        return Optional.ofNullable(this.predicates);
    }

    /** FILTER. */
    @Import(name="type", required=true)
    private Output<String> type;

    public Output<String> type() {
        return this.type;
    }

    private WorkflowIssuesFilterArgs() {}

    private WorkflowIssuesFilterArgs(WorkflowIssuesFilterArgs $) {
        this.name = $.name;
        this.predicates = $.predicates;
        this.type = $.type;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(WorkflowIssuesFilterArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private WorkflowIssuesFilterArgs $;

        public Builder() {
            $ = new WorkflowIssuesFilterArgs();
        }

        public Builder(WorkflowIssuesFilterArgs defaults) {
            $ = new WorkflowIssuesFilterArgs(Objects.requireNonNull(defaults));
        }

        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder predicates(/* @Nullable */ Output<List<WorkflowIssuesFilterPredicateArgs>> predicates) {
            $.predicates = predicates;
            return this;
        }

        public Builder predicates(List<WorkflowIssuesFilterPredicateArgs> predicates) {
            return predicates(Output.of(predicates));
        }

        public Builder predicates(WorkflowIssuesFilterPredicateArgs... predicates) {
            return predicates(List.of(predicates));
        }

        public Builder type(Output<String> type) {
            $.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public WorkflowIssuesFilterArgs build() {
            if ($.name == null) {
                throw new MissingRequiredPropertyException("WorkflowIssuesFilterArgs", "name");
            }
            if ($.type == null) {
                throw new MissingRequiredPropertyException("WorkflowIssuesFilterArgs", "type");
            }
            return $;
        }
    }
}
