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
import jp.twozeroseven.infra.platform.storage.SecureBucketProps;
import jp.twozeroseven.infra.platform.origin.CloudFrontOnly;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudFront for the admin console's static files: a private bucket read through Origin Access Control, the ALB
 * as a second origin for the dynamic paths of its props, HTTPS-only viewers on TLSv1.2_2021, compression,
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
     * @param name    the component's name ({@code cdn} in the stack; part of every child's URN)
     * @param cdn     what to build
     * @param options the component's own options: its parent
     */
    public StaticContentCdn(String name, StaticContentCdnProps cdn, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = cdn.scope().child(this);
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
                .domainName(regionalDomainName(scope.name(BUCKET_NAME), scope.region()))
                .originAccessControlId(oac.id())
                .build());
        List<DistributionOrderedCacheBehaviorArgs> albBehaviors = new ArrayList<>();
        cdn.albOriginDomain().ifPresent(host -> {
            origins.add(DistributionOriginArgs.builder()
                    .originId(ALB_ORIGIN)
                    .domainName(host)
                    .customHeaders(CloudFrontOnly.originHeaders(cdn.originSecretValues()))
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
                .comment("Static files of " + scope.namePrefix())
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
                        .bucket(cdn.accessLogBucketDomainName())
                        .prefix("cloudfront/" + id + "/")
                        .includeCookies(false)
                        .build())
                .tags(scope.tags(id));
        args.webAclId(cdn.webAclArn());
        distribution = new Distribution(id, args.build(), CustomResourceOptions.merge(scope.options(),
                CustomResourceOptions.builder().dependsOn(cdn.logBucketAcls()).build()));

        bucket = new SecureBucket(BUCKET_NAME, new SecureBucketProps(scope,
                SecureBucket.BucketSpec.s3Managed(cdn.accessLogBucket())
                // CloudFront reads SSE-KMS objects only with a key policy naming it; SSE-S3 needs none, and
                // these files are public through the CDN anyway.
                .withStatements(bucketArn -> Output.tuple(bucketArn, distribution.arn()).applyValue(t ->
                        List.of(CdnPolicies.distributionReadsObjects(t.t1, t.t2))))),
                ComponentResourceOptions.builder().parent(this).build());
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
