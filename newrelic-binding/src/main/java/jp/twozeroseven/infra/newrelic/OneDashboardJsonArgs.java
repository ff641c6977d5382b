// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;

/** The arguments for constructing a OneDashboardJson resource. */
public final class OneDashboardJsonArgs extends com.pulumi.resources.ResourceArgs {

    public static final OneDashboardJsonArgs Empty = new OneDashboardJsonArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** The dashboard as a JSON string (NerdGraph dashboard input). */
    @Import(name="json", required=true)
    private Output<String> json;

    public Output<String> json() {
        return this.json;
    }

    private OneDashboardJsonArgs() {}

    private OneDashboardJsonArgs(OneDashboardJsonArgs $) {
        this.accountId = $.accountId;
        this.json = $.json;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(OneDashboardJsonArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private OneDashboardJsonArgs $;

        public Builder() {
            $ = new OneDashboardJsonArgs();
        }

        public Builder(OneDashboardJsonArgs defaults) {
            $ = new OneDashboardJsonArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder json(Output<String> json) {
            $.json = json;
            return this;
        }

        public Builder json(String json) {
            return json(Output.of(json));
        }

        public OneDashboardJsonArgs build() {
            if ($.json == null) {
                throw new MissingRequiredPropertyException("OneDashboardJsonArgs", "json");
            }
            return $;
        }
    }
}
