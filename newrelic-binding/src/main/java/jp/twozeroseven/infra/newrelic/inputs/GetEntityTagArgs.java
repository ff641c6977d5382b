// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** A tag filter of the getEntity invoke. */
public final class GetEntityTagArgs extends com.pulumi.resources.ResourceArgs {

    public static final GetEntityTagArgs Empty = new GetEntityTagArgs();

    /** The tag key. */
    @Import(name="key", required=true)
    private Output<String> key;

    public Output<String> key() {
        return this.key;
    }

    /** The tag value. */
    @Import(name="value", required=true)
    private Output<String> value;

    public Output<String> value() {
        return this.value;
    }

    private GetEntityTagArgs() {}

    private GetEntityTagArgs(GetEntityTagArgs $) {
        this.key = $.key;
        this.value = $.value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GetEntityTagArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private GetEntityTagArgs $;

        public Builder() {
            $ = new GetEntityTagArgs();
        }

        public Builder(GetEntityTagArgs defaults) {
            $ = new GetEntityTagArgs(Objects.requireNonNull(defaults));
        }

        public Builder key(Output<String> key) {
            $.key = key;
            return this;
        }

        public Builder key(String key) {
            return key(Output.of(key));
        }

        public Builder value(Output<String> value) {
            $.value = value;
            return this;
        }

        public Builder value(String value) {
            return value(Output.of(value));
        }

        public GetEntityTagArgs build() {
            if ($.key == null) {
                throw new MissingRequiredPropertyException("GetEntityTagArgs", "key");
            }
            if ($.value == null) {
                throw new MissingRequiredPropertyException("GetEntityTagArgs", "value");
            }
            return $;
        }
    }
}
