package jp.twozeroseven.infra.settings;

import java.util.List;

/**
 * The VPC. Subnet lists are index-aligned with {@code availabilityZones}.
 *
 * @param natGateways default {@code ONE_PER_AZ} in production, {@code SINGLE} otherwise
 */
public record NetworkSettings(String vpcCidr, List<String> availabilityZones, List<String> publicSubnetCidrs,
                              List<String> privateSubnetCidrs, NatGatewayMode natGateways) {
}
