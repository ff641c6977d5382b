import { StackValidationPolicy } from "@pulumi/policy";
import { companionsOf, label } from "../lib/links";
import { asArray, parseJsonInput, safeGet } from "../lib/props";

const BUCKET = "aws:s3/bucketV2:BucketV2";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

/** A statement that denies every non-TLS request: Effect Deny, all principals, s3 actions, aws:SecureTransport false. */
export function deniesInsecureTransport(statement: any): boolean {
    if (statement?.Effect !== "Deny") {
        return false;
    }
    const principal = statement.Principal;
    const everyone = principal === "*" || asArray(principal?.AWS).includes("*");
    const actions = asArray(statement.Action);
    const coversS3 = actions.includes("s3:*") || actions.includes("*");
    const secure = statement.Condition?.Bool?.["aws:SecureTransport"];
    return everyone && coversS3 && (secure === false || secure === "false");
}

export const s3TlsOnly: StackValidationPolicy = {
    name: "s3-tls-only",
    description: "[S3.5] Every S3 bucket policy denies requests that do not use TLS (aws:SecureTransport = false).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of args.resources.filter(r => r.type === BUCKET)) {
            const policies = companionsOf(args.resources, BUCKET_POLICY, "bucket", bucket, ["bucket"]);
            const tlsOnly = policies.some(p => asArray(parseJsonInput(safeGet(p.props, "policy"))?.Statement)
                .some(deniesInsecureTransport));
            if (!tlsOnly) {
                reportViolation(`${label(bucket)} has no bucket policy that denies plain HTTP. Fix: attach a BucketPolicy with ` +
                    `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":[<bucket arn>,<bucket arn>/*],` +
                    `"Condition":{"Bool":{"aws:SecureTransport":"false"}}}.`, bucket.urn);
            }
        }
    },
};
