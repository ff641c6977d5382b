package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One application service on Fargate: a web service behind the load balancer, or a worker without one.
 *
 * @param cpu                     task CPU units (256, 512, 1024, 2048, 4096) with a memory that Fargate allows
 * @param readOnlyRootFilesystem  default true; the app writes only to its tmp volume
 * @param loadBalanced            how the load balancer reaches it; empty for a worker (kind rails-worker)
 * @param command                 the worker's command (services.*.command, e.g. bundle exec sidekiq); empty for a
 *                                web service, which runs its image's own CMD
 * @param environment             non-secret environment variables; secrets never go here
 */
public record ServiceSettings(String name, ServiceKind kind, int cpu, int memory, CpuArchitecture architecture,
                              boolean readOnlyRootFilesystem, Optional<LoadBalanced> loadBalanced,
                              List<String> command, ScalingSettings scaling, Map<String, String> environment) {

    public ServiceSettings {
        command = List.copyOf(command);
    }

    /**
     * @param containerPort   the port the app listens on (services.*.containerPort)
     * @param healthCheckPath the target groups' health check (services.*.healthCheckPath)
     * @param routing         the listener rule (services.*.routing)
     */
    public record LoadBalanced(int containerPort, String healthCheckPath, Routing routing) {
    }

    /** A web service behind the load balancer. */
    public ServiceSettings(String name, ServiceKind kind, int cpu, int memory, CpuArchitecture architecture,
                           int containerPort, String healthCheckPath, boolean readOnlyRootFilesystem,
                           Routing routing, ScalingSettings scaling, Map<String, String> environment) {
        this(name, kind, cpu, memory, architecture, readOnlyRootFilesystem,
                Optional.of(new LoadBalanced(containerPort, healthCheckPath, routing)), List.of(), scaling,
                environment);
    }

    /** The host headers its listener rule matches; none for a worker. */
    public List<String> hostHeaders() {
        return loadBalanced.map(lb -> lb.routing().hostHeaders()).orElse(List.of());
    }
}
