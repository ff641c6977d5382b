package jp.twozeroseven.infra.platform;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.Map;

/**
 * The application platform: network, registries, the ECS cluster with the Rails API and Next.js services behind
 * the ALB, Aurora, blue/green deploys, scheduled scaling and CloudFront.
 */
public final class AppPlatform extends ComponentResource {

    public static final String TYPE = "platform207:app:AppPlatform";

    public AppPlatform(String name, Scope scope) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(scope.parent()).build());
        this.registerOutputs(Map.of());
    }
}
