package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.platform.origin.CloudFrontOnly;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ALB host CloudFront uses as its origin answers CloudFront only: the distribution's ALB origin sends the
 * origin header, whose name CloudFront may add and the ALB may match; on the HTTPS listener the rule routing that
 * host forwards only with the header, and the next rule (priority + 1, no rule between) answers the same host 403.
 */
public final class AlbOriginAnswersCloudFrontOnly extends AwsRule {

    static final String HTTPS_LISTENER = "-alb-https/";

    public AlbOriginAnswersCloudFrontOnly() {
        super("alb-origin-answers-cloudfront-only",
                "CloudFront adds origin custom headers (overwriting a viewer's header of the same name) except a "
                        + "listed set (Host, Via, X-Amz-*, X-Edge-*, ...); an ALB http-header condition matches a "
                        + "header name of at most 40 characters, never Host, values of at most 128 characters with * "
                        + "and ? as wildcards, and rules are evaluated from the lowest priority; the first match "
                        + "wins.",
                "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html",
                "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_HttpHeaderConditionConfig.html",
                "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        Optional<String> albOrigin = settings.cdn().albOriginDomain();
        if (albOrigin.isEmpty()) {
            return List.of();
        }
        String host = albOrigin.get();
        List<String> problems = new ArrayList<>();
        for (SynthesizedResource distribution : stack.ofType("aws:cloudfront/distribution:Distribution")) {
            for (JsonNode origin : distribution.inputs().path("origins")) {
                if (!origin.path("domainName").asText().equals(host)) {
                    continue;
                }
                boolean sends = false;
                for (JsonNode header : origin.path("customHeaders")) {
                    String name = header.path("name").asText();
                    CloudFrontOnly.headerNameProblems(name).forEach(p -> problems.add("origin " + host + ": " + p));
                    sends |= name.equalsIgnoreCase(CloudFrontOnly.HEADER);
                }
                if (!sends) {
                    problems.add("distribution " + distribution.name() + " sends no " + CloudFrontOnly.HEADER
                            + " to its ALB origin " + host);
                }
            }
        }
        List<SynthesizedResource> https = stack.ofType("aws:lb/listenerRule:ListenerRule").stream()
                .filter(r -> r.inputs().path("listenerArn").asText().contains(HTTPS_LISTENER)).toList();
        List<SynthesizedResource> forward = https.stream().filter(r -> routes(r, host) && isForward(r)).toList();
        if (forward.size() != 1) {
            problems.add(forward.size() + " forward rules route " + host + " on the HTTPS listener; expected one");
            return problems;
        }
        SynthesizedResource rule = forward.get(0);
        if (!checksHeader(rule)) {
            problems.add("rule " + rule.name() + " forwards " + host + " without " + CloudFrontOnly.HEADER);
        }
        int priority = rule.inputs().path("priority").asInt();
        boolean denied = https.stream().anyMatch(r -> r.inputs().path("priority").asInt() == priority + 1
                && routes(r, host) && !checksHeader(r)
                && "fixed-response".equals(r.inputs().at("/actions/0/type").asText())
                && "403".equals(r.inputs().at("/actions/0/fixedResponse/statusCode").asText()));
        if (!denied) {
            problems.add("no rule at priority " + (priority + 1) + " answers " + host + " 403 without "
                    + CloudFrontOnly.HEADER + " (the listener's default would answer instead)");
        }
        return problems;
    }

    private static boolean routes(SynthesizedResource rule, String host) {
        for (JsonNode condition : rule.inputs().path("conditions")) {
            for (JsonNode value : condition.path("hostHeader").path("values")) {
                if (value.asText().equals(host)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isForward(SynthesizedResource rule) {
        return "forward".equals(rule.inputs().at("/actions/0/type").asText());
    }

    private static boolean checksHeader(SynthesizedResource rule) {
        for (JsonNode condition : rule.inputs().path("conditions")) {
            if (condition.path("httpHeader").path("httpHeaderName").asText().equalsIgnoreCase(CloudFrontOnly.HEADER)
                    && !condition.path("httpHeader").path("values").isMissingNode()) {
                return true;
            }
        }
        return false;
    }
}
