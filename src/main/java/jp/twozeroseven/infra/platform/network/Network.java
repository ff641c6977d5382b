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
            String letter = zoneLetter(zone);
            Subnet pub = subnet(scope, "public", zone, props.publicSubnetCidrs().get(i), publicRoutes);
            publicSubnets.add(pub);
            if (i == 0 || props.natGateways() == NetworkProps.NatGateways.ONE_PER_AZ) {
                var eip = new Eip(scope.name("nat-" + letter), EipArgs.builder().domain("vpc")
                        .tags(scope.tags(scope.name("nat-" + letter))).build(), scope.options());
                nats.add(new NatGateway(scope.name("nat-" + letter), NatGatewayArgs.builder()
                        .subnetId(pub.id()).allocationId(eip.id())
                        .tags(scope.tags(scope.name("nat-" + letter))).build(), scope.options()));
            }
        }
        List<RouteTable> privateRouteTables = new ArrayList<>();
        for (int i = 0; i < props.availabilityZones().size(); i++) {
            String zone = props.availabilityZones().get(i);
            String routesName = scope.name("private-" + zoneLetter(zone));
            var routes = new RouteTable(routesName, RouteTableArgs.builder()
                    .vpcId(vpc.id()).tags(scope.tags(routesName)).build(), scope.options());
            NatGateway nat = nats.get(Math.min(i, nats.size() - 1));
            new Route(routesName + "-default", RouteArgs.builder()
                    .routeTableId(routes.id()).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build(),
                    scope.options());
            privateSubnets.add(subnet(scope, "private", zone, props.privateSubnetCidrs().get(i), routes));
            privateRouteTables.add(routes);
        }
        new VpcEndpoints("endpoints", new VpcEndpointsProps(scope, vpc, privateSubnets, privateRouteTables),
                ComponentResourceOptions.builder().parent(this).build());
        VpcFlowLogs.create(scope, vpc, props.flowLogs());
        this.registerOutputs(Map.of("vpcId", vpc.id()));
    }

    /** The last letter of a zone's name names what lies in it: {@code ap-northeast-1a} is {@code a}. */
    private static String zoneLetter(String zone) {
        return zone.substring(zone.length() - 1);
    }

    /**
     * The subnet of one tier ({@code public} or {@code private}, also its {@code Tier} tag) in one zone, named
     * {@code <tier>-<zone letter>}, and its association with the route table it uses.
     */
    private Subnet subnet(Scope scope, String tier, String zone, String cidr, RouteTable routes) {
        String name = scope.name(tier + "-" + zoneLetter(zone));
        Subnet subnet = new Subnet(name, SubnetArgs.builder()
                .vpcId(vpc.id())
                .availabilityZone(zone)
                .cidrBlock(cidr)
                .mapPublicIpOnLaunch(false)
                .tags(scope.tags(name, Map.of("Tier", tier)))
                .build(), scope.options());
        new RouteTableAssociation(name, RouteTableAssociationArgs.builder()
                .subnetId(subnet.id()).routeTableId(routes.id()).build(), scope.options());
        return subnet;
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
