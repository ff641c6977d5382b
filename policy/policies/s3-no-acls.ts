import { StackValidationPolicy } from "@pulumi/policy";
import { exemptionFor, ExemptionConfig, exemptionsSchema } from "../lib/exemptions";
import { label } from "../lib/links";
import { Undecided } from "../lib/preview";
import { bucketsOf } from "../lib/s3";

// FSBP S3.12 "ACLs should not be used to manage user access to buckets": the bucket's ownership controls are
// BucketOwnerEnforced (ACLs disabled) and nothing sets a canned ACL or grants.
// https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12
// A bucket that must accept ACLs (CloudFront standard logging writes with the awslogsdelivery ACL,
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html) is exempted
// by URN and reason in the stack's policy config.
export const s3NoAcls: StackValidationPolicy = {
    name: "s3-no-acls",
    description: "[S3.12] Every S3 bucket disables ACLs (ownership controls BucketOwnerEnforced, no canned ACL or grants), unless exempted by URN in the policy config.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { ...exemptionsSchema } },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<ExemptionConfig>();
        const undecided = new Undecided();
        for (const bucket of bucketsOf(args.resources)) {
            if (exemptionFor(bucket.resource.urn, config)) {
                continue;
            }
            for (const acl of bucket.acls) {
                reportViolation(`${label(bucket.resource)} grants access by ACL (${acl.value} on ${label(acl.from)}). Fix: remove the ` +
                    `ACL and grant access in the bucket policy or IAM; disable ACLs with BucketOwnershipControls objectOwnership ` +
                    `"BucketOwnerEnforced".`, bucket.resource.urn);
            }
            if (bucket.ownership.some(o => o.value === "BucketOwnerEnforced")) {
                continue;
            }
            if (bucket.ownership.some(o => o.unknown)) {
                undecided.add(`object ownership of ${label(bucket.resource)}`);
                continue;
            }
            const current = bucket.ownership.map(o => o.value).join(", ") || "no BucketOwnershipControls";
            reportViolation(`${label(bucket.resource)} leaves ACLs enabled (${current}). Fix: add BucketOwnershipControls with ` +
                `rule.objectOwnership "BucketOwnerEnforced", or, if a service must write with an ACL, exempt the bucket in ` +
                `the policy config: {"exemptions": [{"urn": "${bucket.resource.urn}", "reason": "..."}]}.`, bucket.resource.urn);
        }
        undecided.finish();
    },
};
