// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;
import java.util.List;
import java.util.Optional;

/** An explicit New Relic provider, so each stack names its account and key instead of relying on ambient env. */
@ResourceType(type="pulumi:providers:newrelic")
public class Provider extends com.pulumi.resources.ProviderResource {
    @Export(name="accountId", refs={String.class}, tree="[0]")
    private Output</* @Nullable */ String> accountId;

    public Output<Optional<String>> accountId() {
        return Codegen.optional(this.accountId);
    }

    @Export(name="apiKey", refs={String.class}, tree="[0]")
    private Output</* @Nullable */ String> apiKey;

    public Output<Optional<String>> apiKey() {
        return Codegen.optional(this.apiKey);
    }

    @Export(name="region", refs={String.class}, tree="[0]")
    private Output</* @Nullable */ String> region;

    public Output<Optional<String>> region() {
        return Codegen.optional(this.region);
    }

    public Provider(java.lang.String name) {
        this(name, ProviderArgs.Empty);
    }

    public Provider(java.lang.String name, /* @Nullable */ ProviderArgs args) {
        this(name, args, null);
    }

    public Provider(java.lang.String name, /* @Nullable */ ProviderArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static ProviderArgs makeArgs(/* @Nullable */ ProviderArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? ProviderArgs.builder().build() : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .additionalSecretOutputs(List.of("accountId", "apiKey"))
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
