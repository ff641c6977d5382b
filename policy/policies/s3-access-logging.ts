import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { companionsOf, isLinkedTo, label } from "../lib/links";
import { safeGet } from "../lib/props";

const BUCKET = "aws:s3/bucketV2:BucketV2";
const LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";

// A bucket that receives access logs is exempt: logging it into itself loops, and into another
// bucket only moves the question one level down.
function isLogTarget(bucket: PolicyResource, resources: PolicyResource[]): boolean {
    return resources.some(r => r.type === LOGGING && isLinkedTo(r, "targetBucket", bucket, ["bucket"]));
}

export const s3AccessLogging: StackValidationPolicy = {
    name: "s3-access-logging",
    description: "[S3.9] Every S3 bucket (except access-log target buckets) writes server access logs.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of args.resources.filter(r => r.type === BUCKET)) {
            if (isLogTarget(bucket, args.resources)) {
                continue;
            }
            const logging = companionsOf(args.resources, LOGGING, "bucket", bucket, ["bucket"]);
            if (!logging.some(l => safeGet(l.props, "targetBucket") !== undefined || (l.propertyDependencies["targetBucket"] ?? []).length > 0)) {
                reportViolation(`${label(bucket)} has no server access logging. Fix: add a BucketLoggingV2 with ` +
                    `bucket=<this bucket> and targetBucket=<the access-log bucket>, targetPrefix "<bucket name>/".`, bucket.urn);
            }
        }
    },
};
