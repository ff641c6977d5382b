import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

const SECURE = ["https-only", "redirect-to-https"];

export const cloudfrontHttpsOnly: ResourceValidationPolicy = {
    name: "cloudfront-https-only",
    description: "[CloudFront.3] CloudFront cache behaviors require HTTPS between viewers and CloudFront.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudfront/distribution:Distribution") {
            return;
        }
        const behaviors = [
            { where: "defaultCacheBehavior", behavior: args.props.defaultCacheBehavior },
            ...asArray<any>(args.props.orderedCacheBehaviors).map(b => ({ where: `orderedCacheBehaviors '${b?.pathPattern}'`, behavior: b })),
        ];
        for (const { where, behavior } of behaviors) {
            if (!SECURE.includes(behavior?.viewerProtocolPolicy)) {
                reportViolation(`Distribution '${args.name}' ${where} allows viewerProtocolPolicy '${behavior?.viewerProtocolPolicy}'. ` +
                    `Fix: set viewerProtocolPolicy "redirect-to-https" (or "https-only").`);
            }
        }
    },
};
