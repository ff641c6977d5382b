// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The valid events of a service level. */
public final class ServiceLevelEventsValidEventsArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceLevelEventsValidEventsArgs Empty = new ServiceLevelEventsValidEventsArgs();

    /** The NRDB event type. */
    @Import(name="from", required=true)
    private Output<String> from;

    public Output<String> from() {
        return this.from;
    }

    /** The NRQL WHERE clause, without the WHERE keyword. */
    @Import(name="where")
    private /* @Nullable */ Output<String> where;

    public Optional<Output<String>> where() {
        return Optional.ofNullable(this.where);
    }

    private ServiceLevelEventsValidEventsArgs() {}

    private ServiceLevelEventsValidEventsArgs(ServiceLevelEventsValidEventsArgs $) {
        this.from = $.from;
        this.where = $.where;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceLevelEventsValidEventsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceLevelEventsValidEventsArgs $;

        public Builder() {
            $ = new ServiceLevelEventsValidEventsArgs();
        }

        public Builder(ServiceLevelEventsValidEventsArgs defaults) {
            $ = new ServiceLevelEventsValidEventsArgs(Objects.requireNonNull(defaults));
        }

        public Builder from(Output<String> from) {
            $.from = from;
            return this;
        }

        public Builder from(String from) {
            return from(Output.of(from));
        }

        public Builder where(/* @Nullable */ Output<String> where) {
            $.where = where;
            return this;
        }

        public Builder where(String where) {
            return where(Output.of(where));
        }

        public ServiceLevelEventsValidEventsArgs build() {
            if ($.from == null) {
                throw new MissingRequiredPropertyException("ServiceLevelEventsValidEventsArgs", "from");
            }
            return $;
        }
    }
}
