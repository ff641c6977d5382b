package jp.twozeroseven.infra.settings;

/**
 * The public Application Load Balancer.
 *
 * @param certificateArn     ACM certificate in the stack's region for the HTTPS listener (required)
 * @param sslPolicy          default {@code ELBSecurityPolicy-TLS13-1-2-2021-06} (TLS 1.2 and 1.3 only)
 * @param testListenerPort   the blue/green test listener; default 8443
 * @param idleTimeoutSeconds default 60
 * @param deletionProtection default true in production
 */
public record LoadBalancerSettings(String certificateArn, String sslPolicy, int testListenerPort,
                                   int idleTimeoutSeconds, boolean deletionProtection) {
}
