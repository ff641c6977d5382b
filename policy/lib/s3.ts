// The one reading of S3 buckets that every S3 policy uses. A bucket's settings come in three spellings:
//  - aws:s3/bucket:Bucket (provider v1 shape) with inline settings (versioning, serverSideEncryptionConfiguration,
//    loggings, acl/grants, policy, lifecycleRules);
//  - aws:s3/bucketV2:BucketV2 with the same settings inline (deprecated plural fields: versionings, loggings, ...);
//  - BucketV2 plus companion resources that name the bucket in their `bucket` input (the V2 companions of
//    @pulumi/aws 6 and their unsuffixed names in @pulumi/aws 7).
// A new spelling is taught here, and every S3 policy sees it.
import { PolicyResource } from "@pulumi/policy";
import { isLinkedTo } from "./links";
import { asArray, parseJsonInput } from "./props";
import { isUnknown, raw } from "./preview";

export const BUCKET_TYPES = ["aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"];

const T = {
    versioning: ["aws:s3/bucketVersioningV2:BucketVersioningV2", "aws:s3/bucketVersioning:BucketVersioning"],
    encryption: ["aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"],
    logging: ["aws:s3/bucketLoggingV2:BucketLoggingV2", "aws:s3/bucketLogging:BucketLogging"],
    acl: ["aws:s3/bucketAclV2:BucketAclV2", "aws:s3/bucketAcl:BucketAcl"],
    policy: ["aws:s3/bucketPolicy:BucketPolicy"],
    block: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    ownership: ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
    lifecycle: ["aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"],
};
export const S3_COMPANION_TYPES = Object.values(T).flat();

/** A setting as the policies need it: where it was read, and whether its value is unknown in this preview. */
export interface Setting<V> { value: V; from: PolicyResource; unknown: boolean }

export interface BucketModel {
    resource: PolicyResource;
    /** The bucket's name input, or the resource name when the name is generated. */
    name: string;
    versioning: Setting<string | undefined>[];
    /** sseAlgorithm of each default-encryption rule. */
    encryption: Setting<string | undefined>[];
    /** Target bucket of each logging setting (the target's name or "<linked>" when only a dependency says it). */
    logging: Setting<string | undefined>[];
    /** Policy documents (parsed). */
    policies: Setting<any>[];
    /** Public access block settings. */
    publicAccessBlocks: Setting<Record<string, unknown>>[];
    /** objectOwnership of each ownership-controls rule. */
    ownership: Setting<string | undefined>[];
    /** Canned ACLs and grant lists that give access by ACL. */
    acls: Setting<string>[];
    /** Whether some bucket in the stack logs into this one. */
    isLogTarget: boolean;
}

const props = (r: PolicyResource): Record<string, any> => raw(r.props) ?? {};

function setting<V>(from: PolicyResource, value: any, map: (v: any) => V): Setting<V> {
    return { from, unknown: isUnknown(value), value: isUnknown(value) ? (undefined as any) : map(value) };
}

function inlineSettings(bucket: PolicyResource, m: BucketModel): void {
    const p = props(bucket);
    // v1: versioning {enabled}; BucketV2: versionings [{enabled}]
    for (const v of [...asArray<any>(p.versioning), ...asArray<any>(p.versionings)]) {
        m.versioning.push(setting(bucket, v?.enabled, e => (e === true ? "Enabled" : "Suspended")));
    }
    for (const c of [...asArray<any>(p.serverSideEncryptionConfiguration), ...asArray<any>(p.serverSideEncryptionConfigurations)]) {
        for (const rule of asArray<any>(c?.rule ?? c?.rules)) {
            m.encryption.push(setting(bucket, rule?.applyServerSideEncryptionByDefault?.sseAlgorithm, a => a));
        }
    }
    for (const l of [...asArray<any>(p.logging), ...asArray<any>(p.loggings)]) {
        m.logging.push(setting(bucket, l?.targetBucket, t => t));
    }
    if (p.policy !== undefined && p.policy !== null && p.policy !== "") {
        m.policies.push(setting(bucket, p.policy, parseJsonInput));
    }
    if (typeof p.acl === "string" && p.acl !== "private") {
        m.acls.push({ from: bucket, unknown: isUnknown(p.acl), value: `acl "${p.acl}"` });
    }
    if (asArray(p.grants).length > 0) {
        m.acls.push({ from: bucket, unknown: false, value: "grants" });
    }
}

function companionSettings(c: PolicyResource, m: BucketModel): void {
    const p = props(c);
    if (T.versioning.includes(c.type)) {
        m.versioning.push(setting(c, p.versioningConfiguration?.status, s => s));
    } else if (T.encryption.includes(c.type)) {
        if (isUnknown(p.rules)) {
            m.encryption.push(setting(c, p.rules, () => undefined));
        }
        for (const rule of asArray<any>(isUnknown(p.rules) ? [] : p.rules)) {
            m.encryption.push(setting(c, rule?.applyServerSideEncryptionByDefault?.sseAlgorithm, a => a));
        }
    } else if (T.logging.includes(c.type)) {
        const linked = (c.propertyDependencies?.targetBucket ?? []).length > 0;
        m.logging.push({ from: c, unknown: false,
            value: typeof p.targetBucket === "string" && !isUnknown(p.targetBucket) ? p.targetBucket : linked ? "<linked>" : undefined });
    } else if (T.policy.includes(c.type)) {
        m.policies.push(setting(c, p.policy, parseJsonInput));
    } else if (T.block.includes(c.type)) {
        m.publicAccessBlocks.push({ from: c, unknown: false, value: p });
    } else if (T.ownership.includes(c.type)) {
        for (const rule of asArray<any>(p.rule ?? p.rules)) {
            m.ownership.push(setting(c, rule?.objectOwnership, o => o));
        }
    } else if (T.acl.includes(c.type)) {
        const canned = p.acl;
        const grants = asArray<any>(p.accessControlPolicy?.grants ?? p.accessControlPolicy?.grant);
        if (canned !== undefined || grants.length > 0) {
            m.acls.push({ from: c, unknown: isUnknown(canned), value: canned !== undefined ? `acl "${canned}"` : "accessControlPolicy grants" });
        }
    }
}

/** Every bucket of the stack, whatever its spelling, with its settings from inline inputs and companions. */
export function bucketsOf(resources: PolicyResource[]): BucketModel[] {
    const buckets = resources.filter(r => BUCKET_TYPES.includes(r.type));
    const companions = resources.filter(r => S3_COMPANION_TYPES.includes(r.type));
    const models = buckets.map(bucket => {
        const name = props(bucket).bucket;
        const m: BucketModel = { resource: bucket, name: typeof name === "string" && !isUnknown(name) ? name : bucket.name,
            versioning: [], encryption: [], logging: [], policies: [], publicAccessBlocks: [], ownership: [], acls: [], isLogTarget: false };
        inlineSettings(bucket, m);
        for (const c of companions.filter(c => isLinkedTo(c, "bucket", bucket, ["bucket"]))) {
            companionSettings(c, m);
        }
        return m;
    });
    for (const m of models) {
        m.isLogTarget = [...companions.filter(c => T.logging.includes(c.type)), ...buckets]
            .some(r => r.urn !== m.resource.urn && (T.logging.includes(r.type)
                ? isLinkedTo(r, "targetBucket", m.resource, ["bucket"])
                : [...asArray<any>(props(r).logging), ...asArray<any>(props(r).loggings)]
                    .some(l => l?.targetBucket === m.name || (r.propertyDependencies?.loggings ?? r.propertyDependencies?.logging ?? [])
                        .some(d => d.urn === m.resource.urn))));
    }
    return models;
}
