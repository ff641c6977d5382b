// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;

/** Mutes incidents that match a condition, optionally on a schedule. */
@ResourceType(type="newrelic:index/alertMutingRule:AlertMutingRule")
public class AlertMutingRule extends com.pulumi.resources.CustomResource {
    /** The owning account. */
    @Export(name="accountId", refs={String.class}, tree="[0]")
    private Output<String> accountId;

    public Output<String> accountId() {
        return this.accountId;
    }

    /** The rule name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    public AlertMutingRule(java.lang.String name) {
        this(name, AlertMutingRuleArgs.Empty);
    }

    public AlertMutingRule(java.lang.String name, AlertMutingRuleArgs args) {
        this(name, args, null);
    }

    public AlertMutingRule(java.lang.String name, AlertMutingRuleArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:index/alertMutingRule:AlertMutingRule", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static AlertMutingRuleArgs makeArgs(AlertMutingRuleArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? AlertMutingRuleArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
