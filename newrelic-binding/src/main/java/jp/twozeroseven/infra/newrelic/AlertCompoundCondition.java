// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;

/** An alert condition that opens an incident when an expression over other conditions holds. */
@ResourceType(type="newrelic:index/alertCompoundCondition:AlertCompoundCondition")
public class AlertCompoundCondition extends com.pulumi.resources.CustomResource {
    /** The account that owns the condition. */
    @Export(name="accountId", refs={String.class}, tree="[0]")
    private Output<String> accountId;

    public Output<String> accountId() {
        return this.accountId;
    }

    /** The condition's entity GUID. */
    @Export(name="entityGuid", refs={String.class}, tree="[0]")
    private Output<String> entityGuid;

    public Output<String> entityGuid() {
        return this.entityGuid;
    }

    /** The condition name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    public AlertCompoundCondition(java.lang.String name) {
        this(name, AlertCompoundConditionArgs.Empty);
    }

    public AlertCompoundCondition(java.lang.String name, AlertCompoundConditionArgs args) {
        this(name, args, null);
    }

    public AlertCompoundCondition(java.lang.String name, AlertCompoundConditionArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:index/alertCompoundCondition:AlertCompoundCondition", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static AlertCompoundConditionArgs makeArgs(AlertCompoundConditionArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? AlertCompoundConditionArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
