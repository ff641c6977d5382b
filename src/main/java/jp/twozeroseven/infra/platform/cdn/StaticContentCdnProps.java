package jp.twozeroseven.infra.platform.cdn;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Optional;

/**
 * What {@link StaticContentCdn} builds. Stack config keys are under {@code cdn.*} (docs/cdn.md).
 *
 * @param scope                    provider, naming and tags of the children; the static-files bucket's regional
 *                                 domain uses the scope's region
 * @param accessLogBucket          the S3 server access log bucket's name (the static-files bucket logs there)
 * @param accessLogBucketDomainName that bucket's {@code <name>.s3.amazonaws.com}, where CloudFront standard logs go
 * @param logBucketAcls            the log bucket's ownership controls: CloudFront standard logging writes with ACLs
 *                                 and fails to create the distribution while the bucket still has ACLs disabled
 * @param webAclArn                the CLOUDFRONT-scope WAF web ACL (platform/waf/WebAcls)
 * @param aliases                  custom domain names, covered by {@code certificateArn}; @default none
 * @param certificateArn           ACM certificate in us-east-1 (required: CloudFront's default certificate cannot
 *                                 enforce {@value StaticContentCdn#MINIMUM_PROTOCOL})
 * @param albPathPatterns          paths forwarded uncached to the ALB instead of the bucket; @default none
 * @param albOriginDomain          the host CloudFront connects to for those paths: one of the services' ALB host
 *                                 headers, so the ALB certificate matches and a listener rule routes the request;
 *                                 @default empty (no ALB origin)
 * @param priceClass               CloudFront price class; the stack's @default is {@code PriceClass_200} (includes Japan)
 * @param originSecretValues       the secret CloudFront sends to the ALB origin in X-Origin-Verify (the first value;
 *                                 secret config key {@code cdnOriginSecret}, docs/cdn.md); @default none (no ALB
 *                                 origin)
 */
public record StaticContentCdnProps(Scope scope, Output<String> accessLogBucket, Output<String> accessLogBucketDomainName,
                                    Resource logBucketAcls, Output<String> webAclArn, List<String> aliases,
                                    String certificateArn, List<String> albPathPatterns,
                                    Optional<String> albOriginDomain, String priceClass,
                                    List<String> originSecretValues) {

    public StaticContentCdnProps {
        Required.components(StaticContentCdnProps.class, scope, accessLogBucket, accessLogBucketDomainName,
                logBucketAcls, webAclArn, aliases, certificateArn, albPathPatterns, albOriginDomain, priceClass,
                originSecretValues);
        aliases = List.copyOf(aliases);
        albPathPatterns = List.copyOf(albPathPatterns);
        originSecretValues = List.copyOf(originSecretValues);
        if (!albPathPatterns.isEmpty() && albOriginDomain.isEmpty()) {
            throw new IllegalArgumentException("ALB path patterns " + albPathPatterns + " need an ALB origin domain");
        }
    }
}
