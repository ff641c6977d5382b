package jp.twozeroseven.infra.platform.loadbalancer;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Map;

/**
 * The internet-facing ALB: HTTPS with a TLS 1.2+ policy, HTTP only to redirect, a test listener for blue/green,
 * invalid headers dropped, access logs, and deletion protection in production. Services add their own rules.
 */
public final class PublicLoadBalancer extends ComponentResource {

    public static final String TYPE = "platform207:loadbalancer:PublicLoadBalancer";

    private final LoadBalancer alb;
    private final TrafficListeners listeners;

    /**
     * The two HTTPS listeners an ECS blue/green deployment switches between: CodeDeploy shifts the production
     * listener's traffic to the replacement task set, and routes the test listener to it first for validation
     * (CodeDeploy User Guide, "Before you begin an Amazon ECS deployment": one production listener and an optional
     * test listener per deployment group).
     *
     * @param production the listener on 443 that viewers reach
     * @param test       the listener on {@code testListenerPort} that only the deploy's validation reaches
     */
    public record TrafficListeners(Listener production, Listener test) {
    }

    /**
     * @param name    the component's name ({@code load-balancer} in the stack; part of every child's URN)
     * @param props   what to build
     * @param options the component's own options: its parent
     */
    public PublicLoadBalancer(String name, PublicLoadBalancerProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        SecureBucket logBucket = props.logBucket();
        String id = scope.name("alb");
        alb = new LoadBalancer(id, LoadBalancerArgs.builder()
                .name(id)
                .internal(false)
                .loadBalancerType("application")
                .subnets(props.publicSubnets())
                .securityGroups(props.securityGroupId().applyValue(List::of))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(props.deletionProtection())
                .idleTimeout(props.idleTimeoutSeconds())
                .accessLogs(LoadBalancerAccessLogsArgs.builder().bucket(logBucket.name()).prefix("alb").enabled(true).build())
                .tags(scope.tags(id))
                // Turning access logs on makes ELB write a test object: the bucket policy must admit it first.
                .build(), CustomResourceOptions.builder().parent(this).provider(scope.aws())
                .dependsOn(logBucket.policy()).build());
        new Listener(id + "-http", ListenerArgs.builder()
                .loadBalancerArn(alb.arn()).port(80).protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder().type("redirect")
                        .redirect(ListenerDefaultActionRedirectArgs.builder()
                                .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                        .build())
                .tags(scope.tags(id + "-http"))
                .build(), scope.options());
        listeners = new TrafficListeners(tlsListener(scope, id + "-https", 443, props),
                tlsListener(scope, id + "-test", props.testListenerPort(), props));
        this.registerOutputs(Map.of("dnsName", alb.dnsName()));
    }

    private Listener tlsListener(Scope scope, String name, int port, PublicLoadBalancerProps props) {
        return new Listener(name, ListenerArgs.builder()
                .loadBalancerArn(alb.arn()).port(port).protocol("HTTPS")
                .sslPolicy(props.sslPolicy())
                .certificateArn(props.certificateArn())
                .defaultActions(ListenerDefaultActionArgs.builder().type("fixed-response")
                        .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                                .contentType("text/plain").messageBody("Not Found").statusCode("404").build())
                        .build())
                .tags(scope.tags(name))
                .build(), scope.options());
    }

    public LoadBalancer alb() {
        return alb;
    }

    /** The production and test listeners each service's listener rules attach to. */
    public TrafficListeners listeners() {
        return listeners;
    }
}
