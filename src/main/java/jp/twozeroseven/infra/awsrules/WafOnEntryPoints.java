package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.platform.waf.WebAclRules;
import jp.twozeroseven.infra.platform.waf.WebAcls;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Both entry points sit behind AWS WAF: the internet-facing ALB is associated with a REGIONAL web ACL, and the
 * distribution names a CLOUDFRONT web ACL, which must be created in us-east-1. Each ACL runs the AWS managed rule
 * groups, a rate-based rule, and logs to a CloudWatch log group named aws-waf-logs-*.
 */
public final class WafOnEntryPoints extends AwsRule {

    public WafOnEntryPoints() {
        super("waf-on-entry-points",
                "A web ACL for CloudFront has scope CLOUDFRONT and is created in us-east-1; WAF logs to CloudWatch "
                        + "Logs only into log groups whose names start with aws-waf-logs-.",
                "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-creating.html",
                "https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<SynthesizedResource> internetFacing = stack.ofType("aws:lb/loadBalancer:LoadBalancer").stream()
                .filter(alb -> !alb.inputs().path("internal").asBoolean(false)).toList();
        List<String> problems = unless(internetFacing,
                alb -> stack.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").stream()
                        .anyMatch(a -> a.propertyDependencies().getOrDefault("resourceArn", List.of()).contains(alb.urn())),
                "internet-facing and not associated with a web ACL");
        problems.addAll(unless(stack.ofType("aws:cloudfront/distribution:Distribution"),
                distribution -> !distribution.inputs().path("webAclId").asText("").isEmpty(), "no web ACL"));
        problems.addAll(each(stack.ofType("aws:wafv2/webAcl:WebAcl"), (acl, problem) -> {
            String scope = acl.inputs().path("scope").asText();
            if ("CLOUDFRONT".equals(scope) && !region(stack, acl).equals(Optional.of(WebAcls.CLOUDFRONT_REGION))) {
                problem.accept("a CLOUDFRONT web ACL outside us-east-1");
            }
            List<String> groups = new ArrayList<>();
            boolean rate = false;
            for (JsonNode rule : acl.inputs().path("rules")) {
                JsonNode managed = rule.path("statement").path("managedRuleGroupStatement");
                if (!managed.isMissingNode()) {
                    groups.add(managed.path("name").asText());
                }
                rate |= rule.path("statement").has("rateBasedStatement");
            }
            if (!groups.containsAll(WebAclRules.MANAGED_GROUPS) || !rate) {
                problem.accept("lacks a managed rule group or the rate-based rule");
            }
            boolean logged = stack.ofType("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").stream()
                    .filter(l -> l.propertyDependencies().getOrDefault("resourceArn", List.of()).contains(acl.urn()))
                    .anyMatch(l -> stack.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                            .filter(g -> l.propertyDependencies().getOrDefault("logDestinationConfigs", List.of())
                                    .contains(g.urn()))
                            .anyMatch(g -> g.inputs().path("name").asText().startsWith(WebAcls.LOG_GROUP_PREFIX)
                                    && region(stack, g).equals(region(stack, acl))));
            if (!logged) {
                problem.accept("not logged to an aws-waf-logs-* group in its region");
            }
        }));
        return problems;
    }

    /** The region of the provider a resource is created with. */
    private static Optional<String> region(SynthResult stack, SynthesizedResource resource) {
        if (resource.provider() == null) {
            return Optional.empty();
        }
        String providerUrn = resource.provider().substring(0, resource.provider().lastIndexOf("::"));
        return stack.byUrn(providerUrn).map(p -> p.inputs().path("region").asText());
    }
}
