// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** A key/value setting of a notification destination. */
public final class NotificationDestinationPropertyArgs extends com.pulumi.resources.ResourceArgs {

    public static final NotificationDestinationPropertyArgs Empty = new NotificationDestinationPropertyArgs();

    /** A human-readable value. */
    @Import(name="displayValue")
    private /* @Nullable */ Output<String> displayValue;

    public Optional<Output<String>> displayValue() {
        return Optional.ofNullable(this.displayValue);
    }

    /** The property key. */
    @Import(name="key", required=true)
    private Output<String> key;

    public Output<String> key() {
        return this.key;
    }

    /** The property label. */
    @Import(name="label")
    private /* @Nullable */ Output<String> label;

    public Optional<Output<String>> label() {
        return Optional.ofNullable(this.label);
    }

    /** The property value. */
    @Import(name="value", required=true)
    private Output<String> value;

    public Output<String> value() {
        return this.value;
    }

    private NotificationDestinationPropertyArgs() {}

    private NotificationDestinationPropertyArgs(NotificationDestinationPropertyArgs $) {
        this.displayValue = $.displayValue;
        this.key = $.key;
        this.label = $.label;
        this.value = $.value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NotificationDestinationPropertyArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NotificationDestinationPropertyArgs $;

        public Builder() {
            $ = new NotificationDestinationPropertyArgs();
        }

        public Builder(NotificationDestinationPropertyArgs defaults) {
            $ = new NotificationDestinationPropertyArgs(Objects.requireNonNull(defaults));
        }

        public Builder displayValue(/* @Nullable */ Output<String> displayValue) {
            $.displayValue = displayValue;
            return this;
        }

        public Builder displayValue(String displayValue) {
            return displayValue(Output.of(displayValue));
        }

        public Builder key(Output<String> key) {
            $.key = key;
            return this;
        }

        public Builder key(String key) {
            return key(Output.of(key));
        }

        public Builder label(/* @Nullable */ Output<String> label) {
            $.label = label;
            return this;
        }

        public Builder label(String label) {
            return label(Output.of(label));
        }

        public Builder value(Output<String> value) {
            $.value = value;
            return this;
        }

        public Builder value(String value) {
            return value(Output.of(value));
        }

        public NotificationDestinationPropertyArgs build() {
            if ($.key == null) {
                throw new MissingRequiredPropertyException("NotificationDestinationPropertyArgs", "key");
            }
            if ($.value == null) {
                throw new MissingRequiredPropertyException("NotificationDestinationPropertyArgs", "value");
            }
            return $;
        }
    }
}
