import { StackValidationPolicy } from "@pulumi/policy";
import { companionsOf, label } from "../lib/links";
import { safeGet } from "../lib/props";

const BUCKET = "aws:s3/bucketV2:BucketV2";
const VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";

export const s3Versioning: StackValidationPolicy = {
    name: "s3-versioning",
    description: "[S3.14] Every S3 bucket has versioning enabled.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of args.resources.filter(r => r.type === BUCKET)) {
            const versioning = companionsOf(args.resources, VERSIONING, "bucket", bucket, ["bucket"]);
            if (!versioning.some(v => safeGet(v.props, "versioningConfiguration", "status") === "Enabled")) {
                reportViolation(`${label(bucket)} is not versioned. Fix: add a BucketVersioningV2 for it with ` +
                    `versioningConfiguration.status "Enabled" (add a lifecycle rule to expire noncurrent versions).`, bucket.urn);
            }
        }
    },
};
