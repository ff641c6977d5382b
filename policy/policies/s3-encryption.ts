import { StackValidationPolicy } from "@pulumi/policy";
import { companionsOf, label } from "../lib/links";
import { asArray, safeGet } from "../lib/props";

const BUCKET = "aws:s3/bucketV2:BucketV2";
const SSE = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const ALGORITHMS = ["AES256", "aws:kms", "aws:kms:dsse"];

export const s3Encryption: StackValidationPolicy = {
    name: "s3-encryption",
    description: "[S3.4] Every S3 bucket declares default server-side encryption (SSE-S3 or SSE-KMS).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of args.resources.filter(r => r.type === BUCKET)) {
            const configs = companionsOf(args.resources, SSE, "bucket", bucket, ["bucket"]);
            const encrypted = configs.some(c => asArray(safeGet(c.props, "rules")).some((rule: any) =>
                ALGORITHMS.includes(safeGet(rule, "applyServerSideEncryptionByDefault", "sseAlgorithm"))));
            if (!encrypted) {
                reportViolation(`${label(bucket)} has no default encryption rule. Fix: add a ` +
                    `BucketServerSideEncryptionConfigurationV2 for it with rules[0].applyServerSideEncryptionByDefault.sseAlgorithm ` +
                    `"aws:kms" (with kmsMasterKeyId) or "AES256".`, bucket.urn);
            }
        }
    },
};
