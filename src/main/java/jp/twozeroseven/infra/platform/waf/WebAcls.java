package jp.twozeroseven.infra.platform.waf;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Map;

/**
 * AWS WAF in front of both entry points: a REGIONAL web ACL on the internet-facing ALB (the API's hosts are
 * reached directly, not through CloudFront) and a CLOUDFRONT web ACL for the distribution. A CloudFront web ACL
 * must be created in us-east-1 (AWS WAF Developer Guide, "Creating a web ACL": for CloudFront choose Global,
 * which is us-east-1 in the API), so it has its own provider; given an existing CLOUDFRONT ACL
 * ({@link WebAclsProps#existingCdnAclArn()}) it uses that ACL instead. Each ACL logs to CloudWatch Logs in its own
 * region, in a group whose name starts with {@code aws-waf-logs-} as WAF requires ("Sending web ACL traffic logs to an Amazon CloudWatch Logs log group").
 */
public final class WebAcls extends ComponentResource {

    public static final String TYPE = "platform207:waf:WebAcls";
    public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";
    public static final String CLOUDFRONT_REGION = "us-east-1";

    private final Output<String> cloudFrontAclArn;

    /**
     * @param name    the component's name ({@code waf} in the stack; part of every child's URN)
     * @param props   what to build
     * @param options the component's own options: its parent
     */
    public WebAcls(String name, WebAclsProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        int retention = props.logRetentionDays();
        WebAcl regional = acl(scope, scope.name("alb"), "REGIONAL", props.albRateLimit(), scope.options());
        logging(scope, regional, scope.name("alb"), retention, scope.options());
        new WebAclAssociation(scope.name("alb"), WebAclAssociationArgs.builder()
                .resourceArn(props.albArn()).webAclArn(regional.arn()).build(), scope.options());

        cloudFrontAclArn = props.existingCdnAclArn().map(Output::of).orElseGet(() -> {
            Provider global = new Provider("aws-" + CLOUDFRONT_REGION, ProviderArgs.builder()
                    .region(CLOUDFRONT_REGION)
                    .allowedAccountIds(List.of(scope.accountId()))
                    .defaultTags(ProviderDefaultTagsArgs.builder().tags(scope.tags().defaults()).build())
                    .build(), CustomResourceOptions.builder().parent(this).build());
            CustomResourceOptions inUsEast1 = CustomResourceOptions.builder().parent(this).provider(global).build();
            WebAcl cdn = acl(scope, scope.name("cdn"), "CLOUDFRONT", props.cdnRateLimit(), inUsEast1);
            logging(scope, cdn, scope.name("cdn"), retention, inUsEast1);
            return cdn.arn();
        });
        this.registerOutputs(Map.of("albWebAclArn", regional.arn(), "cloudFrontWebAclArn", cloudFrontAclArn));
    }

    /** The ARN CloudFront takes as its webAclId (WAFv2 web ACLs are named by ARN there). */
    public Output<String> cloudFrontAclArn() {
        return cloudFrontAclArn;
    }

    private static WebAcl acl(Scope scope, String name, String wafScope, int rateLimit, CustomResourceOptions options) {
        return new WebAcl(name, WebAclArgs.builder()
                .name(name)
                .description("Managed rules and a per-IP rate limit for " + name)
                .scope(wafScope)
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(WebAclRules.rules(name, rateLimit))
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(name).build())
                .tags(scope.tags(name))
                .build(), options);
    }

    private static void logging(Scope scope, WebAcl acl, String name, int retentionDays,
                                CustomResourceOptions options) {
        String logName = LOG_GROUP_PREFIX + name;
        LogGroup group = new LogGroup(logName, LogGroupArgs.builder()
                .name(logName)
                .retentionInDays(retentionDays)
                .tags(scope.tags(logName))
                .build(), options);
        new WebAclLoggingConfiguration(name, WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(group.arn().applyValue(List::of))
                .build(), options);
    }
}
