import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { globMatches, globMatchesAllWithPrefix, globMatchesSomeWithPrefix } from "../lib/iam-glob";
import { permissionDocuments } from "../lib/iam";
import { asArray, safeGet } from "../lib/props";
import { isLinkedTo, label } from "../lib/links";
import { isUnknown, raw, Undecided } from "../lib/preview";

/** Actions that return an object's content; versions count, since the raw bucket keeps them. */
const READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion"];

/**
 * AWS managed policies known to allow s3:GetObject on every bucket. Their documents are not in the stack, so they
 * are listed by name; the list is not exhaustive (see docs/policies.md).
 */
const AWS_MANAGED_READING_ALL_BUCKETS = ["AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess",
    "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess"];

const strings = (v: unknown): string[] => asArray<unknown>(v as any).map(String);

const objectsOf = (bucket: string) => `arn:aws:s3:::${bucket}/`;

/** Whether an Allow statement lets its principal read some object of one of the buckets. */
function grantsRead(s: any, buckets: string[]): boolean {
    if (s?.Effect !== "Allow") {
        return false;
    }
    const actionOk = s.NotAction !== undefined
        ? READ_ACTIONS.some(a => !strings(s.NotAction).some(p => globMatches(p, a)))
        : READ_ACTIONS.some(a => strings(s.Action).some(p => globMatches(p, a)));
    const resourceOk = s.NotResource !== undefined
        ? buckets.some(b => !strings(s.NotResource).some(p => globMatchesAllWithPrefix(p, objectsOf(b))))
        : buckets.some(b => strings(s.Resource).some(p => globMatchesSomeWithPrefix(p, objectsOf(b))));
    return actionOk && resourceOk;
}

function grantsReadIn(document: any, buckets: string[]): boolean {
    return asArray<any>(document?.Statement).some(s => grantsRead(s, buckets));
}

/** A role input may be a name or an ARN (`arn:aws:iam::1:role/path/name`). */
const roleName = (value: unknown): string => {
    const text = String(value ?? "");
    return text.startsWith("arn:") ? text.substring(text.lastIndexOf("/") + 1) : text;
};

/** Whether an attachment's policy ARN input refers to this managed policy: by dependency, or by a literal ARN. */
function refersTo(attachment: PolicyResource, input: string, value: unknown, policy: PolicyResource): boolean {
    const deps = attachment.propertyDependencies?.[input] ?? [];
    if (deps.some(d => d.urn === policy.urn)) {
        return true;
    }
    const name = safeGet(policy.props, "name");
    return typeof value === "string" && typeof name === "string" && new RegExp(`:policy/(.*/)?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).test(value);
}

interface Grant { holder: string; kind: "role" | "user" | "group" | "nobody"; what: string; urn: string }

/** Every principal that some policy in the stack lets read the raw buckets, with what grants it. */
function rawReadGrants(resources: PolicyResource[], buckets: string[], undecided: Undecided): Grant[] {
    const grants: Grant[] = [];
    const attachments = resources.filter(r => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
        || r.type === "aws:iam/policyAttachment:PolicyAttachment");
    const roles = resources.filter(r => r.type === "aws:iam/role:Role");
    for (const r of resources) {
        // In a first preview a document built from ARNs is unknown: whether it reads the raw zone is undecided.
        permissionDocuments(r.type, r.props).filter(d => d.unknown).forEach(d => undecided.add(`${d.where} of ${label(r)}`));
        const documents = permissionDocuments(r.type, r.props).filter(d => grantsReadIn(d.document, buckets));
        if (documents.length === 0) {
            continue;
        }
        const what = `${r.type.split(":").pop()} '${r.name}' (${documents.map(d => d.where).join(", ")})`;
        switch (r.type) {
            case "aws:iam/rolePolicy:RolePolicy":
                grants.push({ holder: roleName(safeGet(r.props, "role")), kind: "role", what, urn: r.urn });
                break;
            case "aws:iam/role:Role":
                grants.push({ holder: String(safeGet(r.props, "name")), kind: "role", what, urn: r.urn });
                break;
            case "aws:iam/userPolicy:UserPolicy":
                grants.push({ holder: String(safeGet(r.props, "user")), kind: "user", what, urn: r.urn });
                break;
            case "aws:iam/groupPolicy:GroupPolicy":
                grants.push({ holder: String(safeGet(r.props, "group")), kind: "group", what, urn: r.urn });
                break;
            case "aws:iam/policy:Policy": {
                let attached = false;
                for (const a of attachments) {
                    if (!refersTo(a, "policyArn", safeGet(a.props, "policyArn"), r)) {
                        continue;
                    }
                    attached = true;
                    if (a.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment") {
                        grants.push({ holder: roleName(safeGet(a.props, "role")), kind: "role", what, urn: a.urn });
                    } else {
                        strings(safeGet(a.props, "roles")).forEach(h => grants.push({ holder: roleName(h), kind: "role", what, urn: a.urn }));
                        strings(safeGet(a.props, "users")).forEach(h => grants.push({ holder: h, kind: "user", what, urn: a.urn }));
                        strings(safeGet(a.props, "groups")).forEach(h => grants.push({ holder: h, kind: "group", what, urn: a.urn }));
                    }
                }
                for (const role of roles) {
                    if (strings(safeGet(role.props, "managedPolicyArns")).some(arn => refersTo(role, "managedPolicyArns", arn, r))) {
                        attached = true;
                        grants.push({ holder: String(safeGet(role.props, "name")), kind: "role", what, urn: role.urn });
                    }
                }
                if (!attached) {
                    // Attachable later to anyone, outside this check's sight.
                    grants.push({ holder: "", kind: "nobody", what, urn: r.urn });
                }
                break;
            }
        }
    }
    const awsManaged = (arn: unknown) => typeof arn === "string"
        && AWS_MANAGED_READING_ALL_BUCKETS.some(n => new RegExp(`^arn:aws:iam::aws:policy/(.*/)?${n}$`).test(arn));
    for (const a of resources) {
        const arns = a.type === "aws:iam/role:Role" ? strings(safeGet(a.props, "managedPolicyArns"))
            : a.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" ? strings(safeGet(a.props, "policyArn")) : [];
        for (const arn of arns.filter(awsManaged)) {
            const holder = a.type === "aws:iam/role:Role" ? String(safeGet(a.props, "name")) : roleName(safeGet(a.props, "role"));
            grants.push({ holder, kind: "role", what: `AWS managed policy '${arn}'`, urn: a.urn });
        }
    }
    return grants;
}

/** Exempted principal ARNs of a Deny guard; undefined when it has a condition other than such an exemption. */
function exemptions(condition: any): string[] | undefined {
    const result: string[] = [];
    for (const [operator, block] of Object.entries<any>(condition ?? {})) {
        if (!/^(ArnNotEquals|ArnNotLike|StringNotEquals|StringNotLike)$/.test(operator)) {
            return undefined;
        }
        for (const [key, value] of Object.entries<any>(block ?? {})) {
            if (key.toLowerCase() !== "aws:principalarn") {
                return undefined;
            }
            result.push(...strings(value));
        }
    }
    return result;
}

function isEveryone(principal: any): boolean {
    return principal === "*" || strings(principal?.AWS).includes("*");
}

/** Why a statement is not a guard for the bucket's objects, or undefined when it is one. */
function guardDefect(s: any, bucket: string): string | undefined {
    if (s?.Effect !== "Deny" || !isEveryone(s.Principal)) {
        return "no Deny statement for Principal '*'";
    }
    const missing = READ_ACTIONS.filter(a => !strings(s.Action).some(p => globMatches(p, a)));
    if (s.NotAction !== undefined || missing.length > 0) {
        return `its Action does not cover ${missing.join(", ") || "the reads (NotAction)"}`;
    }
    if (s.NotResource !== undefined || !strings(s.Resource).some(p => globMatchesAllWithPrefix(p, objectsOf(bucket)))) {
        return `its Resource does not cover arn:aws:s3:::${bucket}/*`;
    }
    if (exemptions(s.Condition) === undefined) {
        return "its Condition holds more than the aws:PrincipalArn exemption of the readers, so the Deny does not always apply";
    }
    return undefined;
}

export const dataRawZoneReaders: StackValidationPolicy = {
    name: "data-raw-zone-readers",
    description: "Only roles the access matrix lists (tagged RawZoneReader=true) may read the raw zone, and its bucket denies everyone else.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const rawBucketResources = args.resources.filter(r => r.type === "aws:s3/bucketV2:BucketV2"
            && safeGet(r.props, "tags", "DataClassification") === "restricted");
        const rawBuckets = rawBucketResources.map(r => String(safeGet(r.props, "bucket")));
        if (rawBuckets.length === 0) {
            return;
        }
        const undecided = new Undecided();
        const readerRoles = new Set(args.resources.filter(r => r.type === "aws:iam/role:Role"
            && safeGet(r.props, "tags", "RawZoneReader") === "true").map(r => String(safeGet(r.props, "name"))));
        for (const grant of rawReadGrants(args.resources, rawBuckets, undecided)) {
            if (grant.kind === "nobody") {
                reportViolation(`${grant.what} allows reading the raw zone and is attached to no role of this stack, so ` +
                    `anyone may attach it later. Fix: remove the raw-zone read, or attach the policy only to roles listed ` +
                    `in dataPipeline.access.rawZoneReaders.`, grant.urn);
            } else if (grant.kind !== "role") {
                reportViolation(`IAM ${grant.kind} '${grant.holder}' may read the raw zone through ${grant.what}; only ` +
                    `listed reader roles may. Fix: remove the grant; grant raw reads only to roles in dataPipeline.access.rawZoneReaders.`, grant.urn);
            } else if (!readerRoles.has(grant.holder)) {
                reportViolation(`Role '${grant.holder}' may read the raw zone through ${grant.what} but is not a listed ` +
                    `raw-zone reader. Fix: remove the grant, or list the audience in dataPipeline.access.rawZoneReaders.`, grant.urn);
            }
        }
        rawBuckets.forEach((bucket, i) => {
            // Linked by dependency too: in a preview the policy's `bucket` input (the bucket's id) is unknown.
            const policy = args.resources.find(r => r.type === "aws:s3/bucketPolicy:BucketPolicy" && isLinkedTo(r, "bucket", rawBucketResources[i], ["bucket"]));
            if (policy && isUnknown(raw(policy.props)?.policy)) {
                undecided.add(`bucket policy of raw-zone bucket '${bucket}'`);
                return;
            }
            const statements = permissionStatements(safeGet(policy?.props, "policy"));
            const defects = statements.map(s => guardDefect(s, bucket));
            const guard = statements.find((_, i) => defects[i] === undefined);
            if (!guard) {
                const why = defects.filter(d => d !== "no Deny statement for Principal '*'");
                reportViolation(`Raw-zone bucket '${bucket}' does not deny reads (${READ_ACTIONS.join(", ")} on ` +
                    `arn:aws:s3:::${bucket}/*) to principals outside the access matrix` +
                    `${why.length > 0 ? `: ${why.join("; ")}` : ""}. Fix: add the DenyRawReadsOutsideTheMatrix statement ` +
                    `(Deny, Principal '*', both actions, the bucket's objects, only an aws:PrincipalArn exemption).`, policy?.urn);
                return;
            }
            for (const arn of exemptions(guard.Condition) ?? []) {
                const role = arn.substring(arn.lastIndexOf("/") + 1);
                if (!arn.includes(":role/") || /[*?]/.test(arn) || !readerRoles.has(role)) {
                    reportViolation(`Raw-zone bucket '${bucket}' exempts '${arn}', which is not a role tagged RawZoneReader=true. ` +
                        `Fix: list the audience in dataPipeline.access.rawZoneReaders or remove the exemption.`, policy?.urn);
                }
            }
        });
        undecided.finish();
    },
};

function permissionStatements(policy: unknown): any[] {
    try {
        const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
        return asArray<any>(doc?.Statement);
    } catch {
        return [];
    }
}
