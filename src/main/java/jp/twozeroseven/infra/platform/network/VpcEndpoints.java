package jp.twozeroseven.infra.platform.network;

import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Map;

/**
 * Private paths to AWS services. Tasks pull images (ECR api, dkr and the S3 layers), write logs and read secrets
 * without crossing NAT, which saves NAT data charges and keeps that traffic off the internet.
 */
final class VpcEndpoints extends ComponentResource {

    public static final String TYPE = "platform207:network:VpcEndpoints";

    /**
     * @param name    the component's name ({@code endpoints} under the network)
     * @param props   what to build
     * @param options the component's own options: its parent (the network)
     */
    VpcEndpoints(String name, VpcEndpointsProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        Vpc vpc = props.vpc();
        List<Subnet> privateSubnets = props.privateSubnets();
        List<RouteTable> routeTables = props.routeTables();
        String region = scope.region();
        String sgName = scope.name("endpoints");
        var sg = new SecurityGroup(sgName, SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("HTTPS from inside the VPC to the AWS service endpoints")
                .tags(scope.tags(sgName))
                .build(), scope.options());
        new SecurityGroupIngressRule(sgName + "-https", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(sg.id())
                .description("HTTPS from the VPC to interface endpoints")
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIpv4(vpc.cidrBlock())
                .tags(scope.tags(sgName + "-https"))
                .build(), scope.options());
        new VpcEndpoint(scope.name("s3"), VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + region + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(routeTables.stream().map(RouteTable::id).toList()))
                .tags(scope.tags(scope.name("s3")))
                .build(), scope.options());
        for (String service : props.interfaceServices()) {
            String endpointName = scope.name(service.replace('.', '-'));
            new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .serviceName("com.amazonaws." + region + "." + service)
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(Output.all(privateSubnets.stream().map(Subnet::id).toList()))
                    .securityGroupIds(Output.all(List.of(sg.id())))
                    .tags(scope.tags(endpointName))
                    .build(), scope.options());
        }
        this.registerOutputs(Map.of());
    }
}
