// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.util.Objects;
import java.util.Optional;

/** The time window of an objective. */
public final class ServiceLevelObjectiveTimeWindowArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceLevelObjectiveTimeWindowArgs Empty = new ServiceLevelObjectiveTimeWindowArgs();

    /** The rolling window. */
    @Import(name="rolling", required=true)
    private Output<ServiceLevelObjectiveTimeWindowRollingArgs> rolling;

    public Output<ServiceLevelObjectiveTimeWindowRollingArgs> rolling() {
        return this.rolling;
    }

    private ServiceLevelObjectiveTimeWindowArgs() {}

    private ServiceLevelObjectiveTimeWindowArgs(ServiceLevelObjectiveTimeWindowArgs $) {
        this.rolling = $.rolling;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceLevelObjectiveTimeWindowArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceLevelObjectiveTimeWindowArgs $;

        public Builder() {
            $ = new ServiceLevelObjectiveTimeWindowArgs();
        }

        public Builder(ServiceLevelObjectiveTimeWindowArgs defaults) {
            $ = new ServiceLevelObjectiveTimeWindowArgs(Objects.requireNonNull(defaults));
        }

        public Builder rolling(Output<ServiceLevelObjectiveTimeWindowRollingArgs> rolling) {
            $.rolling = rolling;
            return this;
        }

        public Builder rolling(ServiceLevelObjectiveTimeWindowRollingArgs rolling) {
            return rolling(Output.of(rolling));
        }

        public ServiceLevelObjectiveTimeWindowArgs build() {
            if ($.rolling == null) {
                throw new MissingRequiredPropertyException("ServiceLevelObjectiveTimeWindowArgs", "rolling");
            }
            return $;
        }
    }
}
