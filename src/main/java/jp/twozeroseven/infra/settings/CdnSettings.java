package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Optional;

/**
 * CloudFront in front of the static files bucket, with the ALB as a second origin for dynamic paths.
 *
 * @param aliases           custom domain names; need {@code certificateArn} (ACM in us-east-1)
 * @param albPathPatterns   paths CloudFront forwards to the ALB instead of the bucket
 * @param priceClass        default PriceClass_200 (includes Japan)
 */
public record CdnSettings(List<String> aliases, Optional<String> certificateArn, Optional<String> wafWebAclArn,
                          List<String> albPathPatterns, String priceClass) {
}
