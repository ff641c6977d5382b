// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Double;
import java.lang.Integer;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The warning term of a NRQL alert condition. */
public final class NrqlAlertConditionWarningArgs extends com.pulumi.resources.ResourceArgs {

    public static final NrqlAlertConditionWarningArgs Empty = new NrqlAlertConditionWarningArgs();

    /** above, above_or_equals, below, below_or_equals, equals or not_equals. */
    @Import(name="operator")
    private /* @Nullable */ Output<String> operator;

    public Optional<Output<String>> operator() {
        return Optional.ofNullable(this.operator);
    }

    /** The threshold value; a number in the schema. */
    @Import(name="threshold", required=true)
    private Output<Double> threshold;

    public Output<Double> threshold() {
        return this.threshold;
    }

    /** Seconds the threshold must be breached; a multiple of the aggregation window. */
    @Import(name="thresholdDuration")
    private /* @Nullable */ Output<Integer> thresholdDuration;

    public Optional<Output<Integer>> thresholdDuration() {
        return Optional.ofNullable(this.thresholdDuration);
    }

    /** ALL or AT_LEAST_ONCE. */
    @Import(name="thresholdOccurrences")
    private /* @Nullable */ Output<String> thresholdOccurrences;

    public Optional<Output<String>> thresholdOccurrences() {
        return Optional.ofNullable(this.thresholdOccurrences);
    }

    private NrqlAlertConditionWarningArgs() {}

    private NrqlAlertConditionWarningArgs(NrqlAlertConditionWarningArgs $) {
        this.operator = $.operator;
        this.threshold = $.threshold;
        this.thresholdDuration = $.thresholdDuration;
        this.thresholdOccurrences = $.thresholdOccurrences;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NrqlAlertConditionWarningArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NrqlAlertConditionWarningArgs $;

        public Builder() {
            $ = new NrqlAlertConditionWarningArgs();
        }

        public Builder(NrqlAlertConditionWarningArgs defaults) {
            $ = new NrqlAlertConditionWarningArgs(Objects.requireNonNull(defaults));
        }

        public Builder operator(/* @Nullable */ Output<String> operator) {
            $.operator = operator;
            return this;
        }

        public Builder operator(String operator) {
            return operator(Output.of(operator));
        }

        public Builder threshold(Output<Double> threshold) {
            $.threshold = threshold;
            return this;
        }

        public Builder threshold(Double threshold) {
            return threshold(Output.of(threshold));
        }

        public Builder thresholdDuration(/* @Nullable */ Output<Integer> thresholdDuration) {
            $.thresholdDuration = thresholdDuration;
            return this;
        }

        public Builder thresholdDuration(Integer thresholdDuration) {
            return thresholdDuration(Output.of(thresholdDuration));
        }

        public Builder thresholdOccurrences(/* @Nullable */ Output<String> thresholdOccurrences) {
            $.thresholdOccurrences = thresholdOccurrences;
            return this;
        }

        public Builder thresholdOccurrences(String thresholdOccurrences) {
            return thresholdOccurrences(Output.of(thresholdOccurrences));
        }

        public NrqlAlertConditionWarningArgs build() {
            if ($.threshold == null) {
                throw new MissingRequiredPropertyException("NrqlAlertConditionWarningArgs", "threshold");
            }
            return $;
        }
    }
}
