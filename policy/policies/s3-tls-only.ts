import { StackValidationPolicy } from "@pulumi/policy";
import { label } from "../lib/links";
import { asArray } from "../lib/props";
import { Undecided } from "../lib/preview";
import { bucketsOf } from "../lib/s3";

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
        const undecided = new Undecided();
        for (const bucket of bucketsOf(args.resources)) {
            if (bucket.policies.some(p => asArray(p.value?.Statement).some(deniesInsecureTransport))) {
                continue;
            }
            // In a first preview the document is unknown: it is built from the bucket's and its readers' ARNs.
            if (bucket.policies.some(p => p.unknown)) {
                undecided.add(`bucket policy of ${label(bucket.resource)}`);
                continue;
            }
            reportViolation(`${label(bucket.resource)} has no bucket policy that denies plain HTTP. Fix: attach a BucketPolicy with ` +
                `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":[<bucket arn>,<bucket arn>/*],` +
                `"Condition":{"Bool":{"aws:SecureTransport":"false"}}}.`, bucket.resource.urn);
        }
        undecided.finish();
    },
};
