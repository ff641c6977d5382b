package jp.twozeroseven.infra.platform.cdn;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionLoggingConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.platform.storage.SecureBucket;
import jp.twozeroseven.infra.platform.origin.CloudFrontOnly;
import jp.twozeroseven.infra.settings.CdnOriginSecret;
import jp.twozeroseven.infra.settings.CdnSettings;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudFront for the admin console's static files: a private bucket read through Origin Access Control, the ALB
 * as a second origin for the dynamic paths from settings, HTTPS-only viewers on TLSv1.2_2021, compression,
 * managed cache policies, access logs, and an optional WAF web ACL.
 */
public final class StaticContentCdn extends ComponentResource {

    public static final String TYPE = "platform207:cdn:StaticContentCdn";
    public static final String MINIMUM_PROTOCOL = "TLSv1.2_2021";
    static final String BUCKET_ORIGIN = "static-files";
    static final String ALB_ORIGIN = "alb";
    static final String BUCKET_NAME = "static-files";

    private final Distribution distribution;
    private final SecureBucket bucket;

    /**
     * @param logBucketAcls the log bucket's ownership controls: CloudFront standard logging writes with ACLs and
     *                      fails to create the distribution while the bucket still has ACLs disabled
     * @param webAclArn     the CLOUDFRONT-scope WAF web ACL (platform/waf/WebAcls)
     */
    public StaticContentCdn(String name, Scope parentScope, Output<String> accessLogBucket,
                            Output<String> accessLogBucketDomainName, com.pulumi.resources.Resource logBucketAcls,
                            Output<String> webAclArn) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        Scope scope = parentScope.child(this);
        CdnSettings cdn = scope.settings().cdn();
        String id = scope.name("static");
        OriginAccessControl oac = new OriginAccessControl(id, OriginAccessControlArgs.builder()
                .name(id)
                .description("CloudFront signs its S3 requests for " + id)
                .originAccessControlOriginType("s3")
                .signingBehavior("always")
                .signingProtocol("sigv4")
                .build(), scope.options());

        List<DistributionOriginArgs> origins = new ArrayList<>();
        // The bucket policy needs the distribution's ARN and the distribution needs the bucket's domain: the
        // regional domain name is derived from the bucket's fixed name so that the bucket can come second.
        origins.add(DistributionOriginArgs.builder()
                .originId(BUCKET_ORIGIN)
                .domainName(regionalDomainName(scope.name(BUCKET_NAME), scope.settings().region()))
                .originAccessControlId(oac.id())
                .build());
        List<DistributionOrderedCacheBehaviorArgs> albBehaviors = new ArrayList<>();
        cdn.albOriginDomain().ifPresent(host -> {
            origins.add(DistributionOriginArgs.builder()
                    .originId(ALB_ORIGIN)
                    .domainName(host)
                    .customHeaders(CloudFrontOnly.originHeaders(CdnOriginSecret.values(scope.settings())))
                    .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                            .httpPort(80).httpsPort(443).originProtocolPolicy("https-only")
                            .originSslProtocols("TLSv1.2").originReadTimeout(30).originKeepaliveTimeout(5)
                            .build())
                    .build());
            for (String path : cdn.albPathPatterns()) {
                albBehaviors.add(DistributionOrderedCacheBehaviorArgs.builder()
                        .pathPattern(path)
                        .targetOriginId(ALB_ORIGIN)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
                        .cachedMethods("GET", "HEAD")
                        .compress(true)
                        .cachePolicyId(ManagedPolicies.CACHING_DISABLED)
                        .originRequestPolicyId(ManagedPolicies.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .build());
            }
        });

        DistributionArgs.Builder args = DistributionArgs.builder()
                .enabled(true)
                .comment("Static files of " + scope.settings().namePrefix())
                .aliases(cdn.aliases())
                .isIpv6Enabled(true)
                .httpVersion("http2and3")
                .priceClass(cdn.priceClass())
                .defaultRootObject("index.html")
                .origins(origins)
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(BUCKET_ORIGIN)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD", "OPTIONS")
                        .cachedMethods("GET", "HEAD")
                        .compress(true)
                        .cachePolicyId(ManagedPolicies.CACHING_OPTIMIZED)
                        .build())
                .orderedCacheBehaviors(albBehaviors)
                .viewerCertificate(DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(cdn.certificateArn())
                        .sslSupportMethod("sni-only")
                        .minimumProtocolVersion(MINIMUM_PROTOCOL)
                        .build())
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType("none").build())
                        .build())
                .loggingConfig(DistributionLoggingConfigArgs.builder()
                        .bucket(accessLogBucketDomainName)
                        .prefix("cloudfront/" + id + "/")
                        .includeCookies(false)
                        .build())
                .tags(scope.tags(id));
        args.webAclId(webAclArn);
        distribution = new Distribution(id, args.build(), CustomResourceOptions.merge(scope.options(),
                CustomResourceOptions.builder().dependsOn(logBucketAcls).build()));

        bucket = new SecureBucket(BUCKET_NAME, scope, SecureBucket.BucketSpec.s3Managed(accessLogBucket)
                // CloudFront reads SSE-KMS objects only with a key policy naming it; SSE-S3 needs none, and
                // these files are public through the CDN anyway.
                .withStatements(bucketArn -> Output.tuple(bucketArn, distribution.arn()).applyValue(t ->
                        List.of(CdnPolicies.distributionReadsObjects(t.t1, t.t2)))));
        this.registerOutputs(Map.of("domainName", distribution.domainName()));
    }

    /** The S3 REST endpoint OAC signs for (never the website endpoint, which cannot use OAC). */
    public static String regionalDomainName(String bucketName, String region) {
        return bucketName + ".s3." + region + ".amazonaws.com";
    }

    public Distribution distribution() {
        return distribution;
    }

    public SecureBucket bucket() {
        return bucket;
    }
}
