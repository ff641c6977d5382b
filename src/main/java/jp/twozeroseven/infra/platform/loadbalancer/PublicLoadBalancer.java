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
    private final Listener https;
    private final Listener test;

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
        https = tlsListener(scope, id + "-https", 443, props);
        test = tlsListener(scope, id + "-test", props.testListenerPort(), props);
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

    public Listener https() {
        return https;
    }

    public Listener test() {
        return test;
    }
}
