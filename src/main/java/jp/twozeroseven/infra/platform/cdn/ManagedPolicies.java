package jp.twozeroseven.infra.platform.cdn;

/**
 * IDs of CloudFront's AWS-managed cache and origin request policies; they are the same in every account
 * (CloudFront Developer Guide, "Use managed cache policies" and "Use managed origin request policies").
 */
public final class ManagedPolicies {

    /** Long TTLs, gzip and brotli keys, no cookies or query strings: static files. */
    public static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    /** Nothing cached: dynamic responses from the ALB. */
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** Every viewer header, cookie and query string except Host, so the ALB sees its own host name. */
    public static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private ManagedPolicies() {
    }
}
