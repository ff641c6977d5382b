package jp.twozeroseven.infra.settings;

/** One NAT gateway is cheap; one per availability zone survives the loss of a zone. */
public enum NatGatewayMode { SINGLE, ONE_PER_AZ }
