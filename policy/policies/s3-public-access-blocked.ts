import { StackValidationPolicy } from "@pulumi/policy";
import { companionsOf, label } from "../lib/links";
import { safeGet } from "../lib/props";

const BUCKET = "aws:s3/bucketV2:BucketV2";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export const s3PublicAccessBlocked: StackValidationPolicy = {
    name: "s3-public-access-blocked",
    description: "[S3.8] Every S3 bucket has a BucketPublicAccessBlock with all four settings true.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of args.resources.filter(r => r.type === BUCKET)) {
            const blocks = companionsOf(args.resources, BLOCK, "bucket", bucket, ["bucket"]);
            if (blocks.length === 0) {
                reportViolation(`${label(bucket)} has no aws.s3.BucketPublicAccessBlock. Fix: add a BucketPublicAccessBlock ` +
                    `with bucket=<this bucket's id> and ${SETTINGS.join("/")} all set to true.`, bucket.urn);
                continue;
            }
            const off = SETTINGS.filter(s => !blocks.some(b => safeGet(b.props, s) === true));
            if (off.length > 0) {
                reportViolation(`${label(bucket)} public access block leaves ${off.join(", ")} not true. ` +
                    `Fix: set ${off.join(", ")} to true on its BucketPublicAccessBlock.`, bucket.urn);
            }
        }
    },
};
