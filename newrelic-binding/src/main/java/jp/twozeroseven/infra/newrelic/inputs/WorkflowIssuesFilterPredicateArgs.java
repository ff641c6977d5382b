// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A predicate of a workflow issue filter. */
public final class WorkflowIssuesFilterPredicateArgs extends com.pulumi.resources.ResourceArgs {

    public static final WorkflowIssuesFilterPredicateArgs Empty = new WorkflowIssuesFilterPredicateArgs();

    /** The issue attribute, e.g. labels.policyIds. */
    @Import(name="attribute", required=true)
    private Output<String> attribute;

    public Output<String> attribute() {
        return this.attribute;
    }

    /** EXACTLY_MATCHES, CONTAINS, ... */
    @Import(name="operator", required=true)
    private Output<String> operator;

    public Output<String> operator() {
        return this.operator;
    }

    /** The values to compare with. */
    @Import(name="values", required=true)
    private Output<List<String>> values;

    public Output<List<String>> values() {
        return this.values;
    }

    private WorkflowIssuesFilterPredicateArgs() {}

    private WorkflowIssuesFilterPredicateArgs(WorkflowIssuesFilterPredicateArgs $) {
        this.attribute = $.attribute;
        this.operator = $.operator;
        this.values = $.values;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(WorkflowIssuesFilterPredicateArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private WorkflowIssuesFilterPredicateArgs $;

        public Builder() {
            $ = new WorkflowIssuesFilterPredicateArgs();
        }

        public Builder(WorkflowIssuesFilterPredicateArgs defaults) {
            $ = new WorkflowIssuesFilterPredicateArgs(Objects.requireNonNull(defaults));
        }

        public Builder attribute(Output<String> attribute) {
            $.attribute = attribute;
            return this;
        }

        public Builder attribute(String attribute) {
            return attribute(Output.of(attribute));
        }

        public Builder operator(Output<String> operator) {
            $.operator = operator;
            return this;
        }

        public Builder operator(String operator) {
            return operator(Output.of(operator));
        }

        public Builder values(Output<List<String>> values) {
            $.values = values;
            return this;
        }

        public Builder values(List<String> values) {
            return values(Output.of(values));
        }

        public Builder values(String... values) {
            return values(List.of(values));
        }

        public WorkflowIssuesFilterPredicateArgs build() {
            if ($.attribute == null) {
                throw new MissingRequiredPropertyException("WorkflowIssuesFilterPredicateArgs", "attribute");
            }
            if ($.operator == null) {
                throw new MissingRequiredPropertyException("WorkflowIssuesFilterPredicateArgs", "operator");
            }
            if ($.values == null) {
                throw new MissingRequiredPropertyException("WorkflowIssuesFilterPredicateArgs", "values");
            }
            return $;
        }
    }
}
