package jp.twozeroseven.infra.platform.network;

import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;

/**
 * What {@link Network} builds. The subnet lists are index-aligned with {@code availabilityZones}: subnet i of each
 * tier lies in zone i.
 *
 * @param scope              provider, naming and tags of the children (support/Scope)
 * @param vpcCidr            the VPC's IPv4 block, e.g. {@code 10.20.0.0/16}. Stack config {@code network.vpcCidr}.
 * @param availabilityZones  zone names, e.g. {@code ap-northeast-1a}; one public and one private subnet each. Stack
 *                           config {@code network.availabilityZones}; @default the region's three Tokyo zones
 * @param publicSubnetCidrs  one block per zone, for the ALB and the NAT gateways (no public IPs on launch)
 * @param privateSubnetCidrs one block per zone, for the tasks, the database and the interface endpoints
 * @param natGateways        @default {@link NatGateways#ONE_PER_AZ} in production, {@link NatGateways#SINGLE}
 *                           otherwise (stack config {@code network.natGateways})
 * @param flowLogs           the VPC flow logs' log group (support for FSBP EC2.6)
 */
public record NetworkProps(Scope scope, String vpcCidr, List<String> availabilityZones, List<String> publicSubnetCidrs,
                           List<String> privateSubnetCidrs, NatGateways natGateways, VpcFlowLogsProps flowLogs) {

    /** One NAT gateway is cheap; one per availability zone survives the loss of a zone. */
    public enum NatGateways { SINGLE, ONE_PER_AZ }

    public NetworkProps {
        Required.components(NetworkProps.class, scope, vpcCidr, availabilityZones, publicSubnetCidrs,
                privateSubnetCidrs, natGateways, flowLogs);
        availabilityZones = List.copyOf(availabilityZones);
        publicSubnetCidrs = List.copyOf(publicSubnetCidrs);
        privateSubnetCidrs = List.copyOf(privateSubnetCidrs);
        if (availabilityZones.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one availability zone");
        }
        if (publicSubnetCidrs.size() != availabilityZones.size()
                || privateSubnetCidrs.size() != availabilityZones.size()) {
            throw new IllegalArgumentException("one public and one private subnet CIDR per availability zone: "
                    + availabilityZones.size() + " zones, " + publicSubnetCidrs.size() + " public, "
                    + privateSubnetCidrs.size() + " private");
        }
    }
}
