import { StackValidationPolicy } from "@pulumi/policy";
import { label } from "../lib/links";
import { isUnknown, Undecided } from "../lib/preview";
import { bucketsOf } from "../lib/s3";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export const s3PublicAccessBlocked: StackValidationPolicy = {
    name: "s3-public-access-blocked",
    description: "[S3.8] Every S3 bucket has a BucketPublicAccessBlock with all four settings true.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const undecided = new Undecided();
        for (const bucket of bucketsOf(args.resources)) {
            const blocks = bucket.publicAccessBlocks;
            if (blocks.length === 0) {
                reportViolation(`${label(bucket.resource)} has no aws.s3.BucketPublicAccessBlock. Fix: add a BucketPublicAccessBlock ` +
                    `with bucket=<this bucket's id> and ${SETTINGS.join("/")} all set to true.`, bucket.resource.urn);
                continue;
            }
            const off = SETTINGS.filter(s => !blocks.some(b => b.value[s] === true));
            if (off.some(s => blocks.some(b => isUnknown(b.value[s])))) {
                undecided.add(`public access block of ${label(bucket.resource)}`);
            } else if (off.length > 0) {
                reportViolation(`${label(bucket.resource)} public access block leaves ${off.join(", ")} not true. ` +
                    `Fix: set ${off.join(", ")} to true on its BucketPublicAccessBlock.`, bucket.resource.urn);
            }
        }
        undecided.finish();
    },
};
