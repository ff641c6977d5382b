package jp.twozeroseven.infra.platform.origin;

import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.core.Output;
import jp.twozeroseven.infra.settings.Routing;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The host CloudFront's ALB origin connects to ({@code cdn.albOriginDomain}, admin.*) answers CloudFront only.
 * CloudFront adds {@link #HEADER} with the secret {@code cdnOriginSecret} to every request to that origin
 * (CloudFront Developer Guide, "Add custom headers to origin requests": a viewer's header of the same name is
 * overwritten, so a viewer cannot forge it through AllViewerExceptHostHeader). On the production listener the
 * service's rule forwards only requests that carry it, and the next rule answers the same hosts and paths with a
 * fixed 403. The secret is a Pulumi secret: both inputs are stored encrypted in the state.
 *
 * <p>CodeDeploy owns the {@code actions} of the service's production and test rules (it rewrites the forward
 * target group); their conditions stay Pulumi's, so the header condition is a plain update of the rule. The 403
 * rule forwards to no target group and is not one of the rules the service's CodeDeploy role may modify
 * (CodeDeployPolicies), so a deployment never touches it and Pulumi owns all of it. The test listener is reachable
 * from the VPC only (SecurityGroups) and keeps its rule unchanged.
 */
public final class CloudFrontOnly {

    public static final String HEADER = "X-Origin-Verify";
    public static final String FORBIDDEN_BODY = "Forbidden";
    /**
     * Headers CloudFront cannot add to origin requests (CloudFront Developer Guide, "Add custom headers to origin
     * requests", custom headers that CloudFront can't add), plus every name that starts with X-Amz- or X-Edge-.
     */
    static final List<String> CLOUDFRONT_CANNOT_ADD = List.of("cache-control", "connection", "content-length",
            "cookie", "host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
            "max-forwards", "pragma", "proxy-authorization", "proxy-connection", "range", "request-range", "te",
            "trailer", "transfer-encoding", "upgrade", "via", "x-real-ip");
    static final List<String> CLOUDFRONT_CANNOT_ADD_PREFIXES = List.of("x-amz-", "x-edge-");
    /** ELB API Reference, HttpHeaderConditionConfig: at most 40 characters, RFC 7230 token characters. */
    static final int ALB_HEADER_NAME_LIMIT = 40;
    /**
     * With routing.http.drop_invalid_header_fields.enabled (the pack's alb-drop-invalid-headers), the ALB removes
     * header fields whose names do not match this before any rule sees them (ELB User Guide, "Application Load
     * Balancer attributes").
     */
    static final String ALB_VALID_HEADER_NAME = "[-A-Za-z0-9]+";
    private static final String RFC7230_TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    private CloudFrontOnly() {
    }

    /** Why a header name cannot carry the origin secret; empty when both CloudFront and the ALB accept it. */
    public static List<String> headerNameProblems(String name) {
        List<String> problems = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.length() > ALB_HEADER_NAME_LIMIT || !name.matches(RFC7230_TOKEN)) {
            problems.add("an ALB http-header condition takes an RFC 7230 token of at most 40 characters");
        }
        if (!name.matches(ALB_VALID_HEADER_NAME)) {
            problems.add("the ALB drops header names outside [-A-Za-z0-9]+ (drop_invalid_header_fields, policy "
                    + "alb-drop-invalid-headers), so no rule would ever see it");
        }
        if (lower.equals("host")) {
            problems.add("an ALB http-header condition cannot match Host (use a host-header condition)");
        }
        if (CLOUDFRONT_CANNOT_ADD.contains(lower)
                || CLOUDFRONT_CANNOT_ADD_PREFIXES.stream().anyMatch(lower::startsWith)) {
            problems.add("CloudFront cannot add " + name + " to origin requests");
        }
        return problems;
    }

    /** The origin custom header CloudFront sends to the ALB origin: the first (current) value. */
    public static List<DistributionOriginCustomHeaderArgs> originHeaders(List<String> secretValues) {
        if (secretValues.isEmpty()) {
            return List.of();
        }
        return List.of(DistributionOriginCustomHeaderArgs.builder()
                .name(HEADER).value(Output.ofSecret(secretValues.get(0))).build());
    }

    /** The host and path conditions of a service's rules. */
    public static List<ListenerRuleConditionArgs> routingConditions(Routing routing) {
        List<ListenerRuleConditionArgs> conditions = new ArrayList<>();
        if (!routing.hostHeaders().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().hostHeader(ListenerRuleConditionHostHeaderArgs
                    .builder().values(routing.hostHeaders()).build()).build());
        }
        if (!routing.pathPatterns().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs
                    .builder().values(routing.pathPatterns()).build()).build());
        }
        return conditions;
    }

    /**
     * The extra condition of the guarded service's production rule: the header carries one of the accepted values
     * (several values of one condition are ORed, which lets a rotation accept the old and the new secret); none
     * for a service that is not the CloudFront origin's host (empty values).
     */
    public static List<ListenerRuleConditionArgs> originConditions(List<String> acceptedValues) {
        if (acceptedValues.isEmpty()) {
            return List.of();
        }
        return List.of(ListenerRuleConditionArgs.builder().httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                .httpHeaderName(HEADER).values(Output.ofSecret(acceptedValues)).build()).build());
    }

    /** A fixed 403: neither the app nor CloudFront's error pages see the request. */
    public static ListenerRuleActionArgs forbidden() {
        return ListenerRuleActionArgs.builder().type("fixed-response")
                .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                        .statusCode("403").contentType("text/plain").messageBody(FORBIDDEN_BODY).build())
                .build();
    }

    /**
     * The rule right after the guarded service's production rule (priority + 1, kept free by the settings
     * parser, {@code CdnOriginSecret.denyPriority}): its hosts and paths without CloudFront's header get 403
     * instead of the listener's default 404. None when {@code acceptedValues} is empty (not the guarded service).
     *
     * @param scope the service's scope: the rule is its child, tagged with its service
     */
    public static Optional<ListenerRule> denyWithoutHeader(Scope scope, String name, Listener production,
                                                           Routing routing, int denyPriority,
                                                           List<String> acceptedValues) {
        if (acceptedValues.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ListenerRule(name, ListenerRuleArgs.builder()
                .listenerArn(production.arn())
                .priority(denyPriority)
                .conditions(routingConditions(routing))
                .actions(forbidden())
                .tags(scope.tags(name))
                .build(), scope.options()));
    }
}
