// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Boolean;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.twozeroseven.infra.newrelic.inputs.NotificationChannelPropertyArgs;

/** The arguments for constructing a NotificationChannel resource. */
public final class NotificationChannelArgs extends com.pulumi.resources.ResourceArgs {

    public static final NotificationChannelArgs Empty = new NotificationChannelArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** Whether the channel is active. */
    @Import(name="active")
    private /* @Nullable */ Output<Boolean> active;

    public Optional<Output<Boolean>> active() {
        return Optional.ofNullable(this.active);
    }

    /** The destination this channel sends to. */
    @Import(name="destinationId", required=true)
    private Output<String> destinationId;

    public Output<String> destinationId() {
        return this.destinationId;
    }

    /** The channel name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** IINT for alerts workflows. */
    @Import(name="product", required=true)
    private Output<String> product;

    public Output<String> product() {
        return this.product;
    }

    /** Type-specific key/value settings. */
    @Import(name="properties", required=true)
    private Output<List<NotificationChannelPropertyArgs>> properties;

    public Output<List<NotificationChannelPropertyArgs>> properties() {
        return this.properties;
    }

    /** EMAIL, SLACK, PAGERDUTY_SERVICE_INTEGRATION, WEBHOOK, ... */
    @Import(name="type", required=true)
    private Output<String> type;

    public Output<String> type() {
        return this.type;
    }

    private NotificationChannelArgs() {}

    private NotificationChannelArgs(NotificationChannelArgs $) {
        this.accountId = $.accountId;
        this.active = $.active;
        this.destinationId = $.destinationId;
        this.name = $.name;
        this.product = $.product;
        this.properties = $.properties;
        this.type = $.type;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NotificationChannelArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NotificationChannelArgs $;

        public Builder() {
            $ = new NotificationChannelArgs();
        }

        public Builder(NotificationChannelArgs defaults) {
            $ = new NotificationChannelArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder active(/* @Nullable */ Output<Boolean> active) {
            $.active = active;
            return this;
        }

        public Builder active(Boolean active) {
            return active(Output.of(active));
        }

        public Builder destinationId(Output<String> destinationId) {
            $.destinationId = destinationId;
            return this;
        }

        public Builder destinationId(String destinationId) {
            return destinationId(Output.of(destinationId));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder product(Output<String> product) {
            $.product = product;
            return this;
        }

        public Builder product(String product) {
            return product(Output.of(product));
        }

        public Builder properties(Output<List<NotificationChannelPropertyArgs>> properties) {
            $.properties = properties;
            return this;
        }

        public Builder properties(List<NotificationChannelPropertyArgs> properties) {
            return properties(Output.of(properties));
        }

        public Builder properties(NotificationChannelPropertyArgs... properties) {
            return properties(List.of(properties));
        }

        public Builder type(Output<String> type) {
            $.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public NotificationChannelArgs build() {
            if ($.destinationId == null) {
                throw new MissingRequiredPropertyException("NotificationChannelArgs", "destinationId");
            }
            if ($.product == null) {
                throw new MissingRequiredPropertyException("NotificationChannelArgs", "product");
            }
            if ($.properties == null) {
                throw new MissingRequiredPropertyException("NotificationChannelArgs", "properties");
            }
            if ($.type == null) {
                throw new MissingRequiredPropertyException("NotificationChannelArgs", "type");
            }
            return $;
        }
    }
}
