import { ResourceValidationPolicy } from "@pulumi/policy";

// FSBP CloudFront.6 "CloudFront distributions should have WAF enabled".
// https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-6
export const cloudfrontWaf: ResourceValidationPolicy = {
    name: "cloudfront-waf",
    description: "[CloudFront.6] Every CloudFront distribution is associated with an AWS WAF web ACL (webAclId).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudfront/distribution:Distribution") {
            return;
        }
        if (!args.props.webAclId) {
            reportViolation(`Distribution '${args.name}' has no WAF web ACL. Fix: create an aws.wafv2.WebAcl with scope CLOUDFRONT ` +
                `(provider in us-east-1) and set the distribution's webAclId to its ARN.`);
        }
    },
};
