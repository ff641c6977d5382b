// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.synthetics;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Boolean;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The arguments for constructing a synthetics Monitor resource (SIMPLE and BROWSER monitors). */
public final class MonitorArgs extends com.pulumi.resources.ResourceArgs {

    public static final MonitorArgs Empty = new MonitorArgs();

    /** The account in which the monitor is created; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** SIMPLE: send GET instead of the default HEAD request. */
    @Import(name="bypassHeadRequest")
    private /* @Nullable */ Output<Boolean> bypassHeadRequest;

    public Optional<Output<Boolean>> bypassHeadRequest() {
        return Optional.ofNullable(this.bypassHeadRequest);
    }

    /** Public locations without the AWS_ prefix, e.g. AP_NORTHEAST_1 (Tokyo). */
    @Import(name="locationsPublics")
    private /* @Nullable */ Output<List<String>> locationsPublics;

    public Optional<Output<List<String>>> locationsPublics() {
        return Optional.ofNullable(this.locationsPublics);
    }

    /** The monitor's name. */
    @Import(name="name")
    private /* @Nullable */ Output<String> name;

    public Optional<Output<String>> name() {
        return Optional.ofNullable(this.name);
    }

    /** EVERY_MINUTE, EVERY_5_MINUTES, ... EVERY_DAY. */
    @Import(name="period")
    private /* @Nullable */ Output<String> period;

    public Optional<Output<String>> period() {
        return Optional.ofNullable(this.period);
    }

    /** ENABLED or DISABLED (required). */
    @Import(name="status", required=true)
    private Output<String> status;

    public Output<String> status() {
        return this.status;
    }

    /** SIMPLE: a redirect fails the check. */
    @Import(name="treatRedirectAsFailure")
    private /* @Nullable */ Output<Boolean> treatRedirectAsFailure;

    public Optional<Output<Boolean>> treatRedirectAsFailure() {
        return Optional.ofNullable(this.treatRedirectAsFailure);
    }

    /** SIMPLE or BROWSER (required). */
    @Import(name="type", required=true)
    private Output<String> type;

    public Output<String> type() {
        return this.type;
    }

    /** The URI the monitor checks. */
    @Import(name="uri")
    private /* @Nullable */ Output<String> uri;

    public Optional<Output<String>> uri() {
        return Optional.ofNullable(this.uri);
    }

    /** SIMPLE: validate the TLS certificate chain. */
    @Import(name="verifySsl")
    private /* @Nullable */ Output<Boolean> verifySsl;

    public Optional<Output<Boolean>> verifySsl() {
        return Optional.ofNullable(this.verifySsl);
    }

    private MonitorArgs() {}

    private MonitorArgs(MonitorArgs $) {
        this.accountId = $.accountId;
        this.bypassHeadRequest = $.bypassHeadRequest;
        this.locationsPublics = $.locationsPublics;
        this.name = $.name;
        this.period = $.period;
        this.status = $.status;
        this.treatRedirectAsFailure = $.treatRedirectAsFailure;
        this.type = $.type;
        this.uri = $.uri;
        this.verifySsl = $.verifySsl;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(MonitorArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private MonitorArgs $;

        public Builder() {
            $ = new MonitorArgs();
        }

        public Builder(MonitorArgs defaults) {
            $ = new MonitorArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder bypassHeadRequest(/* @Nullable */ Output<Boolean> bypassHeadRequest) {
            $.bypassHeadRequest = bypassHeadRequest;
            return this;
        }

        public Builder bypassHeadRequest(Boolean bypassHeadRequest) {
            return bypassHeadRequest(Output.of(bypassHeadRequest));
        }

        public Builder locationsPublics(/* @Nullable */ Output<List<String>> locationsPublics) {
            $.locationsPublics = locationsPublics;
            return this;
        }

        public Builder locationsPublics(List<String> locationsPublics) {
            return locationsPublics(Output.of(locationsPublics));
        }

        public Builder locationsPublics(String... locationsPublics) {
            return locationsPublics(List.of(locationsPublics));
        }

        public Builder name(/* @Nullable */ Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder period(/* @Nullable */ Output<String> period) {
            $.period = period;
            return this;
        }

        public Builder period(String period) {
            return period(Output.of(period));
        }

        public Builder status(/* @Nullable */ Output<String> status) {
            $.status = status;
            return this;
        }

        public Builder status(String status) {
            return status(Output.of(status));
        }

        public Builder treatRedirectAsFailure(/* @Nullable */ Output<Boolean> treatRedirectAsFailure) {
            $.treatRedirectAsFailure = treatRedirectAsFailure;
            return this;
        }

        public Builder treatRedirectAsFailure(Boolean treatRedirectAsFailure) {
            return treatRedirectAsFailure(Output.of(treatRedirectAsFailure));
        }

        public Builder type(/* @Nullable */ Output<String> type) {
            $.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public Builder uri(/* @Nullable */ Output<String> uri) {
            $.uri = uri;
            return this;
        }

        public Builder uri(String uri) {
            return uri(Output.of(uri));
        }

        public Builder verifySsl(/* @Nullable */ Output<Boolean> verifySsl) {
            $.verifySsl = verifySsl;
            return this;
        }

        public Builder verifySsl(Boolean verifySsl) {
            return verifySsl(Output.of(verifySsl));
        }

        public MonitorArgs build() {
            if ($.status == null) {
                throw new MissingRequiredPropertyException("MonitorArgs", "status");
            }
            if ($.type == null) {
                throw new MissingRequiredPropertyException("MonitorArgs", "type");
            }
            return $;
        }
    }
}
