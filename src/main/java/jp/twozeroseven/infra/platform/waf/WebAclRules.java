package jp.twozeroseven.infra.platform.waf;

import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of every web ACL: AWS managed rule groups (baseline: core rule set and known bad inputs; IP
 * reputation), then a rate-based rule per client IP. AWS WAF Developer Guide, "AWS Managed Rules rule groups list"
 * (AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesAmazonIpReputationList) and
 * "Using rate-based rule statements" (limit per 5-minute window per IP by default, minimum 10).
 */
public final class WebAclRules {

    public static final List<String> MANAGED_GROUPS = List.of("AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");
    /**
     * The core rule set blocks request bodies over 8 KB (SizeRestrictions_BODY); the API takes larger posts (delivery
     * photos, batched route updates), so that one rule only counts.
     */
    public static final String COUNTED_CORE_RULE = "SizeRestrictions_BODY";

    private WebAclRules() {
    }

    /** @param ratePerFiveMinutes requests per client IP and 5 minutes above which WAF blocks that IP */
    public static List<WebAclRuleArgs> rules(String aclName, int ratePerFiveMinutes) {
        List<WebAclRuleArgs> rules = new ArrayList<>();
        int priority = 0;
        for (String group : MANAGED_GROUPS) {
            var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(group);
            if (group.equals("AWSManagedRulesCommonRuleSet")) {
                statement.ruleActionOverrides(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                        .name(COUNTED_CORE_RULE)
                        .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                                .count(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs
                                        .builder().build())
                                .build())
                        .build());
            }
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(statement.build()).build())
                    .visibilityConfig(visibility(aclName + "-" + group))
                    .build());
        }
        rules.add(WebAclRuleArgs.builder()
                .name("rate-per-ip")
                .priority(priority)
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(
                        WebAclRuleStatementRateBasedStatementArgs.builder()
                                .limit(ratePerFiveMinutes).aggregateKeyType("IP").evaluationWindowSec(300).build())
                        .build())
                .visibilityConfig(visibility(aclName + "-rate-per-ip"))
                .build());
        return rules;
    }

    static WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metric).build();
    }
}
