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
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-privilege traffic rules, each described: the internet reaches only the load balancer (443, and 80 for
 * the redirect); services take traffic only from it; Aurora takes connections only from the services and the
 * data pipeline's ETL tasks (whose group and the rule admitting it the data pipeline owns: data/network).
 */
public final class SecurityGroups extends ComponentResource {

    public static final String TYPE = "platform207:security:SecurityGroups";
    public static final int POSTGRES = 5432;
    /** The policy pack lets only a group with this Exposure tag take traffic from the whole internet. */
    public static final String PUBLIC_ALB = "public-alb";

    private final SecurityGroup loadBalancer;
    private final SecurityGroup database;
    private final Map<String, SecurityGroup> services = new LinkedHashMap<>();
    private final Scope scope;

    public SecurityGroups(String name, Scope parentScope, Output<String> vpcId, Output<String> vpcCidr) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        scope = parentScope.child(this);
        var settings = scope.settings();
        loadBalancer = group("alb", vpcId, "Public load balancer: HTTPS and the HTTP redirect from the internet",
                Map.of("Exposure", PUBLIC_ALB));
        database = group("aurora", vpcId, "Aurora PostgreSQL: only from the app services and the ETL tasks");
        ingressFromInternet("alb-https", 443, "HTTPS from the internet to the load balancer");
        ingressFromInternet("alb-http", 80, "HTTP from the internet, only to redirect to HTTPS");
        ingress("alb-test-listener", loadBalancer, settings.loadBalancer().testListenerPort(), vpcCidr, null,
                "Blue/green test listener, reachable from inside the VPC only");
        for (ServiceSettings service : settings.services()) {
            SecurityGroup sg = group(service.name(), vpcId, "Service " + service.name() + ": from the load balancer only");
            services.put(service.name(), sg);
            ingress(service.name() + "-from-alb", sg, service.containerPort(), null, loadBalancer,
                    "App port of " + service.name() + " from the load balancer");
            egress("alb-to-" + service.name(), loadBalancer, service.containerPort(), null, sg,
                    "Load balancer to the app port of " + service.name());
            clientOfDatabaseAndApis(service.name(), sg);
        }
        this.registerOutputs(Map.of());
    }

    private void clientOfDatabaseAndApis(String client, SecurityGroup sg) {
        ingress("aurora-from-" + client, database, POSTGRES, null, sg, "PostgreSQL from " + client);
        egress(client + "-to-aurora", sg, POSTGRES, null, database, client + " to Aurora PostgreSQL");
        egress(client + "-to-https", sg, 443, Output.of("0.0.0.0/0"), null,
                client + " to AWS APIs, New Relic and Sentry over HTTPS");
    }

    private SecurityGroup group(String suffix, Output<String> vpcId, String description) {
        return group(suffix, vpcId, description, Map.of());
    }

    private SecurityGroup group(String suffix, Output<String> vpcId, String description, Map<String, String> tags) {
        String name = scope.name(suffix);
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .name(name)
                .vpcId(vpcId)
                .description(description)
                .tags(scope.tags().forResource(scope.service(), name, tags))
                .build(), scope.options());
    }

    /** IPv4 only: the load balancer and the VPC are not dual-stack, so an IPv6 rule would grant nothing. */
    private void ingressFromInternet(String suffix, int port, String description) {
        ingress(suffix + "-v4", loadBalancer, port, Output.of("0.0.0.0/0"), null, description + " (IPv4)");
    }

    private void ingress(String suffix, SecurityGroup target, int port, Output<String> cidr, SecurityGroup source,
                         String description) {
        String name = scope.name(suffix);
        var args = SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(target.id()).description(description)
                .ipProtocol("tcp").fromPort(port).toPort(port).tags(scope.tags(name));
        if (source != null) {
            args.referencedSecurityGroupId(source.id());
        } else {
            args.cidrIpv4(cidr);
        }
        new SecurityGroupIngressRule(name, args.build(), scope.options());
    }

    private void egress(String suffix, SecurityGroup from, int port, Output<String> cidr, SecurityGroup target,
                        String description) {
        String name = scope.name(suffix);
        var args = SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(from.id()).description(description)
                .ipProtocol("tcp").fromPort(port).toPort(port).tags(scope.tags(name));
        if (target != null) {
            args.referencedSecurityGroupId(target.id());
        } else {
            args.cidrIpv4(cidr);
        }
        new SecurityGroupEgressRule(name, args.build(), scope.options());
    }

    public SecurityGroup loadBalancer() {
        return loadBalancer;
    }

    public SecurityGroup database() {
        return database;
    }

    public SecurityGroup service(String name) {
        return services.get(name);
    }
}
