import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

// FSBP CloudFront.10 "CloudFront distributions should not use deprecated SSL protocols between edge locations and
// custom origins" (SSLv3); TLSv1 and TLSv1.1 are refused too, as by the ALB's TLS 1.2+ security policy.
// https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-10
const ALLOWED = ["TLSv1.2"];

export const cloudfrontOriginTls12: ResourceValidationPolicy = {
    name: "cloudfront-origin-tls12",
    description: "[CloudFront.10] CloudFront offers custom origins TLSv1.2 only (customOriginConfig.originSslProtocols has no SSLv3, TLSv1 or TLSv1.1).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudfront/distribution:Distribution") {
            return;
        }
        for (const origin of asArray<any>(args.props.origins)) {
            const config = origin?.customOriginConfig;
            if (!config) {
                continue;
            }
            const protocols = asArray<string>(config.originSslProtocols);
            const old = protocols.filter(p => !ALLOWED.includes(p));
            if (protocols.length === 0 || old.length > 0) {
                reportViolation(`Distribution '${args.name}' origin '${origin.originId}' offers ${old.length > 0 ? old.join(", ") : "no TLS protocol"} ` +
                    `to its origin. Fix: set customOriginConfig.originSslProtocols ["TLSv1.2"].`);
            }
        }
    },
};
