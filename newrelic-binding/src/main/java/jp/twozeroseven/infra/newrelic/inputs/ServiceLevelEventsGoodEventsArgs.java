// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The good events of a service level. */
public final class ServiceLevelEventsGoodEventsArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceLevelEventsGoodEventsArgs Empty = new ServiceLevelEventsGoodEventsArgs();

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

    private ServiceLevelEventsGoodEventsArgs() {}

    private ServiceLevelEventsGoodEventsArgs(ServiceLevelEventsGoodEventsArgs $) {
        this.from = $.from;
        this.where = $.where;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceLevelEventsGoodEventsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceLevelEventsGoodEventsArgs $;

        public Builder() {
            $ = new ServiceLevelEventsGoodEventsArgs();
        }

        public Builder(ServiceLevelEventsGoodEventsArgs defaults) {
            $ = new ServiceLevelEventsGoodEventsArgs(Objects.requireNonNull(defaults));
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

        public ServiceLevelEventsGoodEventsArgs build() {
            if ($.from == null) {
                throw new MissingRequiredPropertyException("ServiceLevelEventsGoodEventsArgs", "from");
            }
            return $;
        }
    }
}
