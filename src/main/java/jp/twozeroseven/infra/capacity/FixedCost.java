package jp.twozeroseven.infra.capacity;

/** A monthly cost that does not follow the load: NAT gateways, the ALB, Aurora, VPC endpoints. */
public record FixedCost(String item, String basis, double monthlyUsd) {
}
