package jp.twozeroseven.infra.platform.network;

import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.settings.Tier;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.ComponentHarness;
import jp.twozeroseven.infra.testsupport.ComponentHarness.Built;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.twozeroseven.infra.testsupport.ComponentHarness.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The network built on its own from props: no stack settings exist in these runs. */
class NetworkTest {

    private static final List<String> ZONES = List.of("ap-northeast-1a", "ap-northeast-1c");

    private static Built network(NetworkProps.NatGateways nat, VpcFlowLogsProps flowLogs) {
        return ComponentHarness.build(Tier.STAGING, scope -> new Network("net", new NetworkProps(scope, "10.9.0.0/16",
                ZONES, List.of("10.9.0.0/24", "10.9.1.0/24"), List.of("10.9.10.0/24", "10.9.11.0/24"), nat, flowLogs),
                ComponentResourceOptions.Empty));
    }

    @Test
    void buildsOneSubnetPerTierAndZoneWithTheGivenBlocks() {
        Built net = network(NetworkProps.NatGateways.SINGLE, VpcFlowLogsProps.retainedFor(14));
        assertThat(net.named("aws:ec2/vpc:Vpc", PREFIX + "-vpc").inputs().at("/cidrBlock").asText())
                .isEqualTo("10.9.0.0/16");
        SynthesizedResource privateC = net.named("aws:ec2/subnet:Subnet", PREFIX + "-private-c");
        assertThat(privateC.inputs().at("/availabilityZone").asText()).isEqualTo("ap-northeast-1c");
        assertThat(privateC.inputs().at("/cidrBlock").asText()).isEqualTo("10.9.11.0/24");
        assertThat(privateC.inputs().at("/tags/Tier").asText()).isEqualTo("private");
        assertThat(net.ofType("aws:ec2/subnet:Subnet")).hasSize(4)
                .allSatisfy(s -> assertThat(s.inputs().at("/mapPublicIpOnLaunch").asBoolean()).isFalse());
    }

    @Test
    void aSingleNatGatewayServesEveryPrivateRouteTable() {
        Built net = network(NetworkProps.NatGateways.SINGLE, VpcFlowLogsProps.retainedFor(14));
        assertThat(net.ofType("aws:ec2/natGateway:NatGateway")).extracting(SynthesizedResource::name)
                .containsExactly(PREFIX + "-nat-a");
        String natUrn = net.ofType("aws:ec2/natGateway:NatGateway").get(0).urn();
        for (String zone : List.of("a", "c")) {
            assertThat(net.named("aws:ec2/route:Route", PREFIX + "-private-" + zone + "-default").dependencies())
                    .contains(natUrn);
        }
    }

    @Test
    void oneNatGatewayPerZoneKeepsEachZonesTrafficInItsZone() {
        Built net = network(NetworkProps.NatGateways.ONE_PER_AZ, VpcFlowLogsProps.retainedFor(14));
        assertThat(net.ofType("aws:ec2/natGateway:NatGateway")).extracting(SynthesizedResource::name)
                .containsExactlyInAnyOrder(PREFIX + "-nat-a", PREFIX + "-nat-c");
        String natC = net.named("aws:ec2/natGateway:NatGateway", PREFIX + "-nat-c").urn();
        assertThat(net.named("aws:ec2/route:Route", PREFIX + "-private-c-default").dependencies()).contains(natC);
    }

    @Test
    void flowLogsAndEndpointsTakeTheirValuesFromPropsAndTheScope() {
        Built net = network(NetworkProps.NatGateways.SINGLE, new VpcFlowLogsProps(30, 600));
        SynthesizedResource group = net.named("aws:cloudwatch/logGroup:LogGroup", PREFIX + "-vpc-flow-logs");
        assertThat(group.inputs().at("/name").asText()).isEqualTo("/" + PREFIX + "/network/vpc-flow-logs");
        assertThat(group.inputs().at("/retentionInDays").asInt()).isEqualTo(30);
        SynthesizedResource flowLog = net.named("aws:ec2/flowLog:FlowLog", PREFIX + "-vpc-flow-logs");
        assertThat(flowLog.inputs().at("/maxAggregationInterval").asInt()).isEqualTo(600);
        assertThat(flowLog.inputs().at("/trafficType").asText()).isEqualTo("ALL");
        // The trust policy pins the scope's account (ServiceRoles), not one read from settings.
        assertThat(net.named("aws:iam/role:Role", PREFIX + "-vpc-flow-logs").inputs().at("/assumeRolePolicy").asText())
                .contains(ComponentHarness.ACCOUNT);
        assertThat(net.ofType("aws:ec2/vpcEndpoint:VpcEndpoint")).extracting(r -> r.inputs().at("/serviceName").asText())
                .containsExactlyInAnyOrder("com.amazonaws.ap-northeast-1.s3", "com.amazonaws.ap-northeast-1.ecr.api",
                        "com.amazonaws.ap-northeast-1.ecr.dkr", "com.amazonaws.ap-northeast-1.logs",
                        "com.amazonaws.ap-northeast-1.secretsmanager");
    }

    @Test
    void everyChildHangsUnderTheComponentAndNamesTheScopesProvider() {
        Built net = network(NetworkProps.NatGateways.SINGLE, VpcFlowLogsProps.retainedFor(14));
        assertThat(net.custom()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.urn()).contains("::" + Network.TYPE + "$");
            assertThat(r.provider()).startsWith(net.providerUrn() + "::");
        });
        assertThat(net.named("aws:ec2/vpcEndpoint:VpcEndpoint", PREFIX + "-logs").urn())
                .contains(Network.TYPE + "$" + VpcEndpoints.TYPE + "$aws:ec2/vpcEndpoint:VpcEndpoint::");
    }

    @Test
    void subnetBlocksMustMatchTheZones() {
        assertThatThrownBy(() -> new NetworkProps(ComponentHarness.detachedScope(), "10.9.0.0/16", ZONES,
                List.of("10.9.0.0/24"), List.of("10.9.10.0/24", "10.9.11.0/24"), NetworkProps.NatGateways.SINGLE,
                VpcFlowLogsProps.retainedFor(14)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 zones, 1 public, 2 private");
        assertThatThrownBy(() -> new VpcFlowLogsProps(14, 120)).hasMessageContaining("60 or 600");
    }
}
