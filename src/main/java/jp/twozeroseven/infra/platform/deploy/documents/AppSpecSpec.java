package jp.twozeroseven.infra.platform.deploy.documents;

import java.util.List;

/**
 * Inputs of the ECS {@code appspec.yaml}.
 *
 * @param containerName   the container the load balancer routes to (the app container, i.e. the service name)
 * @param containerPort   its port
 * @param platformVersion Fargate platform version such as "1.4.0", or null to let ECS choose LATEST
 * @param hooks           lifecycle hooks, usually none
 * @param network         the service's awsvpc placement, repeated so CodeDeploy keeps it; null leaves it out
 * @param capacityProviders the service's capacity provider strategy, repeated because CodeDeploy otherwise
 *                        resets it on each deployment (aws/containers-roadmap#1752); empty leaves it out
 */
public record AppSpecSpec(String containerName, int containerPort, String platformVersion, List<AppSpecHook> hooks,
                          Network network, List<CapacityProvider> capacityProviders) {

    /** AppSpec {@code NetworkConfiguration.AwsvpcConfiguration}. */
    public record Network(List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {
        public Network {
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
            if (subnets.isEmpty() || securityGroups.isEmpty()) {
                throw new IllegalArgumentException("appspec network configuration needs subnets and security groups");
            }
        }
    }

    /** One AppSpec {@code CapacityProviderStrategy} item. */
    public record CapacityProvider(String capacityProvider, int base, int weight) {
    }

    public AppSpecSpec(String containerName, int containerPort, String platformVersion, List<AppSpecHook> hooks) {
        this(containerName, containerPort, platformVersion, hooks, null, List.of());
    }

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
        capacityProviders = List.copyOf(capacityProviders == null ? List.of() : capacityProviders);
        long distinct = hooks.stream().map(AppSpecHook::event).distinct().count();
        if (distinct != hooks.size()) {
            throw new IllegalArgumentException("appspec names a hook event twice: " + hooks);
        }
    }
}
