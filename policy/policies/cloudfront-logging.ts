import { ResourceValidationPolicy } from "@pulumi/policy";

export const cloudfrontLogging: ResourceValidationPolicy = {
    name: "cloudfront-logging",
    description: "[CloudFront.5] CloudFront distributions write standard access logs.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudfront/distribution:Distribution") {
            return;
        }
        if (!args.props.loggingConfig?.bucket) {
            reportViolation(`Distribution '${args.name}' writes no access logs. Fix: set loggingConfig ` +
                `{bucket: "<log bucket>.s3.amazonaws.com", prefix: "cloudfront/<name>/"}; the bucket needs ACLs enabled for log delivery.`);
        }
    },
};
