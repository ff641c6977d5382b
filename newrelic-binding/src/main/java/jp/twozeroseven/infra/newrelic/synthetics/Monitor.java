// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.synthetics;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import java.lang.Integer;
import java.lang.String;

/**
 * A synthetic monitor (SIMPLE ping or BROWSER). Its {@code id} is the monitor's entity GUID, which
 * {@code SyntheticCheck} events carry as {@code entityGuid}.
 */
@ResourceType(type="newrelic:synthetics/monitor:Monitor")
public class Monitor extends com.pulumi.resources.CustomResource {
    /** The monitor id (not the GUID). */
    @Export(name="monitorId", refs={String.class}, tree="[0]")
    private Output<String> monitorId;

    public Output<String> monitorId() {
        return this.monitorId;
    }

    /** The monitor name. */
    @Export(name="name", refs={String.class}, tree="[0]")
    private Output<String> name;

    public Output<String> name() {
        return this.name;
    }

    /** The interval in minutes. */
    @Export(name="periodInMinutes", refs={Integer.class}, tree="[0]")
    private Output<Integer> periodInMinutes;

    public Output<Integer> periodInMinutes() {
        return this.periodInMinutes;
    }

    public Monitor(java.lang.String name, MonitorArgs args) {
        this(name, args, null);
    }

    public Monitor(java.lang.String name, MonitorArgs args, /* @Nullable */ CustomResourceOptions options) {
        super("newrelic:synthetics/monitor:Monitor", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private static MonitorArgs makeArgs(MonitorArgs args, /* @Nullable */ CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? MonitorArgs.Empty : args;
    }

    private static CustomResourceOptions makeResourceOptions(/* @Nullable */ CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = CustomResourceOptions.builder()
            .version(jp.twozeroseven.infra.newrelic.Utilities.getVersion())
            .build();
        return CustomResourceOptions.merge(defaultOptions, options, id);
    }
}
