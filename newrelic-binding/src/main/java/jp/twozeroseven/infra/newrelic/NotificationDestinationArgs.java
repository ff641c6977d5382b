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
import jp.twozeroseven.infra.newrelic.inputs.NotificationDestinationAuthTokenArgs;
import jp.twozeroseven.infra.newrelic.inputs.NotificationDestinationPropertyArgs;

/** The arguments for constructing a NotificationDestination resource. */
public final class NotificationDestinationArgs extends com.pulumi.resources.ResourceArgs {

    public static final NotificationDestinationArgs Empty = new NotificationDestinationArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** Whether the destination is active. */
    @Import(name="active")
    private /* @Nullable */ Output<Boolean> active;

    public Optional<Output<Boolean>> active() {
        return Optional.ofNullable(this.active);
    }

    /** Token authentication, e.g. a PagerDuty service key. */
    @Import(name="authToken")
    private /* @Nullable */ Output<NotificationDestinationAuthTokenArgs> authToken;

    public Optional<Output<NotificationDestinationAuthTokenArgs>> authToken() {
        return Optional.ofNullable(this.authToken);
    }

    /** The destination name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** Type-specific key/value settings. */
    @Import(name="properties", required=true)
    private Output<List<NotificationDestinationPropertyArgs>> properties;

    public Output<List<NotificationDestinationPropertyArgs>> properties() {
        return this.properties;
    }

    /** EMAIL, SLACK, PAGERDUTY_SERVICE_INTEGRATION, WEBHOOK, ... */
    @Import(name="type", required=true)
    private Output<String> type;

    public Output<String> type() {
        return this.type;
    }

    private NotificationDestinationArgs() {}

    private NotificationDestinationArgs(NotificationDestinationArgs $) {
        this.accountId = $.accountId;
        this.active = $.active;
        this.authToken = $.authToken;
        this.name = $.name;
        this.properties = $.properties;
        this.type = $.type;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(NotificationDestinationArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private NotificationDestinationArgs $;

        public Builder() {
            $ = new NotificationDestinationArgs();
        }

        public Builder(NotificationDestinationArgs defaults) {
            $ = new NotificationDestinationArgs(Objects.requireNonNull(defaults));
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

        public Builder authToken(/* @Nullable */ Output<NotificationDestinationAuthTokenArgs> authToken) {
            $.authToken = authToken;
            return this;
        }

        public Builder authToken(NotificationDestinationAuthTokenArgs authToken) {
            return authToken(Output.of(authToken));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder properties(Output<List<NotificationDestinationPropertyArgs>> properties) {
            $.properties = properties;
            return this;
        }

        public Builder properties(List<NotificationDestinationPropertyArgs> properties) {
            return properties(Output.of(properties));
        }

        public Builder properties(NotificationDestinationPropertyArgs... properties) {
            return properties(List.of(properties));
        }

        public Builder type(Output<String> type) {
            $.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public NotificationDestinationArgs build() {
            if ($.properties == null) {
                throw new MissingRequiredPropertyException("NotificationDestinationArgs", "properties");
            }
            if ($.type == null) {
                throw new MissingRequiredPropertyException("NotificationDestinationArgs", "type");
            }
            return $;
        }
    }
}
