import { StackValidationPolicy } from "@pulumi/policy";
import { label } from "../lib/links";
import { Undecided } from "../lib/preview";
import { bucketsOf } from "../lib/s3";

// A bucket that receives access logs is exempt: logging it into itself loops, and into another
// bucket only moves the question one level down.
export const s3AccessLogging: StackValidationPolicy = {
    name: "s3-access-logging",
    description: "[S3.9] Every S3 bucket (except access-log target buckets) writes server access logs.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const undecided = new Undecided();
        for (const bucket of bucketsOf(args.resources).filter(b => !b.isLogTarget)) {
            if (bucket.logging.some(l => l.value !== undefined && l.value !== "")) {
                continue;
            }
            if (bucket.logging.some(l => l.unknown)) {
                undecided.add(`logging target of ${label(bucket.resource)}`);
                continue;
            }
            reportViolation(`${label(bucket.resource)} has no server access logging. Fix: add a BucketLoggingV2 with ` +
                `bucket=<this bucket> and targetBucket=<the access-log bucket>, targetPrefix "<bucket name>/".`, bucket.resource.urn);
        }
        undecided.finish();
    },
};
