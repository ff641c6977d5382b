package jp.twozeroseven.infra.platform.deploy.documents;

import java.util.List;

/**
 * Inputs of the ECS {@code appspec.yaml}.
 *
 * @param containerName   the container the load balancer routes to (the app container, i.e. the service name)
 * @param containerPort   its port
 * @param platformVersion Fargate platform version such as "1.4.0", or null to let ECS choose LATEST
 * @param hooks           lifecycle hooks, usually none
 */
public record AppSpecSpec(String containerName, int containerPort, String platformVersion, List<AppSpecHook> hooks) {

    public AppSpecSpec {
        if (containerName == null || containerName.isBlank()) {
            throw new IllegalArgumentException("appspec needs the load-balanced container name");
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("appspec container port " + containerPort + " must be 1..65535");
        }
        if (platformVersion != null && !platformVersion.matches("LATEST|\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("Fargate platform version '" + platformVersion + "' must be LATEST or like 1.4.0");
        }
        hooks = List.copyOf(hooks == null ? List.of() : hooks);
        long distinct = hooks.stream().map(AppSpecHook::event).distinct().count();
        if (distinct != hooks.size()) {
            throw new IllegalArgumentException("appspec names a hook event twice: " + hooks);
        }
    }
}
