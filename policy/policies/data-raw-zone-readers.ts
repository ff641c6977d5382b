import { StackValidationPolicy } from "@pulumi/policy";

function statements(policy: unknown): any[] {
    try {
        const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
        return Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
    } catch {
        return [];
    }
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);

export const dataRawZoneReaders: StackValidationPolicy = {
    name: "data-raw-zone-readers",
    description: "Only roles the access matrix lists (tagged RawZoneReader=true) may read the raw zone, and its bucket denies everyone else.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const rawBuckets = args.resources.filter(r => r.type === "aws:s3/bucketV2:BucketV2"
            && r.props.tags?.DataClassification === "restricted").map(r => String(r.props.bucket));
        if (rawBuckets.length === 0) {
            return;
        }
        const readerRoles = new Set(args.resources.filter(r => r.type === "aws:iam/role:Role"
            && r.props.tags?.RawZoneReader === "true").map(r => String(r.props.name)));
        const readsRaw = (s: any) => s.Effect === "Allow" && list(s.Action).some(a => a === "s3:GetObject" || a === "s3:*" || a === "s3:Get*")
            && list(s.Resource).some(res => rawBuckets.some(b => res.startsWith(`arn:aws:s3:::${b}/`) || res === "*"));
        for (const r of args.resources) {
            if (r.type === "aws:iam/rolePolicy:RolePolicy" && statements(r.props.policy).some(readsRaw)
                && !readerRoles.has(String(r.props.role))) {
                reportViolation(`Role '${r.props.role}' may read the raw zone but is not a listed raw-zone reader. Fix: remove the ` +
                    `grant, or list the audience in dataPipeline.access.rawZoneReaders.`, r.urn);
            }
        }
        for (const bucket of rawBuckets) {
            const policy = args.resources.find(r => r.type === "aws:s3/bucketPolicy:BucketPolicy" && r.props.bucket === bucket);
            const guard = statements(policy?.props.policy).find(s => s.Effect === "Deny"
                && list(s.Action).includes("s3:GetObject") && (s.Principal === "*" || s.Principal?.AWS === "*"));
            if (!guard) {
                reportViolation(`Raw-zone bucket '${bucket}' does not deny reads to principals outside the access matrix. ` +
                    `Fix: add the DenyRawReadsOutsideTheMatrix statement.`);
                continue;
            }
            const allowedArns = list(guard.Condition?.ArnNotEquals?.["aws:PrincipalArn"]);
            for (const arn of allowedArns) {
                const role = arn.substring(arn.lastIndexOf("/") + 1);
                if (!readerRoles.has(role)) {
                    reportViolation(`Raw-zone bucket '${bucket}' exempts '${arn}', which is not a role tagged RawZoneReader=true. Fix: list the audience in dataPipeline.access.rawZoneReaders or remove the exemption.`);
                }
            }
        }
    },
};
