import { PolicyResource } from "@pulumi/policy";
import { isUnknown, raw } from "./preview";

export const KMS_KEY = "aws:kms/key:Key";
export const KMS_ALIAS = "aws:kms/alias:Alias";

export type KeyVerdict = "customer" | "aws-managed" | "foreign" | "none" | "unknown";

/**
 * Whether a key input names a customer managed key: a key of this stack (by dependency on an aws:kms/key, directly
 * or through an alias of this stack) or one listed in the config's customerKeys. `alias/aws/*` are AWS managed keys
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key).
 */
export function keyVerdict(resource: PolicyResource, input: string, customerKeys: string[]): KeyVerdict {
    const value = (raw(resource.props) ?? {})[input];
    const deps = resource.propertyDependencies?.[input] ?? [];
    if (typeof value === "string" && /(^|:)alias\/aws\//.test(value)) {
        return "aws-managed";
    }
    if (deps.some(d => d.type === KMS_KEY || (d.type === KMS_ALIAS && (d.propertyDependencies?.targetKeyId ?? []).some(k => k.type === KMS_KEY)))) {
        return "customer";
    }
    if (value === undefined || value === null || value === "") {
        return "none";
    }
    if (isUnknown(value)) {
        return "unknown";
    }
    return customerKeys.includes(String(value)) ? "customer" : "foreign";
}
