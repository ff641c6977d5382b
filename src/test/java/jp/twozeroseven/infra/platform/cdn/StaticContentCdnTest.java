package jp.twozeroseven.infra.platform.cdn;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.twozeroseven.infra.testsupport.SynthedStacks.json;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.named;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticContentCdnTest {

    private static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void viewersUseHttpsOnTls12_2021WithTheStackCertificate(String stack) {
        JsonNode cdn = named(stack, DISTRIBUTION, "platform-207-" + stack + "-static").inputs();
        assertThat(cdn.at("/viewerCertificate/minimumProtocolVersion").asText()).isEqualTo("TLSv1.2_2021");
        assertThat(cdn.at("/viewerCertificate/sslSupportMethod").asText()).isEqualTo("sni-only");
        assertThat(cdn.at("/viewerCertificate/acmCertificateArn").asText()).startsWith("arn:aws:acm:us-east-1:");
        assertThat(cdn.at("/viewerCertificate/cloudfrontDefaultCertificate").isMissingNode()).isTrue();
        assertThat(cdn.at("/defaultCacheBehavior/viewerProtocolPolicy").asText()).isEqualTo("redirect-to-https");
        cdn.at("/orderedCacheBehaviors").forEach(b -> {
            assertThat(b.at("/viewerProtocolPolicy").asText()).isEqualTo("redirect-to-https");
            assertThat(b.at("/compress").asBoolean()).isTrue();
        });
        assertThat(cdn.at("/defaultCacheBehavior/compress").asBoolean()).isTrue();
        assertThat(cdn.at("/aliases/0").asText()).endsWith("207-delivery.jp");
    }

    @Test
    void staticFilesComeFromThePrivateBucketThroughOriginAccessControl() {
        JsonNode cdn = named("prod", DISTRIBUTION, "platform-207-prod-static").inputs();
        JsonNode s3 = cdn.at("/origins/0");
        SynthesizedResource oac = ofType("prod", "aws:cloudfront/originAccessControl:OriginAccessControl").get(0);
        assertThat(oac.inputs().at("/signingBehavior").asText()).isEqualTo("always");
        assertThat(oac.inputs().at("/originAccessControlOriginType").asText()).isEqualTo("s3");
        assertThat(s3.at("/originAccessControlId").asText()).isNotEmpty();
        assertThat(s3.at("/customOriginConfig").isMissingNode()).isTrue();
        // The regional REST endpoint of the bucket this component creates.
        assertThat(named("prod", "aws:s3/bucketV2:BucketV2", "platform-207-prod-static-files").inputs().at("/bucket").asText())
                .isEqualTo("platform-207-prod-static-files");
        assertThat(s3.at("/domainName").asText()).isEqualTo("platform-207-prod-static-files.s3.ap-northeast-1.amazonaws.com");
        assertThat(cdn.at("/defaultCacheBehavior/cachePolicyId").asText()).isEqualTo(ManagedPolicies.CACHING_OPTIMIZED);
        assertThat(cdn.at("/loggingConfig/bucket").asText()).isEqualTo("platform-207-prod-access-logs.s3.amazonaws.com");
    }

    @Test
    void albPathsGoUncachedToTheAlbHostOverHttps() {
        JsonNode cdn = named("prod", DISTRIBUTION, "platform-207-prod-static").inputs();
        JsonNode alb = cdn.at("/origins/1");
        assertThat(alb.at("/domainName").asText()).isEqualTo("admin.207-delivery.jp");
        assertThat(alb.at("/customOriginConfig/originProtocolPolicy").asText()).isEqualTo("https-only");
        JsonNode behavior = cdn.at("/orderedCacheBehaviors/0");
        assertThat(behavior.at("/pathPattern").asText()).isEqualTo("/api/*");
        assertThat(behavior.at("/targetOriginId").asText()).isEqualTo(alb.at("/originId").asText());
        assertThat(behavior.at("/cachePolicyId").asText()).isEqualTo(ManagedPolicies.CACHING_DISABLED);
        assertThat(behavior.at("/originRequestPolicyId").asText()).isEqualTo(ManagedPolicies.ALL_VIEWER_EXCEPT_HOST_HEADER);
    }

    @Test
    void bucketPolicyAdmitsOnlyThisDistribution() {
        SynthesizedResource policy = ofType("prod", "aws:s3/bucketPolicy:BucketPolicy").stream()
                .filter(p -> p.name().equals("platform-207-prod-static-files")).findFirst().orElseThrow();
        JsonNode doc = json(policy.inputs().at("/policy"));
        JsonNode allow = doc.at("/Statement/1");
        assertThat(allow.at("/Principal/Service/0").asText()).isEqualTo("cloudfront.amazonaws.com");
        assertThat(allow.at("/Action/0").asText()).isEqualTo("s3:GetObject");
        assertThat(allow.at("/Resource/0").asText()).isEqualTo("arn:aws:s3:::platform-207-prod-static-files/*");
        assertThat(allow.at("/Condition/StringEquals/AWS:SourceArn").asText())
                .matches("arn:aws:cloudfront::123456789012:distribution/E\\d+");
        assertThat(doc.at("/Statement/0/Effect").asText()).isEqualTo("Deny");
    }

    @Test
    void aMalformedDistributionArnIsRefused() {
        assertThatThrownBy(() -> CdnPolicies.distributionReadsObjects("arn:aws:s3:::b", "arn:aws:cloudfront::1:distribution/*"))
                .hasMessageContaining("must look like arn:aws:cloudfront::123456789012:distribution/");
    }
}
