package jp.twozeroseven.infra.platform.cdn;

import jp.twozeroseven.infra.iam.Condition;
import jp.twozeroseven.infra.iam.Effect;
import jp.twozeroseven.infra.iam.Principal;
import jp.twozeroseven.infra.iam.Statement;

import java.util.List;

/** The bucket policy statement that lets exactly one distribution read the static files through OAC. */
public final class CdnPolicies {

    private CdnPolicies() {
    }

    public static Statement distributionReadsObjects(String bucketArn, String distributionArn) {
        if (distributionArn == null || !distributionArn.matches("arn:aws:cloudfront::\\d{12}:distribution/[A-Z0-9]+")) {
            throw new IllegalArgumentException("CloudFront distribution ARN '" + distributionArn
                    + "' must look like arn:aws:cloudfront::123456789012:distribution/E2ABCDEF");
        }
        return new Statement("AllowThisDistributionOnly", Effect.ALLOW, List.of("s3:GetObject"),
                List.of(bucketArn + "/*"), List.of(Principal.service("cloudfront.amazonaws.com")),
                List.of(Condition.of("StringEquals", "AWS:SourceArn", distributionArn)));
    }
}
