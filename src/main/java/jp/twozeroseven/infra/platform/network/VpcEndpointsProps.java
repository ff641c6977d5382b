package jp.twozeroseven.infra.platform.network;

import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.Vpc;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;

/**
 * What {@link VpcEndpoints} builds: the S3 gateway endpoint on the private route tables and one interface endpoint
 * per service in the private subnets. The endpoint service names are {@code com.amazonaws.<scope region>.<service>}.
 *
 * @param scope             provider (and so the region), naming and tags of the children
 * @param vpc               the VPC; its CIDR may reach the interface endpoints on 443
 * @param privateSubnets    where the interface endpoints' network interfaces go
 * @param routeTables       the private route tables the S3 gateway endpoint adds its prefix-list route to
 * @param interfaceServices the interface endpoints' services; @default {@link #DEFAULT_INTERFACE_SERVICES}
 */
public record VpcEndpointsProps(Scope scope, Vpc vpc, List<Subnet> privateSubnets, List<RouteTable> routeTables,
                                List<String> interfaceServices) {

    /** Image pulls (ECR api and dkr; layers come through S3), logs and secrets: what a Fargate task starts with. */
    public static final List<String> DEFAULT_INTERFACE_SERVICES = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager");

    public VpcEndpointsProps {
        Required.components(VpcEndpointsProps.class, scope, vpc, privateSubnets, routeTables, interfaceServices);
        privateSubnets = List.copyOf(privateSubnets);
        routeTables = List.copyOf(routeTables);
        interfaceServices = List.copyOf(interfaceServices);
    }

    public VpcEndpointsProps(Scope scope, Vpc vpc, List<Subnet> privateSubnets, List<RouteTable> routeTables) {
        this(scope, vpc, privateSubnets, routeTables, DEFAULT_INTERFACE_SERVICES);
    }
}
