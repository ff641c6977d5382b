// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The bad events of a service level. */
public final class ServiceLevelEventsBadEventsArgs extends com.pulumi.resources.ResourceArgs {

    public static final ServiceLevelEventsBadEventsArgs Empty = new ServiceLevelEventsBadEventsArgs();

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

    private ServiceLevelEventsBadEventsArgs() {}

    private ServiceLevelEventsBadEventsArgs(ServiceLevelEventsBadEventsArgs $) {
        this.from = $.from;
        this.where = $.where;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(ServiceLevelEventsBadEventsArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ServiceLevelEventsBadEventsArgs $;

        public Builder() {
            $ = new ServiceLevelEventsBadEventsArgs();
        }

        public Builder(ServiceLevelEventsBadEventsArgs defaults) {
            $ = new ServiceLevelEventsBadEventsArgs(Objects.requireNonNull(defaults));
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

        public ServiceLevelEventsBadEventsArgs build() {
            if ($.from == null) {
                throw new MissingRequiredPropertyException("ServiceLevelEventsBadEventsArgs", "from");
            }
            return $;
        }
    }
}
