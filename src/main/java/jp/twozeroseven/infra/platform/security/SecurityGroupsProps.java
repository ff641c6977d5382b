package jp.twozeroseven.infra.platform.security;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

/**
 * What {@link SecurityGroups} builds its shared groups (the load balancer's and Aurora's) and their rules from.
 *
 * @param scope            provider, naming and tags of the groups and rules
 * @param vpcId            the VPC the groups belong to (the platform's network)
 * @param vpcCidr          the VPC's IPv4 range: the only peers the blue/green test listener admits
 * @param testListenerPort the blue/green test listener's port, which the load balancer's group opens inside the
 *                         VPC (stack config {@code loadBalancer.testListenerPort}; the stack's @default 8443)
 */
public record SecurityGroupsProps(Scope scope, Output<String> vpcId, Output<String> vpcCidr, int testListenerPort) {

    public SecurityGroupsProps {
        Required.components(SecurityGroupsProps.class, scope, vpcId, vpcCidr, testListenerPort);
    }
}
