package jp.twozeroseven.infra.platform.loadbalancer;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;

/**
 * What {@link PublicLoadBalancer} builds. Stack config keys are under {@code loadBalancer.*}.
 *
 * @param scope              provider, naming and tags of the children
 * @param publicSubnets      the public subnets, one per zone
 * @param securityGroupId    the ALB's security group (443, the test port and 80 from the internet)
 * @param logBucket          the ALB access log bucket (SSE-S3; its policy must admit ELB before logging starts)
 * @param certificateArn     ACM certificate in the stack's region for the HTTPS and test listeners (required)
 * @param sslPolicy          the listeners' TLS policy; the stack's @default is
 *                           {@code ELBSecurityPolicy-TLS13-1-2-2021-06} (TLS 1.2 and 1.3 only)
 * @param testListenerPort   the blue/green test listener's port, 1 to 65535, not 80 or 443; the stack's @default 8443
 * @param idleTimeoutSeconds seconds an idle connection stays open, 1 to 4000; the stack's @default 60
 * @param deletionProtection ELB refuses to delete the ALB; the stack's @default is true in production
 */
public record PublicLoadBalancerProps(Scope scope, Output<List<String>> publicSubnets, Output<String> securityGroupId,
                                      SecureBucket logBucket, String certificateArn, String sslPolicy,
                                      int testListenerPort, int idleTimeoutSeconds, boolean deletionProtection) {

    public PublicLoadBalancerProps {
        Required.components(PublicLoadBalancerProps.class, scope, publicSubnets, securityGroupId, logBucket,
                certificateArn, sslPolicy, testListenerPort, idleTimeoutSeconds, deletionProtection);
        if (testListenerPort < 1 || testListenerPort > 65535 || testListenerPort == 80 || testListenerPort == 443) {
            throw new IllegalArgumentException("the test listener port must be 1-65535 and not 80 or 443: "
                    + testListenerPort);
        }
        if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 4000) {
            throw new IllegalArgumentException("the ALB idle timeout must be 1-4000 seconds: " + idleTimeoutSeconds);
        }
    }
}
