package jp.twozeroseven.infra.observability;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.Map;

/** New Relic alert policies, SLOs with burn-rate alerts, on-call routing and dashboards. */
public final class Observability extends ComponentResource {

    public static final String TYPE = "platform207:observability:Observability";

    public Observability(String name, Scope scope) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(scope.parent()).build());
        this.registerOutputs(Map.of());
    }
}
