// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Boolean;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The arguments of the getEntity invoke. */
public final class GetEntityArgs extends com.pulumi.resources.InvokeArgs {

    public static final GetEntityArgs Empty = new GetEntityArgs();

    /** The New Relic account ID; a string in the provider schema. */
    @Import(name="accountId")
    private /* @Nullable */ Output<String> accountId;

    public Optional<Output<String>> accountId() {
        return Optional.ofNullable(this.accountId);
    }

    /** APM, BROWSER, INFRA, NR1, SYNTH, MOBILE or EXT. */
    @Import(name="domain")
    private /* @Nullable */ Output<String> domain;

    public Optional<Output<String>> domain() {
        return Optional.ofNullable(this.domain);
    }

    /** Match the name case-insensitively. */
    @Import(name="ignoreCase")
    private /* @Nullable */ Output<Boolean> ignoreCase;

    public Optional<Output<Boolean>> ignoreCase() {
        return Optional.ofNullable(this.ignoreCase);
    }

    /** The entity name. */
    @Import(name="name", required=true)
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** Tags the entity must carry. */
    @Import(name="tags")
    private /* @Nullable */ Output<List<GetEntityTagArgs>> tags;

    public Optional<Output<List<GetEntityTagArgs>>> tags() {
        return Optional.ofNullable(this.tags);
    }

    /** e.g. APPLICATION. */
    @Import(name="type")
    private /* @Nullable */ Output<String> type;

    public Optional<Output<String>> type() {
        return Optional.ofNullable(this.type);
    }

    private GetEntityArgs() {}

    private GetEntityArgs(GetEntityArgs $) {
        this.accountId = $.accountId;
        this.domain = $.domain;
        this.ignoreCase = $.ignoreCase;
        this.name = $.name;
        this.tags = $.tags;
        this.type = $.type;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GetEntityArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private GetEntityArgs $;

        public Builder() {
            $ = new GetEntityArgs();
        }

        public Builder(GetEntityArgs defaults) {
            $ = new GetEntityArgs(Objects.requireNonNull(defaults));
        }

        public Builder accountId(/* @Nullable */ Output<String> accountId) {
            $.accountId = accountId;
            return this;
        }

        public Builder accountId(String accountId) {
            return accountId(Output.of(accountId));
        }

        public Builder domain(/* @Nullable */ Output<String> domain) {
            $.domain = domain;
            return this;
        }

        public Builder domain(String domain) {
            return domain(Output.of(domain));
        }

        public Builder ignoreCase(/* @Nullable */ Output<Boolean> ignoreCase) {
            $.ignoreCase = ignoreCase;
            return this;
        }

        public Builder ignoreCase(Boolean ignoreCase) {
            return ignoreCase(Output.of(ignoreCase));
        }

        public Builder name(Output<String> name) {
            $.name = name;
            return this;
        }

        public Builder name(String name) {
            return name(Output.of(name));
        }

        public Builder tags(/* @Nullable */ Output<List<GetEntityTagArgs>> tags) {
            $.tags = tags;
            return this;
        }

        public Builder tags(List<GetEntityTagArgs> tags) {
            return tags(Output.of(tags));
        }

        public Builder tags(GetEntityTagArgs... tags) {
            return tags(List.of(tags));
        }

        public Builder type(/* @Nullable */ Output<String> type) {
            $.type = type;
            return this;
        }

        public Builder type(String type) {
            return type(Output.of(type));
        }

        public GetEntityArgs build() {
            if ($.name == null) {
                throw new MissingRequiredPropertyException("GetEntityArgs", "name");
            }
            return $;
        }
    }
}
