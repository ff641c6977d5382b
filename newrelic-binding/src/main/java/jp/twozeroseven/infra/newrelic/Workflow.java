// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;

/** Routes issues that match a filter to notification channels. */
@ResourceType(type="newrelic:index/workflow:Workflow")
public class Workflow extends com.pulumi.resources.CustomResource {
    /** The owning account. */
    @Export(name="accountId", refs={String.class}, tree="[0]")
    private Output<String> accountId;

    public Output<String> accountId() {
        return this.accountId;
    }

    /** The workflow's entity GUID. */
    @Export(name="guid", refs={String.class}, tree="[0]")
    private Output<String> guid;

    public Output<String> guid() {
        return this.guid;
    }

    /** The workflow name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** The workflow ID. */
    @Export(name="workflowId", refs={String.class}, tree="[0]")
    private Output<String> workflowId;

    public Output<String> workflowId() {
        return this.workflowId;
    }

    public Workflow(java.lang.String name) {
        this(name, WorkflowArgs.Empty);
    }

    public Workflow(java.lang.String name, WorkflowArgs args) {
        this(name, args, null);
    }

    public Workflow(java.lang.String name, WorkflowArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:index/workflow:Workflow", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static WorkflowArgs makeArgs(WorkflowArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? WorkflowArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
