package jp.twozeroseven.infra.platform.waf;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.Optional;

/**
 * What {@link WebAcls} builds. Rate limits count requests per client IP in a 5-minute window; WAF accepts 10 to
 * 2,000,000,000 (AWS WAF Developer Guide, "Rate-based rule statement").
 *
 * @param scope               provider, account, naming and tags of the children; the CLOUDFRONT ACL gets a
 *                            us-east-1 provider of its own pinned to the same account with the same default tags
 * @param albArn              the internet-facing ALB the REGIONAL ACL is associated with
 * @param existingCdnAclArn   a CLOUDFRONT-scope web ACL managed elsewhere; when present no ACL is built for the
 *                            distribution. Stack config {@code cdn.wafWebAclArn}; @default empty (build one)
 * @param albRateLimit        requests per IP and 5 minutes above which the ALB's ACL blocks the IP;
 *                            @default {@link #DEFAULT_ALB_RATE_LIMIT}
 * @param cdnRateLimit        the same for the distribution's ACL; @default {@link #DEFAULT_CDN_RATE_LIMIT}
 * @param logRetentionDays    days the {@code aws-waf-logs-*} groups keep the WAF logs ({@code logRetentionDays})
 */
public record WebAclsProps(Scope scope, Output<String> albArn, Optional<String> existingCdnAclArn, int albRateLimit,
                           int cdnRateLimit, int logRetentionDays) {

    /** Drivers share carrier NAT addresses, so the ALB's limit is well above one user's. */
    public static final int DEFAULT_ALB_RATE_LIMIT = 20_000;
    /** The admin console's static files: a browser fetches a few dozen per page. */
    public static final int DEFAULT_CDN_RATE_LIMIT = 5_000;

    public WebAclsProps {
        Required.components(WebAclsProps.class, scope, albArn, existingCdnAclArn, albRateLimit, cdnRateLimit,
                logRetentionDays);
        for (int limit : new int[]{albRateLimit, cdnRateLimit}) {
            if (limit < 10) {
                throw new IllegalArgumentException("a WAF rate limit is at least 10 requests per 5 minutes: " + limit);
            }
        }
    }

    /** The default rate limits. */
    public WebAclsProps(Scope scope, Output<String> albArn, Optional<String> existingCdnAclArn, int logRetentionDays) {
        this(scope, albArn, existingCdnAclArn, DEFAULT_ALB_RATE_LIMIT, DEFAULT_CDN_RATE_LIMIT, logRetentionDays);
    }
}
