// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;
import java.util.Optional;

/** An alert policy that groups conditions and their incidents. */
@ResourceType(type="newrelic:index/alertPolicy:AlertPolicy")
public class AlertPolicy extends com.pulumi.resources.CustomResource {
    /** The account that owns the policy. */
    @Export(name="accountId", refs={String.class}, tree="[0]")
    private Output<String> accountId;

    public Output<String> accountId() {
        return this.accountId;
    }

    /** The policy's entity GUID. */
    @Export(name="entityGuid", refs={String.class}, tree="[0]")
    private Output<String> entityGuid;

    public Output<String> entityGuid() {
        return this.entityGuid;
    }

    /** How incidents are grouped. */
    @Export(name="incidentPreference", refs={String.class}, tree="[0]")
    private Output</* @Nullable */ String> incidentPreference;

    public Output<Optional<String>> incidentPreference() {
        return Codegen.optional(this.incidentPreference);
    }

    /** The policy name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    public AlertPolicy(java.lang.String name) {
        this(name, AlertPolicyArgs.Empty);
    }

    public AlertPolicy(java.lang.String name, AlertPolicyArgs args) {
        this(name, args, null);
    }

    public AlertPolicy(java.lang.String name, AlertPolicyArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:index/alertPolicy:AlertPolicy", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static AlertPolicyArgs makeArgs(AlertPolicyArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? AlertPolicyArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
