// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Codegen;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The arguments for constructing a New Relic provider. */
public final class ProviderArgs extends com.pulumi.resources.ResourceArgs {

    public static final ProviderArgs Empty = new ProviderArgs();

    /** The New Relic account ID (a string); defaults to NEW_RELIC_ACCOUNT_ID. Sent as a secret. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** The User API key (NRAK-...). Sent as a secret. */
    @Import(name="apiKey")
    private /* @Nullable */ Output<String> apiKey;

    public Optional<Output<String>> apiKey() {
        return Optional.ofNullable(this.apiKey);
    }

    /** US or EU; defaults to NEW_RELIC_REGION, then US. */
    @Import(name="region")
    private /* @Nullable */ Output<String> region;

    public Optional<Output<String>> region() {
        return Optional.ofNullable(this.region);
    }

    private ProviderArgs() {}

    private ProviderArgs(ProviderArgs $) {
        this.accountId = $.accountId;
        this.apiKey = $.apiKey;
        this.region = $.region;
    }

    public static Builder builder() {
        return new Builder();
    }
    public static Builder builder(ProviderArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ProviderArgs $;

        public Builder() {
            $ = new ProviderArgs();
        }

        public Builder(ProviderArgs defaults) {
            $ = new ProviderArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder apiKey(/* @Nullable */ Output<String> apiKey) {
            $.apiKey = apiKey;
            return this;
        }

        public Builder apiKey(String apiKey) {
            return apiKey(Output.of(apiKey));
        }

        public Builder region(/* @Nullable */ Output<String> region) {
            $.region = region;
            return this;
        }

        public Builder region(String region) {
            return region(Output.of(region));
        }

        public ProviderArgs build() {
            $.accountId = Codegen.stringProp("accountId").output().arg($.accountId).env("NEW_RELIC_ACCOUNT_ID").getNullable();
            $.region = Codegen.stringProp("region").output().arg($.region).env("NEW_RELIC_REGION").def("US").getNullable();
            // Like the Node SDK, wrap credentials here so a plain string can never reach the state file unmasked.
            $.accountId = $.accountId == null ? null : $.accountId.asSecret();
            $.apiKey = $.apiKey == null ? null : $.apiKey.asSecret();
            return $;
        }
    }
}
