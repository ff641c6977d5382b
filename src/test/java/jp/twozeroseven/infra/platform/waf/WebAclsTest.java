package jp.twozeroseven.infra.platform.waf;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.settings.Tier;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.ComponentHarness;
import jp.twozeroseven.infra.testsupport.ComponentHarness.Built;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static jp.twozeroseven.infra.testsupport.ComponentHarness.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The web ACLs built on their own from props. */
class WebAclsTest {

    private static final String ACL = "aws:wafv2/webAcl:WebAcl";
    private static final String ALB_ARN = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/x/1";

    private static Built waf(Optional<String> existingCdnAcl) {
        return ComponentHarness.build(Tier.STAGING, scope -> new WebAcls("waf", new WebAclsProps(scope,
                Output.of(ALB_ARN), existingCdnAcl, 1_000, 300, 60), ComponentResourceOptions.Empty));
    }

    private static int rateLimit(SynthesizedResource acl) {
        for (var rule : acl.inputs().at("/rules")) {
            if (rule.at("/name").asText().equals("rate-per-ip")) {
                return rule.at("/statement/rateBasedStatement/limit").asInt();
            }
        }
        throw new AssertionError("no rate rule in " + acl.name());
    }

    @Test
    void bothAclsTakeTheirRateLimitsAndLogRetentionFromProps() {
        Built waf = waf(Optional.empty());
        assertThat(rateLimit(waf.named(ACL, PREFIX + "-alb"))).isEqualTo(1_000);
        assertThat(rateLimit(waf.named(ACL, PREFIX + "-cdn"))).isEqualTo(300);
        assertThat(waf.ofType("aws:cloudwatch/logGroup:LogGroup")).extracting(g -> g.inputs().at("/name").asText())
                .containsExactlyInAnyOrder(WebAcls.LOG_GROUP_PREFIX + PREFIX + "-alb",
                        WebAcls.LOG_GROUP_PREFIX + PREFIX + "-cdn");
        assertThat(waf.ofType("aws:cloudwatch/logGroup:LogGroup"))
                .allSatisfy(g -> assertThat(g.inputs().at("/retentionInDays").asInt()).isEqualTo(60));
        assertThat(waf.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").get(0).inputs().at("/resourceArn")
                .asText()).isEqualTo(ALB_ARN);
    }

    @Test
    void theCloudFrontAclLivesInUsEast1PinnedToTheScopesAccount() {
        Built waf = waf(Optional.empty());
        SynthesizedResource global = waf.named("pulumi:providers:aws", "aws-" + WebAcls.CLOUDFRONT_REGION);
        assertThat(global.inputs().at("/region").asText()).isEqualTo("us-east-1");
        assertThat(global.inputs().at("/allowedAccountIds").toString()).contains(ComponentHarness.ACCOUNT);
        SynthesizedResource cdn = waf.named(ACL, PREFIX + "-cdn");
        assertThat(cdn.inputs().at("/scope").asText()).isEqualTo("CLOUDFRONT");
        assertThat(cdn.provider()).startsWith(global.urn() + "::");
    }

    @Test
    void anExistingCloudFrontAclIsUsedInsteadOfBuildingOne() {
        Built waf = waf(Optional.of("arn:aws:wafv2:us-east-1:123456789012:global/webacl/shared/1"));
        assertThat(waf.ofType(ACL)).extracting(SynthesizedResource::name).containsExactly(PREFIX + "-alb");
        assertThat(waf.resources()).noneMatch(r -> r.name().equals("aws-" + WebAcls.CLOUDFRONT_REGION));
    }

    @Test
    void rateLimitsBelowWafsMinimumAreRefused() {
        // AWS WAF Developer Guide, "Rate-based rule statement": the limit is 10 to 2,000,000,000.
        assertThatThrownBy(() -> new WebAclsProps(ComponentHarness.detachedScope(), Output.of(ALB_ARN),
                Optional.empty(), 5, 300, 60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10").hasMessageContaining("5");
    }
}
