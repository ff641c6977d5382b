// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.deployment.InvokeOutputOptions;
import jp.twozeroseven.infra.newrelic.inputs.GetEntityArgs;
import jp.twozeroseven.infra.newrelic.outputs.GetEntityResult;

/** The New Relic invokes the program uses. */
public final class NewrelicFunctions {

    private NewrelicFunctions() {}

    /** Looks up an entity (e.g. an APM application) by name; its guid anchors service levels. */
    public static Output<GetEntityResult> getEntity(GetEntityArgs args) {
        return getEntity(args, InvokeOptions.Empty);
    }

    public static Output<GetEntityResult> getEntity(GetEntityArgs args, InvokeOptions options) {
        return Deployment.getInstance().invoke("newrelic:index/getEntity:getEntity",
            TypeShape.of(GetEntityResult.class), args, Utilities.withVersion(options));
    }

    public static Output<GetEntityResult> getEntity(GetEntityArgs args, InvokeOutputOptions options) {
        return Deployment.getInstance().invoke("newrelic:index/getEntity:getEntity",
            TypeShape.of(GetEntityResult.class), args, Utilities.withVersion(options));
    }
}
