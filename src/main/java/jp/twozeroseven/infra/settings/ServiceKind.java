package jp.twozeroseven.infra.settings;

/**
 * The application stacks 207 runs on Fargate. A kind is only a preset of the service component's props (its
 * writable paths, the runtime of its health probe, and whether it sits behind the load balancer;
 * composition/ServicePropsFrom); no component switches on it.
 */
public enum ServiceKind {
    RAILS_API(true), NEXTJS_WEB(true),
    /**
     * The Rails image run with another command (Sidekiq, a queue consumer): no port, no load balancer, no
     * listener rules; deployed by ECS rolling updates (docs/workers.md).
     */
    RAILS_WORKER(false);

    private final boolean loadBalanced;

    ServiceKind(boolean loadBalanced) {
        this.loadBalanced = loadBalanced;
    }

    /** Whether a service of this kind sits behind the load balancer (and so has routing and a port). */
    public boolean loadBalanced() {
        return loadBalanced;
    }
}
