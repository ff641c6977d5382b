import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

// FSBP CloudFront.9 "CloudFront distributions should encrypt traffic to custom origins": a custom origin whose
// originProtocolPolicy is http-only, or match-viewer (plain HTTP whenever a viewer uses it), fails.
// https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-9
export const cloudfrontOriginHttps: ResourceValidationPolicy = {
    name: "cloudfront-origin-https",
    description: "[CloudFront.9] CloudFront reaches every custom origin over HTTPS only (customOriginConfig.originProtocolPolicy \"https-only\").",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudfront/distribution:Distribution") {
            return;
        }
        for (const origin of asArray<any>(args.props.origins)) {
            const policy = origin?.customOriginConfig?.originProtocolPolicy;
            if (origin?.customOriginConfig && policy !== "https-only") {
                reportViolation(`Distribution '${args.name}' origin '${origin.originId}' uses originProtocolPolicy "${policy}". ` +
                    `Fix: set customOriginConfig.originProtocolPolicy "https-only" (the origin serves TLS on httpsPort).`);
            }
        }
    },
};
