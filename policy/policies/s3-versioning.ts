import { StackValidationPolicy } from "@pulumi/policy";
import { label } from "../lib/links";
import { Undecided } from "../lib/preview";
import { bucketsOf } from "../lib/s3";

export const s3Versioning: StackValidationPolicy = {
    name: "s3-versioning",
    description: "[S3.14] Every S3 bucket has versioning enabled.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const undecided = new Undecided();
        for (const bucket of bucketsOf(args.resources)) {
            if (bucket.versioning.some(v => v.value === "Enabled")) {
                continue;
            }
            if (bucket.versioning.some(v => v.unknown)) {
                undecided.add(`versioning of ${label(bucket.resource)}`);
                continue;
            }
            reportViolation(`${label(bucket.resource)} is not versioned. Fix: add a BucketVersioningV2 for it with ` +
                `versioningConfiguration.status "Enabled" (add a lifecycle rule to expire noncurrent versions).`, bucket.resource.urn);
        }
        undecided.finish();
    },
};
