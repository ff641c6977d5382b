// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** Token authentication of a notification destination. */
public final class NotificationDestinationAuthTokenArgs extends com.pulumi.resources.ResourceArgs {

    public static final NotificationDestinationAuthTokenArgs Empty = new NotificationDestinationAuthTokenArgs();

    /** The token prefix, e.g. Bearer. */
    @Import(name="prefix")
    private /* @Nullable */ Output<String> prefix;

    public Optional<Output<String>> prefix() {
        return Optional.ofNullable(this.prefix);
    }

    /** The token; pass it as a secret Output. */
    @Import(name="token", required=true)
    private Output<String> token;

    public Output<String> token() {
        return this.token;
    }

    private NotificationDestinationAuthTokenArgs() {}

    private NotificationDestinationAuthTokenArgs(NotificationDestinationAuthTokenArgs $) {
        this.prefix = $.prefix;
        this.token = $.token;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NotificationDestinationAuthTokenArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NotificationDestinationAuthTokenArgs $;

        public Builder() {
            $ = new NotificationDestinationAuthTokenArgs();
        }

        public Builder(NotificationDestinationAuthTokenArgs defaults) {
            $ = new NotificationDestinationAuthTokenArgs(Objects.requireNonNull(defaults));
        }

        public Builder prefix(/* @Nullable */ Output<String> prefix) {
            $.prefix = prefix;
            return this;
        }

        public Builder prefix(String prefix) {
            return prefix(Output.of(prefix));
        }

        public Builder token(Output<String> token) {
            $.token = token;
            return this;
        }

        public Builder token(String token) {
            return token(Output.of(token));
        }

        public NotificationDestinationAuthTokenArgs build() {
            if ($.token == null) {
                throw new MissingRequiredPropertyException("NotificationDestinationAuthTokenArgs", "token");
            }
            return $;
        }
    }
}
