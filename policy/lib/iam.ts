// The one reading of IAM permissions: inline documents (Role.inlinePolicies, RolePolicy, UserPolicy, GroupPolicy),
// customer-managed documents (Policy) and managed policies attached by ARN (Role.managedPolicyArns,
// Role/User/GroupPolicyAttachment, PolicyAttachment), with the known effect of the AWS-managed ones, whose
// documents are not in the stack. A new spelling is taught here, and every IAM policy sees it.
import { asArray, parseJsonInput } from "./props";
import { isUnknown, raw } from "./preview";

export interface PolicyDocumentSource {
    where: string;
    document: any;
    /** The document is unknown in this preview (built from other resources' ARNs). */
    unknown?: boolean;
}

function doc(where: string, value: unknown): PolicyDocumentSource {
    return isUnknown(value) ? { where, document: undefined, unknown: true } : { where, document: parseJsonInput(value) };
}

/** Permission policies of IAM resources; the provider takes each as a JSON string. */
export function permissionDocuments(type: string, props: Record<string, any>): PolicyDocumentSource[] {
    const p: any = raw(props) ?? {};
    switch (type) {
        case "aws:iam/policy:Policy":
        case "aws:iam/rolePolicy:RolePolicy":
        case "aws:iam/userPolicy:UserPolicy":
        case "aws:iam/groupPolicy:GroupPolicy":
            return [doc("policy", p.policy)];
        case "aws:iam/role:Role":
            return asArray<any>(p.inlinePolicies).map((ip, i) => doc(`inlinePolicies[${i}] '${ip?.name ?? ""}'`, ip?.policy));
        default:
            return [];
    }
}

export const ATTACHMENT_TYPES: Record<string, "role" | "user" | "group" | "any"> = {
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "role",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": "user",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "group",
    "aws:iam/policyAttachment:PolicyAttachment": "any",
};

/** Managed policy ARNs a resource attaches (to itself, for a role; to its role/user/group, for an attachment). */
export function attachedPolicyArns(type: string, props: Record<string, any>): { where: string; arn: string }[] {
    const p: any = raw(props) ?? {};
    if (type === "aws:iam/role:Role") {
        return asArray<any>(p.managedPolicyArns).filter(a => typeof a === "string" && !isUnknown(a))
            .map((arn, i) => ({ where: `managedPolicyArns[${i}]`, arn }));
    }
    if (ATTACHMENT_TYPES[type] && typeof p.policyArn === "string" && !isUnknown(p.policyArn)) {
        return [{ where: "policyArn", arn: p.policyArn }];
    }
    return [];
}

/**
 * What the AWS-managed policies that matter here allow, as documented in the AWS Managed Policy Reference
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/): `admin` = every action on every resource
 * (AdministratorAccess: Action "*" Resource "*"), `near-admin` = every action but a few (PowerUserAccess: NotAction
 * iam/organizations/account), `iam-admin` = iam:* (IAMFullAccess, a path to admin).
 */
export const AWS_MANAGED_EFFECTS: Record<string, "admin" | "near-admin" | "iam-admin"> = {
    AdministratorAccess: "admin",
    "job-function/SystemAdministrator": "near-admin",
    PowerUserAccess: "near-admin",
    IAMFullAccess: "iam-admin",
};

/** The known effect of an AWS-managed policy ARN (any partition), or undefined. */
export function awsManagedEffect(arn: string): string | undefined {
    const m = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(arn);
    return m ? AWS_MANAGED_EFFECTS[m[1]] : undefined;
}

export function allowStatements(document: any): any[] {
    return asArray<any>(document?.Statement).filter(s => s?.Effect === "Allow");
}

/** An Allow statement whose actions include every action (`*`, `*:*`) or everything but a list (`NotAction`). */
export function allowsAllActions(statement: any): boolean {
    if (statement?.NotAction !== undefined) {
        return true;
    }
    return asArray<string>(statement?.Action).some(a => a === "*" || a === "*:*");
}

/** A statement that applies to every resource: `Resource "*"` or everything but a list (`NotResource`). */
export function coversAllResources(statement: any): boolean {
    return statement?.NotResource !== undefined || asArray<string>(statement?.Resource).includes("*");
}
