// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Double;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The objective of a service level. */
public final class ServiceLevelObjectiveArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceLevelObjectiveArgs Empty = new ServiceLevelObjectiveArgs();

    /** The objective description. */
    @Import(name="description")
    private /* @Nullable */ Output<String> description;

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /** The objective name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** The target percentage, e.g. 99.9. */
    @Import(name="target", required=true)
    private Output<Double> target;

    public Output<Double> target() {
        return this.target;
    }

    /** The rolling window. */
    @Import(name="timeWindow", required=true)
    private Output<ServiceLevelObjectiveTimeWindowArgs> timeWindow;

    public Output<ServiceLevelObjectiveTimeWindowArgs> timeWindow() {
        return this.timeWindow;
    }

    private ServiceLevelObjectiveArgs() {}

    private ServiceLevelObjectiveArgs(ServiceLevelObjectiveArgs $) {
        this.description = $.description;
        this.name = $.name;
        this.target = $.target;
        this.timeWindow = $.timeWindow;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceLevelObjectiveArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceLevelObjectiveArgs $;

        public Builder() {
            $ = new ServiceLevelObjectiveArgs();
        }

        public Builder(ServiceLevelObjectiveArgs defaults) {
            $ = new ServiceLevelObjectiveArgs(Objects.requireNonNull(defaults));
        }

        public Builder description(/* @Nullable */ Output<String> description) {
            $.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder target(Output<Double> target) {
            $.target = target;
            return this;
        }

        public Builder target(Double target) {
            return target(Output.of(target));
        }

        public Builder timeWindow(Output<ServiceLevelObjectiveTimeWindowArgs> timeWindow) {
            $.timeWindow = timeWindow;
            return this;
        }

        public Builder timeWindow(ServiceLevelObjectiveTimeWindowArgs timeWindow) {
            return timeWindow(Output.of(timeWindow));
        }

        public ServiceLevelObjectiveArgs build() {
            if ($.target == null) {
                throw new MissingRequiredPropertyException("ServiceLevelObjectiveArgs", "target");
            }
            if ($.timeWindow == null) {
                throw new MissingRequiredPropertyException("ServiceLevelObjectiveArgs", "timeWindow");
            }
            return $;
        }
    }
}
