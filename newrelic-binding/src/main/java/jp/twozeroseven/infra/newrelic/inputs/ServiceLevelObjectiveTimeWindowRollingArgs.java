// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Integer;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** A rolling time window. */
public final class ServiceLevelObjectiveTimeWindowRollingArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceLevelObjectiveTimeWindowRollingArgs Empty = new ServiceLevelObjectiveTimeWindowRollingArgs();

    /** 1, 7 or 28. */
    @Import(name="count", required=true)
    private Output<Integer> count;

    public Output<Integer> count() {
        return this.count;
    }

    /** DAY. */
    @Import(name="unit", required=true)
    private Output<String> unit;

    public Output<String> unit() {
        return this.unit;
    }

    private ServiceLevelObjectiveTimeWindowRollingArgs() {}

    private ServiceLevelObjectiveTimeWindowRollingArgs(ServiceLevelObjectiveTimeWindowRollingArgs $) {
        this.count = $.count;
        this.unit = $.unit;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceLevelObjectiveTimeWindowRollingArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceLevelObjectiveTimeWindowRollingArgs $;

        public Builder() {
            $ = new ServiceLevelObjectiveTimeWindowRollingArgs();
        }

        public Builder(ServiceLevelObjectiveTimeWindowRollingArgs defaults) {
            $ = new ServiceLevelObjectiveTimeWindowRollingArgs(Objects.requireNonNull(defaults));
        }

        public Builder count(Output<Integer> count) {
            $.count = count;
            return this;
        }

        public Builder count(Integer count) {
            return count(Output.of(count));
        }

        public Builder unit(Output<String> unit) {
            $.unit = unit;
            return this;
        }

        public Builder unit(String unit) {
            return unit(Output.of(unit));
        }

        public ServiceLevelObjectiveTimeWindowRollingArgs build() {
            if ($.count == null) {
                throw new MissingRequiredPropertyException("ServiceLevelObjectiveTimeWindowRollingArgs", "count");
            }
            if ($.unit == null) {
                throw new MissingRequiredPropertyException("ServiceLevelObjectiveTimeWindowRollingArgs", "unit");
            }
            return $;
        }
    }
}
