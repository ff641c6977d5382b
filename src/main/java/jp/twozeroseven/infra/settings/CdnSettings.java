package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Optional;

/**
 * CloudFront in front of the static files bucket, with the ALB as a second origin for dynamic paths.
 *
 * @param aliases           custom domain names, covered by {@code certificateArn}
 * @param certificateArn    ACM certificate in us-east-1; required, because CloudFront's default certificate
 *                          cannot enforce TLSv1.2_2021
 * @param albPathPatterns   paths CloudFront forwards to the ALB instead of the bucket
 * @param albOriginDomain   the host name CloudFront connects to for those paths: one of the services' ALB host
 *                          headers, so the ALB certificate matches and the listener rule routes the request
 * @param priceClass        default PriceClass_200 (includes Japan)
 */
public record CdnSettings(List<String> aliases, String certificateArn, Optional<String> wafWebAclArn,
                          List<String> albPathPatterns, Optional<String> albOriginDomain, String priceClass) {
}
