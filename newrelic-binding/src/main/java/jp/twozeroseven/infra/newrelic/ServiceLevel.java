// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;

/** A service level indicator with its objective. */
@ResourceType(type="newrelic:index/serviceLevel:ServiceLevel")
public class ServiceLevel extends com.pulumi.resources.CustomResource {
    /** The entity GUID the SLI belongs to. */
    @Export(name="guid", refs={String.class}, tree="[0]")
    private Output<String> guid;

    public Output<String> guid() {
        return this.guid;
    }

    /** The SLI name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** The SLI's own entity GUID; newrelic.sli.* metrics carry it. */
    @Export(name="sliGuid", refs={String.class}, tree="[0]")
    private Output<String> sliGuid;

    public Output<String> sliGuid() {
        return this.sliGuid;
    }

    /** The SLI ID. */
    @Export(name="sliId", refs={String.class}, tree="[0]")
    private Output<String> sliId;

    public Output<String> sliId() {
        return this.sliId;
    }

    public ServiceLevel(java.lang.String name) {
        this(name, ServiceLevelArgs.Empty);
    }

    public ServiceLevel(java.lang.String name, ServiceLevelArgs args) {
        this(name, args, null);
    }

    public ServiceLevel(java.lang.String name, ServiceLevelArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:index/serviceLevel:ServiceLevel", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static ServiceLevelArgs makeArgs(ServiceLevelArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? ServiceLevelArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
