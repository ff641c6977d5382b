package jp.twozeroseven.infra.platform.network;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VPC over the Tokyo availability zones: public subnets for the load balancer and NAT, private subnets for
 * tasks and the database, and VPC endpoints so that image pulls, logs and secrets do not pay for NAT.
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "platform207:network:Network";

    private final Vpc vpc;
    private final List<Subnet> publicSubnets = new ArrayList<>();
    private final List<Subnet> privateSubnets = new ArrayList<>();

    /**
     * @param name    the component's name ({@code network} in the stack; part of every child's URN)
     * @param props   what to build
     * @param options the component's own options: its parent
     */
    public Network(String name, NetworkProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);

        vpc = new Vpc(scope.name("vpc"), VpcArgs.builder()
                .cidrBlock(props.vpcCidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(scope.tags(scope.name("vpc")))
                .build(), scope.options());
        var igw = new InternetGateway(scope.name("igw"), InternetGatewayArgs.builder()
                .vpcId(vpc.id()).tags(scope.tags(scope.name("igw"))).build(), scope.options());

        var publicRoutes = new RouteTable(scope.name("public"), RouteTableArgs.builder()
                .vpcId(vpc.id()).tags(scope.tags(scope.name("public"))).build(), scope.options());
        new Route(scope.name("public-default"), RouteArgs.builder()
                .routeTableId(publicRoutes.id()).destinationCidrBlock("0.0.0.0/0").gatewayId(igw.id()).build(),
                scope.options());

        List<NatGateway> nats = new ArrayList<>();
        for (int i = 0; i < props.availabilityZones().size(); i++) {
            String zone = props.availabilityZones().get(i);
            String suffix = zone.substring(zone.length() - 1);
            Subnet pub = subnet(scope, "public-" + suffix, zone, props.publicSubnetCidrs().get(i), true);
            publicSubnets.add(pub);
            new RouteTableAssociation(scope.name("public-" + suffix), RouteTableAssociationArgs.builder()
                    .subnetId(pub.id()).routeTableId(publicRoutes.id()).build(), scope.options());
            if (i == 0 || props.natGateways() == NetworkProps.NatGateways.ONE_PER_AZ) {
                var eip = new Eip(scope.name("nat-" + suffix), EipArgs.builder().domain("vpc")
                        .tags(scope.tags(scope.name("nat-" + suffix))).build(), scope.options());
                nats.add(new NatGateway(scope.name("nat-" + suffix), NatGatewayArgs.builder()
                        .subnetId(pub.id()).allocationId(eip.id())
                        .tags(scope.tags(scope.name("nat-" + suffix))).build(), scope.options()));
            }
        }
        List<RouteTable> privateRouteTables = new ArrayList<>();
        for (int i = 0; i < props.availabilityZones().size(); i++) {
            String zone = props.availabilityZones().get(i);
            String suffix = zone.substring(zone.length() - 1);
            Subnet priv = subnet(scope, "private-" + suffix, zone, props.privateSubnetCidrs().get(i), false);
            privateSubnets.add(priv);
            var routes = new RouteTable(scope.name("private-" + suffix), RouteTableArgs.builder()
                    .vpcId(vpc.id()).tags(scope.tags(scope.name("private-" + suffix))).build(), scope.options());
            NatGateway nat = nats.get(Math.min(i, nats.size() - 1));
            new Route(scope.name("private-" + suffix + "-default"), RouteArgs.builder()
                    .routeTableId(routes.id()).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build(),
                    scope.options());
            new RouteTableAssociation(scope.name("private-" + suffix), RouteTableAssociationArgs.builder()
                    .subnetId(priv.id()).routeTableId(routes.id()).build(), scope.options());
            privateRouteTables.add(routes);
        }
        new VpcEndpoints("endpoints", new VpcEndpointsProps(scope, vpc, privateSubnets, privateRouteTables),
                ComponentResourceOptions.builder().parent(this).build());
        VpcFlowLogs.create(scope, vpc, props.flowLogs());
        this.registerOutputs(Map.of("vpcId", vpc.id()));
    }

    private Subnet subnet(Scope scope, String suffix, String zone, String cidr, boolean isPublic) {
        String name = scope.name(suffix);
        return new Subnet(name, SubnetArgs.builder()
                .vpcId(vpc.id())
                .availabilityZone(zone)
                .cidrBlock(cidr)
                .mapPublicIpOnLaunch(false)
                .tags(scope.tags().forResource(scope.service(), name, Map.of("Tier", isPublic ? "public" : "private")))
                .build(), scope.options());
    }

    public Output<String> vpcId() {
        return vpc.id();
    }

    public Output<String> vpcCidr() {
        return vpc.cidrBlock();
    }

    public Output<List<String>> publicSubnetIds() {
        return Output.all(publicSubnets.stream().map(Subnet::id).toList());
    }

    public Output<List<String>> privateSubnetIds() {
        return Output.all(privateSubnets.stream().map(Subnet::id).toList());
    }
}
