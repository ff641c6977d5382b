import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

// An origin is an S3 REST origin when it has no customOriginConfig and points at an S3 endpoint;
// S3 website endpoints are custom origins and cannot use OAC.
function isS3Origin(origin: any): boolean {
    return !origin?.customOriginConfig && /\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(String(origin?.domainName ?? ""));
}

export const cloudfrontOriginAccessControl: ResourceValidationPolicy = {
    name: "cloudfront-origin-access-control",
    description: "[CloudFront.13] CloudFront S3 origins use origin access control (OAC), not public buckets or legacy OAI.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudfront/distribution:Distribution") {
            return;
        }
        for (const origin of asArray<any>(args.props.origins).filter(isS3Origin)) {
            if (!origin.originAccessControlId) {
                reportViolation(`Distribution '${args.name}' origin '${origin.originId}' reads S3 without OAC. Fix: create an ` +
                    `aws.cloudfront.OriginAccessControl (originAccessControlOriginType "s3", signingBehavior "always", ` +
                    `signingProtocol "sigv4"), set originAccessControlId on the origin and allow cloudfront.amazonaws.com ` +
                    `with aws:SourceArn = the distribution ARN in the bucket policy.`);
            }
        }
    },
};
