// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.String;

/** Where notifications are delivered (email, Slack, PagerDuty, webhook). */
@ResourceType(type="newrelic:index/notificationDestination:NotificationDestination")
public class NotificationDestination extends com.pulumi.resources.CustomResource {
    /** The owning account. */
    @Export(name="accountId", refs={String.class}, tree="[0]")
    private Output<String> accountId;

    public Output<String> accountId() {
        return this.accountId;
    }

    /** The destination's entity GUID. */
    @Export(name="guid", refs={String.class}, tree="[0]")
    private Output<String> guid;

    public Output<String> guid() {
        return this.guid;
    }

    /** The destination name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** The destination status. */
    @Export(name="status", refs={String.class}, tree="[0]")
    private Output<String> status;

    public Output<String> status() {
        return this.status;
    }

    public NotificationDestination(java.lang.String name) {
        this(name, NotificationDestinationArgs.Empty);
    }

    public NotificationDestination(java.lang.String name, NotificationDestinationArgs args) {
        this(name, args, null);
    }

    public NotificationDestination(java.lang.String name, NotificationDestinationArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:index/notificationDestination:NotificationDestination", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static NotificationDestinationArgs makeArgs(NotificationDestinationArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? NotificationDestinationArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
