import { StackValidationPolicy } from "@pulumi/policy";
import { label } from "../lib/links";
import { Undecided } from "../lib/preview";
import { bucketsOf } from "../lib/s3";

const ALGORITHMS = ["AES256", "aws:kms", "aws:kms:dsse"];

export const s3Encryption: StackValidationPolicy = {
    name: "s3-encryption",
    description: "[S3.4] Every S3 bucket declares default server-side encryption (SSE-S3 or SSE-KMS).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const undecided = new Undecided();
        for (const bucket of bucketsOf(args.resources)) {
            if (bucket.encryption.some(e => ALGORITHMS.includes(String(e.value)))) {
                continue;
            }
            if (bucket.encryption.some(e => e.unknown)) {
                undecided.add(`default encryption of ${label(bucket.resource)}`);
                continue;
            }
            reportViolation(`${label(bucket.resource)} has no default encryption rule. Fix: add a ` +
                `BucketServerSideEncryptionConfigurationV2 for it with rules[0].applyServerSideEncryptionByDefault.sseAlgorithm ` +
                `"aws:kms" (with kmsMasterKeyId) or "AES256".`, bucket.resource.urn);
        }
        undecided.finish();
    },
};
