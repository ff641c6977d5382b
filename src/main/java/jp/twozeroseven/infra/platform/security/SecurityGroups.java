package jp.twozeroseven.infra.platform.security;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.Map;
import java.util.Optional;

/**
 * Least-privilege traffic rules, each described: the internet reaches only the load balancer (443, and 80 for
 * the redirect); services take traffic only from it; Aurora takes connections only from the services and the
 * data pipeline's ETL tasks. The shared groups live here; each service's own group and rules live in its
 * AppService ({@link #forService}); the ETL tasks' group and the rule admitting it to Aurora live in the data
 * pipeline (data/network).
 */
public final class SecurityGroups extends ComponentResource {

    public static final String TYPE = "platform207:security:SecurityGroups";
    public static final int POSTGRES = 5432;
    /** The policy pack lets only a group with this Exposure tag take traffic from the whole internet. */
    public static final String PUBLIC_ALB = "public-alb";

    private final SecurityGroup loadBalancer;
    private final SecurityGroup database;

    /** Which way a rule admits traffic: into its group, or out of it. */
    private enum Direction { INGRESS, EGRESS }

    /**
     * @param name    the component's name ({@code security-groups} under the platform; part of every child's URN)
     * @param props   what to build
     * @param options the component's own options: its parent (the platform)
     */
    public SecurityGroups(String name, SecurityGroupsProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        Output<String> vpcId = props.vpcId();
        CustomResourceOptions childOptions = scope.options();
        loadBalancer = group(scope, "alb", vpcId, "Public load balancer: HTTPS and the HTTP redirect from the internet",
                Map.of("Exposure", PUBLIC_ALB), childOptions);
        database = group(scope, "aurora", vpcId, "Aurora PostgreSQL: only from the app services and the ETL tasks",
                Map.of(), childOptions);
        ingressFromInternet(scope, "alb-https", 443, "HTTPS from the internet to the load balancer");
        ingressFromInternet(scope, "alb-http", 80, "HTTP from the internet, only to redirect to HTTPS");
        rule(Direction.INGRESS, scope, "alb-test-listener", loadBalancer, props.testListenerPort(),
                props.vpcCidr(), null, "Blue/green test listener, reachable from inside the VPC only", childOptions);
        this.registerOutputs(Map.of());
    }

    /**
     * How the load balancer reaches a service: its group, and the app port it connects to.
     *
     * @param loadBalancer  the load balancer's security group
     * @param containerPort the service's app port
     */
    public record LoadBalancerIngress(SecurityGroup loadBalancer, int containerPort) {
    }

    /**
     * One service's group: from the load balancer on the app port only (when it sits behind it), to Aurora and to
     * HTTPS. Created under {@code scope}'s parent with {@code options}.
     *
     * @param ingress how the load balancer reaches it; empty for a service the load balancer does not reach (a
     *                worker: its group takes no inbound traffic)
     */
    public static SecurityGroup forService(Scope scope, String service, Optional<LoadBalancerIngress> ingress,
                                           Output<String> vpcId, SecurityGroup database,
                                           CustomResourceOptions options) {
        SecurityGroup sg = group(scope, service, vpcId, ingress.isEmpty()
                ? "Service " + service + ": no inbound traffic"
                : "Service " + service + ": from the load balancer only", Map.of(), options);
        ingress.ifPresent(from -> {
            rule(Direction.INGRESS, scope, service + "-from-alb", sg, from.containerPort(), null, from.loadBalancer(),
                    "App port of " + service + " from the load balancer", options);
            rule(Direction.EGRESS, scope, "alb-to-" + service, from.loadBalancer(), from.containerPort(), null, sg,
                    "Load balancer to the app port of " + service, options);
        });
        clientOfDatabaseAndApis(scope, service, sg, database, options);
        return sg;
    }

    private static void clientOfDatabaseAndApis(Scope scope, String client, SecurityGroup sg, SecurityGroup database,
                                                CustomResourceOptions options) {
        rule(Direction.INGRESS, scope, "aurora-from-" + client, database, POSTGRES, null, sg,
                "PostgreSQL from " + client, options);
        rule(Direction.EGRESS, scope, client + "-to-aurora", sg, POSTGRES, null, database,
                client + " to Aurora PostgreSQL", options);
        rule(Direction.EGRESS, scope, client + "-to-https", sg, 443, Output.of("0.0.0.0/0"), null,
                client + " to AWS APIs, New Relic and Sentry over HTTPS", options);
    }

    private static SecurityGroup group(Scope scope, String suffix, Output<String> vpcId, String description,
                                       Map<String, String> tags, CustomResourceOptions options) {
        String name = scope.name(suffix);
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .name(name)
                .vpcId(vpcId)
                .description(description)
                .tags(scope.tags().forResource(scope.service(), name, tags))
                .build(), options);
    }

    /** IPv4 only: the load balancer and the VPC are not dual-stack, so an IPv6 rule would grant nothing. */
    private void ingressFromInternet(Scope scope, String suffix, int port, String description) {
        rule(Direction.INGRESS, scope, suffix + "-v4", loadBalancer, port, Output.of("0.0.0.0/0"), null,
                description + " (IPv4)", scope.options());
    }

    /**
     * One TCP rule of {@code group} on {@code port}: its peer is another group ({@code peer}) or, when that is null,
     * an IPv4 range ({@code cidr}); a rule names exactly one of them, so the other input stays unset.
     */
    private static void rule(Direction direction, Scope scope, String suffix, SecurityGroup group, int port,
                             Output<String> cidr, SecurityGroup peer, String description,
                             CustomResourceOptions options) {
        String name = scope.name(suffix);
        Output<String> peerId = peer == null ? null : peer.id();
        Output<String> peerCidr = peer == null ? cidr : null;
        if (direction == Direction.INGRESS) {
            new SecurityGroupIngressRule(name, SecurityGroupIngressRuleArgs.builder().securityGroupId(group.id())
                    .description(description).ipProtocol("tcp").fromPort(port).toPort(port).tags(scope.tags(name))
                    .referencedSecurityGroupId(peerId).cidrIpv4(peerCidr).build(), options);
        } else {
            new SecurityGroupEgressRule(name, SecurityGroupEgressRuleArgs.builder().securityGroupId(group.id())
                    .description(description).ipProtocol("tcp").fromPort(port).toPort(port).tags(scope.tags(name))
                    .referencedSecurityGroupId(peerId).cidrIpv4(peerCidr).build(), options);
        }
    }

    public SecurityGroup loadBalancer() {
        return loadBalancer;
    }

    public SecurityGroup database() {
        return database;
    }
}
