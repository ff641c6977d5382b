// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveArgs;

/** The arguments for constructing a ServiceLevel resource. */
public final class ServiceLevelArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceLevelArgs Empty = new ServiceLevelArgs();

    /** What the SLI measures. */
    @Import(name="description")
    private /* @Nullable */ Output<String> description;

    public Optional<Output<String>> description() {
        return Optional.ofNullable(this.description);
    }

    /** The NRQL event definitions of the SLI. */
    @Import(name="events", required=true)
    private Output<ServiceLevelEventsArgs> events;

    public Output<ServiceLevelEventsArgs> events() {
        return this.events;
    }

    /** The GUID of the entity the SLI belongs to. */
    @Import(name="guid", required=true)
    private Output<String> guid;

    public Output<String> guid() {
        return this.guid;
    }

    /** The SLI name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** The SLO. */
    @Import(name="objective", required=true)
    private Output<ServiceLevelObjectiveArgs> objective;

    public Output<ServiceLevelObjectiveArgs> objective() {
        return this.objective;
    }

    private ServiceLevelArgs() {}

    private ServiceLevelArgs(ServiceLevelArgs $) {
        this.description = $.description;
        this.events = $.events;
        this.guid = $.guid;
        this.name = $.name;
        this.objective = $.objective;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceLevelArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceLevelArgs $;

        public Builder() {
            $ = new ServiceLevelArgs();
        }

        public Builder(ServiceLevelArgs defaults) {
            $ = new ServiceLevelArgs(Objects.requireNonNull(defaults));
        }

        public Builder description(/* @Nullable */ Output<String> description) {
            $.description = description;
            return this;
        }

        public Builder description(String description) {
            return description(Output.of(description));
        }

        public Builder events(Output<ServiceLevelEventsArgs> events) {
            $.events = events;
            return this;
        }

        public Builder events(ServiceLevelEventsArgs events) {
            return events(Output.of(events));
        }

        public Builder guid(Output<String> guid) {
            $.guid = guid;
            return this;
        }

        public Builder guid(String guid) {
            return guid(Output.of(guid));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder objective(Output<ServiceLevelObjectiveArgs> objective) {
            $.objective = objective;
            return this;
        }

        public Builder objective(ServiceLevelObjectiveArgs objective) {
            return objective(Output.of(objective));
        }

        public ServiceLevelArgs build() {
            if ($.events == null) {
                throw new MissingRequiredPropertyException("ServiceLevelArgs", "events");
            }
            if ($.guid == null) {
                throw new MissingRequiredPropertyException("ServiceLevelArgs", "guid");
            }
            if ($.objective == null) {
                throw new MissingRequiredPropertyException("ServiceLevelArgs", "objective");
            }
            return $;
        }
    }
}
