// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;

/** A dashboard defined by its JSON document. */
@ResourceType(type="newrelic:index/oneDashboardJson:OneDashboardJson")
public class OneDashboardJson extends com.pulumi.resources.CustomResource {
    /** The owning account. */
    @Export(name="accountId", refs={String.class}, tree="[0]")
    private Output<String> accountId;

    public Output<String> accountId() {
        return this.accountId;
    }

    /** The dashboard's entity GUID. */
    @Export(name="guid", refs={String.class}, tree="[0]")
    private Output<String> guid;

    public Output<String> guid() {
        return this.guid;
    }

    /** The dashboard URL. */
    @Export(name="permalink", refs={String.class}, tree="[0]")
    private Output<String> permalink;

    public Output<String> permalink() {
        return this.permalink;
    }

    public OneDashboardJson(java.lang.String name) {
        this(name, OneDashboardJsonArgs.Empty);
    }

    public OneDashboardJson(java.lang.String name, OneDashboardJsonArgs args) {
        this(name, args, null);
    }

    public OneDashboardJson(java.lang.String name, OneDashboardJsonArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:index/oneDashboardJson:OneDashboardJson", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static OneDashboardJsonArgs makeArgs(OneDashboardJsonArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? OneDashboardJsonArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
