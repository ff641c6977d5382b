// Realistic mistakes applied to a synthesized stack: each names the policy that must catch it. Where a mistake has
// another spelling (a v1 bucket with inline settings, a legacy security-group rule, an attachment instead of an
// inline document, a base64 value), the variant is a mutant of its own.
import { SynthDocument, SynthResource } from "./analyzer";

export interface Mutant {
    policy: string;
    name: string;
    /** Mutates the document in place; returns the URNs it changed or added, or undefined when it does not apply. */
    apply(doc: SynthDocument): string[] | undefined;
}

type Inputs = Record<string, any>;
const ofType = (doc: SynthDocument, type: string, pick?: (r: SynthResource) => boolean) =>
    doc.resources.find(r => r.type === type && (!pick || pick(r)));
const byName = (part: string) => (r: SynthResource) => r.name.includes(part);

/** Edits the inputs of the first resource of a type. */
function edit(type: string, fn: (inputs: Inputs, r: SynthResource, doc: SynthDocument) => void, pick?: (r: SynthResource) => boolean) {
    return (doc: SynthDocument) => {
        const r = ofType(doc, type, pick);
        if (!r) {
            return undefined;
        }
        fn(r.inputs, r, doc);
        return [r.urn];
    };
}

/** Edits a JSON-string input (containerDefinitions, policy, definition). */
function editJson(type: string, input: string, fn: (parsed: any) => void, pick?: (r: SynthResource) => boolean) {
    return edit(type, inputs => {
        const parsed = JSON.parse(inputs[input]);
        fn(parsed);
        inputs[input] = JSON.stringify(parsed);
    }, pick);
}

/** Removes the resources of a type linked to the first `of` resource (a companion dropped from the program). */
function dropCompanion(ofTypeName: string, companion: string, input: string, pick?: (r: SynthResource) => boolean) {
    return (doc: SynthDocument) => {
        const target = ofType(doc, ofTypeName, pick);
        if (!target) {
            return undefined;
        }
        const before = doc.resources.length;
        doc.resources = doc.resources.filter(r => !(r.type === companion && (r.propertyDependencies?.[input] ?? []).includes(target.urn)));
        return doc.resources.length < before ? [target.urn] : undefined;
    };
}

/** Adds a resource under the stack's first component, as a new program line would. */
function add(type: string, name: string, inputs: Inputs, extra: Partial<SynthResource> = {}) {
    return (doc: SynthDocument) => {
        const template = doc.resources.find(r => r.custom && r.type.startsWith("aws:"))!;
        const urn = `urn:pulumi:${doc.stack}::${doc.project}::${type}::${name}`;
        doc.resources.push({ urn, type, name, custom: true, parent: template.parent, provider: template.provider, inputs,
            dependencies: [], propertyDependencies: {}, options: { protect: false, ignoreChanges: [], aliases: [] }, ...extra });
        return [urn];
    };
}

const containers = (fn: (c: any[]) => void, pick?: (r: SynthResource) => boolean) =>
    editJson("aws:ecs/taskDefinition:TaskDefinition", "containerDefinitions", fn, pick);
const firstEnv = (c: any[]) => { c[0].environment = c[0].environment ?? []; return c[0].environment; };
const statement = (s: any) => JSON.stringify({ Version: "2012-10-17", Statement: [s] });
const KEY_HEX = "9f2c4e8a1b7d3f6052e9c1a4b8d7f3e2c6a9b1d4e7f20835c1e9a7b4d2f6e8a3";
const KEY_B64 = "nyxOihttP2BS6cGkuNfz4sapsdTn8gg1wemntNL26KM=";

/** The bucket re-spelled as aws:s3/bucket:Bucket with inline settings, its companions dropped, one setting wrong. */
function asV1Bucket(namePart: string, inline: Inputs) {
    return (doc: SynthDocument) => {
        const b = ofType(doc, "aws:s3/bucketV2:BucketV2", byName(namePart));
        if (!b) {
            return undefined;
        }
        const companions = doc.resources.filter(r => r.type.startsWith("aws:s3/bucket") && r.type !== "aws:s3/bucketV2:BucketV2"
            && (r.propertyDependencies?.bucket ?? []).includes(b.urn) && !r.type.includes("PublicAccessBlock") && !r.type.includes("Ownership"));
        doc.resources = doc.resources.filter(r => !companions.includes(r));
        b.type = "aws:s3/bucket:Bucket";
        b.urn = b.urn.replace("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket");
        for (const r of doc.resources) {
            for (const deps of Object.values(r.propertyDependencies ?? {})) {
                deps.forEach((d, i) => { if (d.endsWith(`BucketV2::${b.name}`)) { deps[i] = b.urn; } });
            }
        }
        Object.assign(b.inputs, { versioning: { enabled: true },
            serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } },
            loggings: [{ targetBucket: "platform-access-logs", targetPrefix: `${b.name}/` }],
            policy: statement({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
            ...inline });
        return [b.urn];
    };
}

const DIST = "aws:cloudfront/distribution:Distribution";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const CLUSTER = "aws:rds/cluster:Cluster";
const REPO = "aws:ecr/repository:Repository";
const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const GLUE = "aws:glue/catalogTable:CatalogTable";
const OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";
const masked = (r: SynthResource) => String(r.inputs.key ?? "").startsWith("config/embulk/masked/customers");
const maskedSql = (fn: (sql: string) => string) => edit(OBJECT, i => { i.content = String(i.content).replace(/query: \|\n([\s\S]*?)\n  incremental:/, (_m, q) => `query: |\n${fn(q)}\n  incremental:`); }, masked);
const classesOf = (fn: (c: Record<string, any>) => void) => edit(GLUE, i => {
    const c = JSON.parse(i.parameters["platform207.column_classes"]); fn(c); i.parameters["platform207.column_classes"] = JSON.stringify(c);
}, r => r.inputs.parameters?.data_zone === "masked" && r.inputs.name === "customers");

/**
 * Drops a tag from the defaultTags of the explicit AWS provider that the resources of `typePrefix` use, and returns
 * those resources. The stack has more than one AWS provider (the region's, and us-east-1 for CloudFront's WAF), so the
 * provider is chosen by the resources it serves, not by document order.
 */
const dropDefaultTag = (tag: string, typePrefix: string) => (doc: SynthDocument): string[] | undefined => {
    const providerUrn = (r: SynthResource) => r.provider?.substring(0, r.provider.lastIndexOf("::"));
    const served = ofType(doc, "pulumi:providers:aws", p => doc.resources.some(r => r.type.startsWith(typePrefix) && providerUrn(r) === p.urn));
    if (!served) {
        return undefined;
    }
    const t = JSON.parse(served.inputs.defaultTags); delete t.tags[tag]; served.inputs.defaultTags = JSON.stringify(t);
    return doc.resources.filter(r => r.type.startsWith(typePrefix) && providerUrn(r) === served.urn).map(r => r.urn);
};

export const mutants: Mutant[] = [
    // Tagging
    { policy: "required-tags", name: "CostCenter dropped from the provider's defaultTags", apply: dropDefaultTag("CostCenter", "aws:ecs/") },
    { policy: "required-tags", name: "Owner dropped from the us-east-1 provider's defaultTags (CloudFront WAF)", apply: dropDefaultTag("Owner", "aws:wafv2/") },
    { policy: "required-tags", name: "the Environment tag says another stack", apply: edit("aws:ecs/cluster:Cluster", i => { i.tags.Environment = "staging"; }) },
    { policy: "required-tags", name: "a new untagged log group", apply: add("aws:cloudwatch/logGroup:LogGroup", "orphan-logs", { name: "/orphan", retentionInDays: 30, tags: { Environment: "x" } }) },
    // S3
    { policy: "s3-versioning", name: "versioning suspended", apply: edit("aws:s3/bucketVersioningV2:BucketVersioningV2", i => { i.versioningConfiguration.status = "Suspended"; }) },
    { policy: "s3-versioning", name: "versioning companion dropped", apply: dropCompanion("aws:s3/bucketV2:BucketV2", "aws:s3/bucketVersioningV2:BucketVersioningV2", "bucket") },
    { policy: "s3-versioning", name: "v1 bucket with inline versioning off", apply: asV1Bucket("data-masked", { versioning: { enabled: false } }) },
    { policy: "s3-encryption", name: "encryption companion dropped", apply: dropCompanion("aws:s3/bucketV2:BucketV2", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "bucket") },
    { policy: "s3-encryption", name: "v1 bucket without inline encryption", apply: asV1Bucket("data-raw", { serverSideEncryptionConfiguration: undefined }) },
    { policy: "s3-encryption", name: "an unknown algorithm", apply: edit("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", i => { i.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm = "none"; }) },
    { policy: "s3-access-logging", name: "logging companion dropped", apply: dropCompanion("aws:s3/bucketV2:BucketV2", "aws:s3/bucketLoggingV2:BucketLoggingV2", "bucket", byName("data-masked")) },
    { policy: "s3-access-logging", name: "v1 bucket without loggings", apply: asV1Bucket("data-masked", { loggings: [] }) },
    { policy: "s3-access-logging", name: "a new bucket without logging", apply: add("aws:s3/bucketV2:BucketV2", "scratch", { bucket: "scratch" }) },
    { policy: "s3-public-access-blocked", name: "blockPublicPolicy false", apply: edit("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", i => { i.blockPublicPolicy = false; }) },
    { policy: "s3-public-access-blocked", name: "public access block dropped", apply: dropCompanion("aws:s3/bucketV2:BucketV2", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "bucket") },
    { policy: "s3-public-access-blocked", name: "restrictPublicBuckets left out", apply: edit("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", i => { delete i.restrictPublicBuckets; }) },
    { policy: "s3-tls-only", name: "the TLS deny dropped from the bucket policy", apply: editJson("aws:s3/bucketPolicy:BucketPolicy", "policy", p => { p.Statement = p.Statement.filter((s: any) => s.Effect !== "Deny"); }) },
    { policy: "s3-tls-only", name: "SecureTransport condition flipped", apply: editJson("aws:s3/bucketPolicy:BucketPolicy", "policy", p => { p.Statement.forEach((s: any) => { if (s.Condition?.Bool) { s.Condition.Bool["aws:SecureTransport"] = "true"; } }); }) },
    { policy: "s3-tls-only", name: "v1 bucket with an inline policy that allows", apply: asV1Bucket("query-results", { policy: statement({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "s3:GetObject", Resource: "*" }) }) },
    { policy: "s3-no-acls", name: "ownership BucketOwnerPreferred", apply: edit("aws:s3/bucketOwnershipControls:BucketOwnershipControls", i => { i.rule.objectOwnership = "BucketOwnerPreferred"; }, byName("data-raw")) },
    { policy: "s3-no-acls", name: "a canned ACL on a v1 bucket", apply: asV1Bucket("data-masked", { acl: "public-read" }) },
    { policy: "s3-no-acls", name: "a BucketAclV2 grant", apply: (doc) => { const b = ofType(doc, "aws:s3/bucketV2:BucketV2", byName("alb-logs")); return b ? add("aws:s3/bucketAclV2:BucketAclV2", "alb-logs-acl", { bucket: b.inputs.bucket, acl: "log-delivery-write" }, { propertyDependencies: { bucket: [b.urn] } })(doc) : undefined; } },
    // ECS
    { policy: "ecs-cluster-container-insights", name: "insights disabled", apply: edit("aws:ecs/cluster:Cluster", i => { i.settings[0].value = "disabled"; }) },
    { policy: "ecs-cluster-container-insights", name: "settings removed", apply: edit("aws:ecs/cluster:Cluster", i => { delete i.settings; }) },
    { policy: "ecs-cluster-container-insights", name: "insights spelled enhanced-off", apply: edit("aws:ecs/cluster:Cluster", i => { i.settings = [{ name: "containerInsights", value: "off" }]; }) },
    { policy: "ecs-container-logging", name: "logConfiguration removed", apply: containers(c => { delete c[0].logConfiguration; }) },
    { policy: "ecs-container-logging", name: "sidecar without logs", apply: containers(c => { delete c[c.length - 1].logConfiguration; }) },
    { policy: "ecs-container-logging", name: "logDriver none", apply: containers(c => { c[0].logConfiguration = { logDriver: "none" }; }, byName("embulk")) },
    { policy: "ecs-images-private-ecr", name: "sidecar back on Docker Hub", apply: containers(c => { c[c.length - 1].image = "newrelic/nri-ecs:1.12.18"; }) },
    { policy: "ecs-images-private-ecr", name: "log router from docker.io", apply: containers(c => { c[1].image = "docker.io/newrelic/newrelic-fluentbit-output:2.0.0"; }, byName("web")) },
    { policy: "ecs-images-private-ecr", name: "embulk from ECR Public", apply: containers(c => { c[0].image = "public.ecr.aws/embulk/embulk:0.9.23"; }, byName("embulk")) },
    { policy: "ecs-no-privileged-containers", name: "privileged app", apply: containers(c => { c[0].privileged = true; }) },
    { policy: "ecs-no-privileged-containers", name: "privileged sidecar", apply: containers(c => { c[c.length - 1].privileged = true; }, byName("web")) },
    { policy: "ecs-no-privileged-containers", name: "privileged embulk", apply: containers(c => { c[0].privileged = true; }, byName("embulk")) },
    { policy: "ecs-no-secrets-in-environment", name: "DATABASE_URL with a password", apply: containers(c => { firstEnv(c).push({ name: "DATABASE_URL", value: "postgres://app:Sup3rS3cret@db.internal:5432/delivery" }); }) },
    { policy: "ecs-no-secrets-in-environment", name: "a password by name", apply: containers(c => { firstEnv(c).push({ name: "DB_PASSWORD", value: "hunter2" }); }) },
    { policy: "ecs-no-secrets-in-environment", name: "a base64 key under an innocent name", apply: containers(c => { firstEnv(c).push({ name: "CACHE_NAMESPACE", value: KEY_B64 }); }, byName("web")) },
    { policy: "ecs-readonly-root-filesystem", name: "writable root", apply: containers(c => { c[0].readonlyRootFilesystem = false; }) },
    { policy: "ecs-readonly-root-filesystem", name: "flag removed", apply: containers(c => { delete c[0].readonlyRootFilesystem; }, byName("web")) },
    { policy: "ecs-readonly-root-filesystem", name: "writable-root label without reason", apply: containers(c => { c[0].readonlyRootFilesystem = false; c[0].dockerLabels = { "jp.207.writable-root": "true" }; }, byName("embulk")) },
    { policy: "ecs-service-no-public-ip", name: "public ip on api", apply: edit("aws:ecs/service:Service", i => { i.networkConfiguration.assignPublicIp = true; }) },
    { policy: "ecs-service-no-public-ip", name: "public ip on web", apply: edit("aws:ecs/service:Service", i => { i.networkConfiguration.assignPublicIp = true; }, byName("web")) },
    { policy: "ecs-service-no-public-ip", name: "public ip as string", apply: edit("aws:ecs/service:Service", i => { i.networkConfiguration.assignPublicIp = "true"; }) },
    { policy: "ecs-codedeploy-ignore-changes", name: "ignoreChanges lost", apply: edit("aws:ecs/service:Service", (_i, r) => { r.options!.ignoreChanges = []; }) },
    { policy: "ecs-codedeploy-ignore-changes", name: "taskDefinition no longer ignored", apply: edit("aws:ecs/service:Service", (_i, r) => { r.options!.ignoreChanges = (r.options!.ignoreChanges ?? []).filter((x: string) => x !== "taskDefinition"); }) },
    { policy: "ecs-codedeploy-ignore-changes", name: "desiredCount no longer ignored", apply: edit("aws:ecs/service:Service", (_i, r) => { r.options!.ignoreChanges = (r.options!.ignoreChanges ?? []).filter((x: string) => x !== "desiredCount"); }, byName("web")) },
    { policy: "ecs-codedeploy-ignore-changes", name: "capacityProviderStrategies no longer ignored (a deployment rewrites it, aws/containers-roadmap#1752)", apply: edit("aws:ecs/service:Service", (_i, r) => { r.options!.ignoreChanges = (r.options!.ignoreChanges ?? []).filter((x: string) => x !== "capacityProviderStrategies"); }) },
    { policy: "ecs-codedeploy-ignore-changes", name: "networkConfiguration no longer ignored (UpdateService rejects it, terraform-provider-aws#8005)", apply: edit("aws:ecs/service:Service", (_i, r) => { r.options!.ignoreChanges = (r.options!.ignoreChanges ?? []).filter((x: string) => x !== "networkConfiguration"); }, byName("web")) },
    // A worker's service (the ECS rolling controller): its releases own the task definition (docs/workers.md).
    { policy: "ecs-codedeploy-ignore-changes", name: "a rolling-update (ECS controller) service writes its task definition back", apply: edit("aws:ecs/service:Service", (i, r) => { i.deploymentController = { type: "ECS" }; r.options!.ignoreChanges = ["desiredCount"]; }, byName("api")) },
    // Load balancing
    { policy: "alb-access-logs", name: "access logs disabled", apply: edit(LB, i => { i.accessLogs.enabled = false; }) },
    { policy: "alb-access-logs", name: "access logs removed", apply: edit(LB, i => { delete i.accessLogs; }) },
    { policy: "alb-access-logs", name: "access logs without bucket", apply: edit(LB, i => { i.accessLogs = { enabled: true }; }) },
    { policy: "alb-deletion-protection", name: "deletion protection off", apply: edit(LB, i => { i.enableDeletionProtection = false; }) },
    { policy: "alb-deletion-protection", name: "deletion protection removed", apply: edit(LB, i => { delete i.enableDeletionProtection; }) },
    { policy: "alb-deletion-protection", name: "deletion protection as string", apply: edit(LB, i => { i.enableDeletionProtection = "false"; }) },
    { policy: "alb-drop-invalid-headers", name: "invalid headers kept", apply: edit(LB, i => { i.dropInvalidHeaderFields = false; }) },
    { policy: "alb-drop-invalid-headers", name: "setting removed", apply: edit(LB, i => { delete i.dropInvalidHeaderFields; }) },
    { policy: "alb-drop-invalid-headers", name: "a second ALB without it", apply: add(LB, "internal-admin", { loadBalancerType: "application", internal: false, enableDeletionProtection: true, accessLogs: { enabled: true, bucket: "b" } }) },
    { policy: "alb-listener-https", name: "HTTP listener forwards", apply: edit(LISTENER, i => { i.defaultActions = [{ type: "forward", targetGroupArn: "arn:tg" }]; }, r => r.inputs.protocol === "HTTP") },
    { policy: "alb-listener-https", name: "a listener rule forwards on the HTTP listener", apply: (doc) => {
        const http = ofType(doc, LISTENER, r => r.inputs.protocol === "HTTP"); const rule = ofType(doc, "aws:lb/listenerRule:ListenerRule");
        if (!http || !rule) { return undefined; }
        rule.propertyDependencies = { ...rule.propertyDependencies, listenerArn: [http.urn] }; return [rule.urn]; } },
    { policy: "alb-listener-https", name: "HTTPS listener switched to HTTP", apply: edit(LISTENER, i => { i.protocol = "HTTP"; delete i.certificateArn; }, r => r.inputs.protocol === "HTTPS") },
    { policy: "alb-listener-tls12", name: "old TLS policy", apply: edit(LISTENER, i => { i.sslPolicy = "ELBSecurityPolicy-TLS-1-1-2017-01"; }, r => r.inputs.protocol === "HTTPS") },
    { policy: "alb-listener-tls12", name: "default TLS policy", apply: edit(LISTENER, i => { delete i.sslPolicy; }, r => r.inputs.protocol === "HTTPS") },
    { policy: "alb-listener-tls12", name: "2016 policy on the test listener", apply: edit(LISTENER, i => { i.sslPolicy = "ELBSecurityPolicy-2016-08"; }, r => r.inputs.port === 8443) },
    { policy: "alb-waf", name: "a second internet-facing ALB without WAF", apply: add(LB, "partner-alb", { loadBalancerType: "application", internal: false }) },
    { policy: "alb-waf", name: "a network-type typo leaves an ALB", apply: add(LB, "ops-alb", { internal: false }) },
    { policy: "alb-waf", name: "a WAF association for another resource only", apply: (doc) => { const urns = add(LB, "b2b-alb", { loadBalancerType: "application", internal: false })(doc)!;
        const stage = ofType(doc, "aws:apigateway/stage:Stage"); add("aws:wafv2/webAclAssociation:WebAclAssociation", "stage-waf", { resourceArn: "arn", webAclArn: "arn" }, { propertyDependencies: { resourceArn: stage ? [stage.urn] : [] } })(doc); return urns; } },
    // CloudFront
    { policy: "cloudfront-https-only", name: "allow-all viewers", apply: edit(DIST, i => { i.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"; }) },
    { policy: "cloudfront-https-only", name: "an ordered behavior allows HTTP", apply: edit(DIST, i => { i.orderedCacheBehaviors = [...(i.orderedCacheBehaviors ?? []), { pathPattern: "/legacy/*", targetOriginId: "alb", viewerProtocolPolicy: "allow-all" }]; }) },
    { policy: "cloudfront-https-only", name: "viewer protocol policy removed", apply: edit(DIST, i => { delete i.defaultCacheBehavior.viewerProtocolPolicy; }) },
    { policy: "cloudfront-logging", name: "logging removed", apply: edit(DIST, i => { delete i.loggingConfig; }) },
    { policy: "cloudfront-logging", name: "logging without bucket", apply: edit(DIST, i => { i.loggingConfig = { prefix: "cf/" }; }) },
    { policy: "cloudfront-logging", name: "a second distribution without logs", apply: add(DIST, "assets", { origins: [], defaultCacheBehavior: { viewerProtocolPolicy: "https-only" } }) },
    { policy: "cloudfront-origin-access-control", name: "S3 origin without OAC", apply: edit(DIST, i => { delete i.origins[0].originAccessControlId; }) },
    { policy: "cloudfront-origin-access-control", name: "S3 origin via legacy OAI", apply: edit(DIST, i => { delete i.origins[0].originAccessControlId; i.origins[0].s3OriginConfig = { originAccessIdentity: "origin-access-identity/cloudfront/E1" }; }) },
    { policy: "cloudfront-origin-access-control", name: "S3 website endpoint origin", apply: edit(DIST, i => { delete i.origins[0].originAccessControlId; i.origins[0].domainName = "x.s3-website-ap-northeast-1.amazonaws.com"; }) },
    { policy: "cloudfront-tls12", name: "TLSv1 viewers", apply: edit(DIST, i => { i.viewerCertificate.minimumProtocolVersion = "TLSv1"; }) },
    { policy: "cloudfront-tls12", name: "default certificate", apply: edit(DIST, i => { i.viewerCertificate = { cloudfrontDefaultCertificate: true }; }) },
    { policy: "cloudfront-tls12", name: "TLSv1.1_2016", apply: edit(DIST, i => { i.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016"; }) },
    { policy: "cloudfront-origin-https", name: "origin over http-only", apply: edit(DIST, i => { i.origins[1].customOriginConfig.originProtocolPolicy = "http-only"; }) },
    { policy: "cloudfront-origin-https", name: "origin match-viewer", apply: edit(DIST, i => { i.origins[1].customOriginConfig.originProtocolPolicy = "match-viewer"; }) },
    { policy: "cloudfront-origin-https", name: "a new custom origin over http", apply: edit(DIST, i => { i.origins.push({ originId: "legacy", domainName: "legacy.example.jp", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] } }); }) },
    { policy: "cloudfront-origin-tls12", name: "SSLv3 to the origin", apply: edit(DIST, i => { i.origins[1].customOriginConfig.originSslProtocols = ["SSLv3", "TLSv1.2"]; }) },
    { policy: "cloudfront-origin-tls12", name: "TLSv1 to the origin", apply: edit(DIST, i => { i.origins[1].customOriginConfig.originSslProtocols = ["TLSv1"]; }) },
    { policy: "cloudfront-origin-tls12", name: "TLSv1.1 added", apply: edit(DIST, i => { i.origins[1].customOriginConfig.originSslProtocols.push("TLSv1.1"); }) },
    { policy: "cloudfront-waf", name: "a second distribution without WAF", apply: add(DIST, "downloads", { origins: [] }) },
    { policy: "cloudfront-waf", name: "a copied distribution with an empty webAclId", apply: (doc) => { const d = ofType(doc, DIST); return d ? add(DIST, "static-copy", { ...JSON.parse(JSON.stringify(d.inputs)), webAclId: "" })(doc) : undefined; } },
    { policy: "cloudfront-waf", name: "a media distribution without WAF", apply: add(DIST, "media", { origins: [{ originId: "m", domainName: "media.example.jp", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }] }) },
    // RDS
    { policy: "rds-backup-retention", name: "1-day backups", apply: edit(CLUSTER, i => { i.backupRetentionPeriod = 1; }) },
    { policy: "rds-backup-retention", name: "backups below the stack minimum", apply: edit(CLUSTER, i => { i.backupRetentionPeriod = 5; }) },
    { policy: "rds-backup-retention", name: "retention removed", apply: edit(CLUSTER, i => { delete i.backupRetentionPeriod; }) },
    { policy: "rds-deletion-protection", name: "deletion protection off", apply: edit(CLUSTER, i => { i.deletionProtection = false; }) },
    { policy: "rds-deletion-protection", name: "deletion protection removed", apply: edit(CLUSTER, i => { delete i.deletionProtection; }) },
    { policy: "rds-deletion-protection", name: "a standalone instance without it", apply: add("aws:rds/instance:Instance", "reporting-db", { engine: "postgres", storageEncrypted: true, backupRetentionPeriod: 14, iamDatabaseAuthenticationEnabled: true, enabledCloudwatchLogsExports: ["postgresql"] }) },
    { policy: "rds-iam-authentication", name: "IAM auth off", apply: edit(CLUSTER, i => { i.iamDatabaseAuthenticationEnabled = false; }) },
    { policy: "rds-iam-authentication", name: "IAM auth removed", apply: edit(CLUSTER, i => { delete i.iamDatabaseAuthenticationEnabled; }) },
    { policy: "rds-iam-authentication", name: "a standalone instance without it", apply: add("aws:rds/instance:Instance", "legacy-db", { engine: "postgres", storageEncrypted: true }) },
    { policy: "rds-not-publicly-accessible", name: "public instance", apply: edit("aws:rds/clusterInstance:ClusterInstance", i => { i.publiclyAccessible = true; }) },
    { policy: "rds-not-publicly-accessible", name: "public reader", apply: edit("aws:rds/clusterInstance:ClusterInstance", i => { i.publiclyAccessible = true; }, byName("-2")) },
    { policy: "rds-not-publicly-accessible", name: "public standalone instance", apply: add("aws:rds/instance:Instance", "public-db", { engine: "postgres", publiclyAccessible: true }) },
    { policy: "rds-storage-encrypted", name: "storage unencrypted", apply: edit(CLUSTER, i => { i.storageEncrypted = false; }) },
    { policy: "rds-storage-encrypted", name: "encryption removed", apply: edit(CLUSTER, i => { delete i.storageEncrypted; }) },
    { policy: "rds-storage-encrypted", name: "unencrypted standalone instance", apply: add("aws:rds/instance:Instance", "plain-db", { engine: "postgres" }) },
    { policy: "rds-log-exports", name: "log exports removed", apply: edit(CLUSTER, i => { delete i.enabledCloudwatchLogsExports; }) },
    { policy: "rds-log-exports", name: "only the upgrade log", apply: edit(CLUSTER, i => { i.enabledCloudwatchLogsExports = ["upgrade"]; }) },
    { policy: "rds-log-exports", name: "a standalone instance without exports", apply: add("aws:rds/instance:Instance", "quiet-db", { engine: "postgres" }) },
    { policy: "rds-multi-az", name: "all instances in one zone", apply: (doc) => { const is = doc.resources.filter(r => r.type === "aws:rds/clusterInstance:ClusterInstance"); is.forEach(i => { i.inputs.availabilityZone = "ap-northeast-1a"; }); return is.map(i => i.urn); } },
    { policy: "rds-multi-az", name: "readers removed", apply: (doc) => { const is = doc.resources.filter(r => r.type === "aws:rds/clusterInstance:ClusterInstance"); doc.resources = doc.resources.filter(r => !is.slice(1).includes(r)); return is.length > 1 ? [is[0].urn] : undefined; } },
    { policy: "rds-multi-az", name: "a new single-instance cluster", apply: (doc) => { const urns = add(CLUSTER, "analytics", { engine: "aurora-postgresql", storageEncrypted: true })(doc)!;
        add("aws:rds/clusterInstance:ClusterInstance", "analytics-1", { availabilityZone: "ap-northeast-1a" }, { propertyDependencies: { clusterIdentifier: urns } })(doc); return urns; } },
    // ECR
    { policy: "ecr-immutable-tags", name: "mutable tags", apply: edit(REPO, i => { i.imageTagMutability = "MUTABLE"; }) },
    { policy: "ecr-immutable-tags", name: "mutability removed", apply: edit(REPO, i => { delete i.imageTagMutability; }) },
    { policy: "ecr-immutable-tags", name: "embulk repo mutable", apply: edit(REPO, i => { i.imageTagMutability = "MUTABLE"; }, byName("embulk")) },
    { policy: "ecr-scan-on-push", name: "scan off", apply: edit(REPO, i => { i.imageScanningConfiguration.scanOnPush = false; }) },
    { policy: "ecr-scan-on-push", name: "scan config removed", apply: edit(REPO, i => { delete i.imageScanningConfiguration; }) },
    { policy: "ecr-scan-on-push", name: "web repo scan off", apply: edit(REPO, i => { i.imageScanningConfiguration = { scanOnPush: false }; }, byName("web")) },
    { policy: "ecr-lifecycle-policy", name: "lifecycle of api dropped", apply: dropCompanion(REPO, "aws:ecr/lifecyclePolicy:LifecyclePolicy", "repository") },
    { policy: "ecr-lifecycle-policy", name: "lifecycle of web dropped", apply: dropCompanion(REPO, "aws:ecr/lifecyclePolicy:LifecyclePolicy", "repository", byName("web")) },
    { policy: "ecr-lifecycle-policy", name: "a new repository without lifecycle", apply: add(REPO, "tools", { name: "tools", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } }) },
    // IAM
    { policy: "iam-no-admin-access", name: "Action * on *", apply: editJson(ROLE_POLICY, "policy", p => { p.Statement.push({ Effect: "Allow", Action: "*", Resource: "*" }); }) },
    { policy: "iam-no-admin-access", name: "NotAction on *", apply: editJson(ROLE_POLICY, "policy", p => { p.Statement.push({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" }); }, byName("web")) },
    { policy: "iam-no-admin-access", name: "AdministratorAccess attached", apply: edit("aws:iam/rolePolicyAttachment:RolePolicyAttachment", i => { i.policyArn = "arn:aws:iam::aws:policy/AdministratorAccess"; }) },
    { policy: "iam-no-admin-access", name: "PowerUserAccess in managedPolicyArns", apply: edit(ROLE, i => { i.managedPolicyArns = ["arn:aws:iam::aws:policy/PowerUserAccess"]; }) },
    { policy: "iam-no-service-wildcard-actions", name: "s3:* on a role", apply: editJson(ROLE_POLICY, "policy", p => { p.Statement.push({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::x/*" }); }) },
    { policy: "iam-no-service-wildcard-actions", name: "iam:* on a role", apply: editJson(ROLE_POLICY, "policy", p => { p.Statement.push({ Effect: "Allow", Action: ["iam:*"], Resource: "*" }); }, byName("web")) },
    { policy: "iam-no-service-wildcard-actions", name: "kms:* in an inline policy", apply: editJson(ROLE_POLICY, "policy", p => { p.Statement.push({ Effect: "Allow", Action: "kms:*", Resource: "*" }); }, byName("embulk")) },
    { policy: "iam-trust-policy-principals", name: "trust *", apply: editJson(ROLE, "assumeRolePolicy", p => { p.Statement[0].Principal = "*"; }) },
    { policy: "iam-trust-policy-principals", name: "trust AWS *", apply: editJson(ROLE, "assumeRolePolicy", p => { p.Statement[0].Principal = { AWS: "*" }; }, byName("redash")) },
    { policy: "iam-trust-policy-principals", name: "GitHub OIDC trusted without a Condition", apply: editJson(ROLE, "assumeRolePolicy", p => { p.Statement[0].Principal = { Federated: "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com" }; p.Statement[0].Action = "sts:AssumeRoleWithWebIdentity"; delete p.Statement[0].Condition; }, byName("embulk-task")) },
    { policy: "iam-user-no-policies", name: "a user policy", apply: add("aws:iam/userPolicy:UserPolicy", "ci-user-policy", { user: "ci", policy: statement({ Effect: "Allow", Action: "ecr:PutImage", Resource: "*" }) }) },
    { policy: "iam-user-no-policies", name: "a user policy attachment", apply: add("aws:iam/userPolicyAttachment:UserPolicyAttachment", "ci-attach", { user: "ci", policyArn: "arn:aws:iam::1:policy/deploy" }) },
    { policy: "iam-user-no-policies", name: "a policy attachment naming users", apply: add("aws:iam/policyAttachment:PolicyAttachment", "shared-attach", { users: ["ci"], policyArn: "arn:aws:iam::1:policy/deploy" }) },
    // Security groups
    { policy: "sg-no-public-ingress", name: "ssh from anywhere (vpc rule)", apply: (doc) => { const g = ofType(doc, SG, byName("-api")); return g ? add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "api-ssh", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", description: "ssh" }, { propertyDependencies: { securityGroupId: [g.urn] } })(doc) : undefined; } },
    { policy: "sg-no-public-ingress", name: "db from anywhere (legacy rule)", apply: (doc) => { const g = ofType(doc, SG, byName("aurora")); return g ? add("aws:ec2/securityGroupRule:SecurityGroupRule", "db-open", { type: "ingress", protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"], description: "db" }, { propertyDependencies: { securityGroupId: [g.urn] } })(doc) : undefined; } },
    { policy: "sg-no-public-ingress", name: "the exemption tag copied to the api group", apply: (doc) => { const g = ofType(doc, SG, byName("-api")); if (!g) { return undefined; } g.inputs.tags = { ...g.inputs.tags, Exposure: "public-alb" }; g.inputs.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https" }]; return [g.urn]; } },
    { policy: "sg-no-public-ingress", name: "all traffic over IPv6 on the ALB", apply: edit("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", i => { i.ipProtocol = "-1"; delete i.cidrIpv4; i.cidrIpv6 = "::/0"; }, r => r.inputs.cidrIpv4 === "0.0.0.0/0") },
    { policy: "sg-rule-descriptions", name: "vpc rule without description", apply: edit("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", i => { delete i.description; }) },
    { policy: "sg-rule-descriptions", name: "egress rule without description", apply: edit("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", i => { i.description = ""; }) },
    { policy: "sg-rule-descriptions", name: "inline rule without description", apply: edit(SG, i => { i.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] }]; }) },
    { policy: "vpc-flow-logs", name: "a second VPC without flow logs", apply: add("aws:ec2/vpc:Vpc", "tools-vpc", { cidrBlock: "10.99.0.0/16" }) },
    { policy: "vpc-flow-logs", name: "flow log of ACCEPT only", apply: (doc) => { const v = ofType(doc, "aws:ec2/vpc:Vpc"); return v ? [...add("aws:ec2/vpc:Vpc", "edge-vpc", { cidrBlock: "10.98.0.0/16" })(doc)!, ...add("aws:ec2/flowLog:FlowLog", "edge-fl", { trafficType: "ACCEPT" }, { propertyDependencies: { vpcId: [`urn:pulumi:${doc.stack}::${doc.project}::aws:ec2/vpc:Vpc::edge-vpc`] } })(doc)!] : undefined; } },
    { policy: "vpc-flow-logs", name: "flow log on another VPC", apply: (doc) => { const v = ofType(doc, "aws:ec2/vpc:Vpc"); return v ? [...add("aws:ec2/vpc:Vpc", "lab-vpc", { cidrBlock: "10.97.0.0/16" })(doc)!, ...add("aws:ec2/flowLog:FlowLog", "lab-fl", { trafficType: "ALL" }, { propertyDependencies: { vpcId: [v.urn] } })(doc)!] : undefined; } },
    // Encryption and secrets
    { policy: "kms-key-rotation", name: "rotation off", apply: edit("aws:kms/key:Key", i => { i.enableKeyRotation = false; }) },
    { policy: "kms-key-rotation", name: "rotation removed", apply: edit("aws:kms/key:Key", i => { delete i.enableKeyRotation; }) },
    { policy: "kms-key-rotation", name: "a new key without rotation", apply: add("aws:kms/key:Key", "scratch-key", { description: "x" }) },
    { policy: "secretsmanager-cmk", name: "AWS managed key alias", apply: edit("aws:secretsmanager/secret:Secret", (i, r) => { i.kmsKeyId = "alias/aws/secretsmanager"; r.propertyDependencies = { ...r.propertyDependencies, kmsKeyId: [] }; }) },
    { policy: "secretsmanager-cmk", name: "kmsKeyId removed", apply: edit("aws:secretsmanager/secret:Secret", (i, r) => { delete i.kmsKeyId; r.propertyDependencies = { ...r.propertyDependencies, kmsKeyId: [] }; }) },
    { policy: "secretsmanager-cmk", name: "another account's key", apply: edit("aws:secretsmanager/secret:Secret", (i, r) => { i.kmsKeyId = "arn:aws:kms:ap-northeast-1:999999999999:key/0c1f"; r.propertyDependencies = { ...r.propertyDependencies, kmsKeyId: [] }; }, byName("pseudonym")) },
    { policy: "athena-workgroup-encryption", name: "results unencrypted", apply: edit("aws:athena/workgroup:Workgroup", i => { delete i.configuration.resultConfiguration.encryptionConfiguration; }) },
    { policy: "athena-workgroup-encryption", name: "configuration not enforced", apply: edit("aws:athena/workgroup:Workgroup", i => { i.configuration.enforceWorkgroupConfiguration = false; }) },
    { policy: "athena-workgroup-encryption", name: "a new workgroup without configuration", apply: add("aws:athena/workgroup:Workgroup", "adhoc", { name: "adhoc" }) },
    { policy: "sqs-encryption", name: "SSE turned off", apply: edit("aws:sqs/queue:Queue", i => { delete i.kmsMasterKeyId; i.sqsManagedSseEnabled = false; }) },
    { policy: "sqs-encryption", name: "a new queue with SSE off", apply: add("aws:sqs/queue:Queue", "events", { sqsManagedSseEnabled: false }) },
    { policy: "sqs-encryption", name: "a dlq with SSE off", apply: add("aws:sqs/queue:Queue", "events-dlq", { name: "events-dlq", sqsManagedSseEnabled: false, messageRetentionSeconds: 1209600 }) },
    // Stateful
    { policy: "stateful-resources-protected", name: "cluster unprotected", apply: edit(CLUSTER, (_i, r) => { r.options!.protect = false; }) },
    { policy: "stateful-resources-protected", name: "a DynamoDB table unprotected", apply: add("aws:dynamodb/table:Table", "sessions", { hashKey: "id" }) },
    { policy: "stateful-resources-protected", name: "a v1 bucket unprotected", apply: add("aws:s3/bucket:Bucket", "exports", { bucket: "exports" }) },
    // Logging
    { policy: "log-group-retention", name: "retention removed", apply: edit("aws:cloudwatch/logGroup:LogGroup", i => { delete i.retentionInDays; }) },
    { policy: "log-group-retention", name: "retention 0", apply: edit("aws:cloudwatch/logGroup:LogGroup", i => { i.retentionInDays = 0; }, byName("embulk")) },
    { policy: "log-group-retention", name: "awslogs-create-group", apply: containers(c => { c[0].logConfiguration = { logDriver: "awslogs", options: { "awslogs-group": "/ecs/adhoc", "awslogs-region": "ap-northeast-1", "awslogs-stream-prefix": "x", "awslogs-create-group": "true" } }; }, byName("embulk")) },
    { policy: "sfn-logging-and-tracing", name: "logging level OFF", apply: edit("aws:sfn/stateMachine:StateMachine", i => { i.loggingConfiguration.level = "OFF"; }) },
    { policy: "sfn-logging-and-tracing", name: "tracing off", apply: edit("aws:sfn/stateMachine:StateMachine", i => { i.tracingConfiguration = { enabled: false }; }) },
    { policy: "sfn-logging-and-tracing", name: "logging removed", apply: edit("aws:sfn/stateMachine:StateMachine", i => { delete i.loggingConfiguration; }) },
    { policy: "apigateway-execution-logging", name: "a second stage", apply: add("aws:apigateway/stage:Stage", "notify-v2", { stageName: "v2", xrayTracingEnabled: true }) },
    { policy: "apigateway-execution-logging", name: "a new stage with logging OFF", apply: (doc) => { const urns = add("aws:apigateway/stage:Stage", "notify-off", { stageName: "off", xrayTracingEnabled: true })(doc)!; add("aws:apigateway/methodSettings:MethodSettings", "ms-off", { methodPath: "*/*", settings: { loggingLevel: "OFF" } }, { propertyDependencies: { stageName: urns } })(doc); return urns; } },
    { policy: "apigateway-execution-logging", name: "a new stage logging one method only", apply: (doc) => { const urns = add("aws:apigateway/stage:Stage", "notify-one", { stageName: "one", xrayTracingEnabled: true })(doc)!; add("aws:apigateway/methodSettings:MethodSettings", "ms-one", { methodPath: "etl-failure/POST", settings: { loggingLevel: "INFO" } }, { propertyDependencies: { stageName: urns } })(doc); return urns; } },
    { policy: "apigateway-xray", name: "tracing off", apply: edit("aws:apigateway/stage:Stage", i => { i.xrayTracingEnabled = false; }) },
    { policy: "apigateway-xray", name: "tracing removed", apply: edit("aws:apigateway/stage:Stage", i => { delete i.xrayTracingEnabled; }) },
    { policy: "apigateway-xray", name: "a new stage without tracing", apply: add("aws:apigateway/stage:Stage", "notify-beta", { stageName: "beta" }) },
    // Deploys and scaling
    { policy: "codedeploy-ecs-blue-green", name: "in-place", apply: edit(DG, i => { i.deploymentStyle.deploymentType = "IN_PLACE"; }) },
    { policy: "codedeploy-ecs-blue-green", name: "test traffic route removed", apply: edit(DG, i => { delete i.loadBalancerInfo.targetGroupPairInfo.testTrafficRoute; }) },
    { policy: "codedeploy-ecs-blue-green", name: "one target group", apply: edit(DG, i => { i.loadBalancerInfo.targetGroupPairInfo.targetGroups.pop(); }, byName("web")) },
    { policy: "codedeploy-auto-rollback", name: "rollback disabled", apply: edit(DG, i => { i.autoRollbackConfiguration.enabled = false; }) },
    { policy: "codedeploy-auto-rollback", name: "no stop on alarm", apply: edit(DG, i => { i.autoRollbackConfiguration.events = ["DEPLOYMENT_FAILURE"]; }) },
    { policy: "codedeploy-auto-rollback", name: "no alarms", apply: edit(DG, i => { i.alarmConfiguration.alarms = []; }, byName("web")) },
    { policy: "codepipeline-artifact-encryption", name: "encryption key removed", apply: edit("aws:codepipeline/pipeline:Pipeline", i => { i.artifactStores.forEach((s: any) => { delete s.encryptionKey; }); }) },
    { policy: "codepipeline-artifact-encryption", name: "web pipeline key removed", apply: edit("aws:codepipeline/pipeline:Pipeline", i => { i.artifactStores.forEach((s: any) => { delete s.encryptionKey; }); }, byName("web")) },
    { policy: "codepipeline-artifact-encryption", name: "a new pipeline without key", apply: add("aws:codepipeline/pipeline:Pipeline", "hotfix", { artifactStores: [{ type: "S3", location: "artifacts" }] }) },
    { policy: "appautoscaling-schedule-timezone", name: "timezone removed", apply: edit("aws:appautoscaling/scheduledAction:ScheduledAction", i => { delete i.timezone; }) },
    { policy: "appautoscaling-schedule-timezone", name: "UTC", apply: edit("aws:appautoscaling/scheduledAction:ScheduledAction", i => { i.timezone = "UTC"; }) },
    { policy: "appautoscaling-schedule-timezone", name: "another zone", apply: edit("aws:appautoscaling/scheduledAction:ScheduledAction", i => { i.timezone = "Asia/Seoul"; }, byName("web")) },
    // Observability
    { policy: "observability-slo-coverage", name: "the SLOs of api removed", apply: (doc) => { const before = doc.resources.length; doc.resources = doc.resources.filter(r => !(r.type === "newrelic:index/serviceLevel:ServiceLevel" && r.name.startsWith("api-slo"))); return doc.resources.length < before ? [] : undefined; } },
    { policy: "observability-slo-coverage", name: "burn-rate conditions removed", apply: (doc) => { const before = doc.resources.length; doc.resources = doc.resources.filter(r => !(r.type === "newrelic:index/alertCompoundCondition:AlertCompoundCondition" && r.name.startsWith("web-"))); return doc.resources.length < before ? [] : undefined; } },
    { policy: "observability-slo-coverage", name: "workflows removed", apply: (doc) => { const before = doc.resources.length; doc.resources = doc.resources.filter(r => r.type !== "newrelic:index/workflow:Workflow"); return doc.resources.length < before ? [] : undefined; } },
    // Data governance
    { policy: "data-columns-classified", name: "a column loses its class", apply: classesOf(c => { delete c.marketing_opt_in; }) },
    { policy: "data-columns-classified", name: "an unknown class", apply: classesOf(c => { c.marketing_opt_in.class = "misc"; }) },
    { policy: "data-columns-classified", name: "classes parameter removed", apply: edit(GLUE, i => { delete i.parameters["platform207.column_classes"]; }, r => r.inputs.parameters?.data_zone === "masked") },
    { policy: "data-masked-glue-no-raw-columns", name: "a dropped column declared", apply: edit(GLUE, i => { i.storageDescriptor.columns.push({ name: "password_digest", type: "string" }); }, r => r.inputs.parameters?.data_zone === "masked" && r.inputs.name === "customers") },
    { policy: "data-masked-glue-no-raw-columns", name: "phone kept", apply: classesOf(c => { c.phone.masking = "keep"; }) },
    { policy: "data-masked-glue-no-raw-columns", name: "a personal column as partition key", apply: edit(GLUE, i => { i.partitionKeys.push({ name: "family_name", type: "string" }); }, r => r.inputs.parameters?.data_zone === "masked" && r.inputs.name === "customers") },
    { policy: "data-masked-config-no-raw-columns", name: "phone copied as is", apply: maskedSql(q => q.replace(/encode\(hmac\('phone:' \|\| [^\n]*k\.pseudonym_key, 'sha256'\), 'hex'\)( AS "phone")/, 't."phone"$1')) },
    { policy: "data-masked-config-no-raw-columns", name: "a dropped column selected", apply: maskedSql(q => q.replace(/(\n\s*FROM "public")/, ',\n      t."password_digest" AS "password_digest"$1')) },
    { policy: "data-masked-config-no-raw-columns", name: "select star", apply: maskedSql(q => q.replace(/SELECT[\s\S]*?\n(\s*)FROM "public"/, 'SELECT *\n$1FROM "public"')) },
    { policy: "data-masked-config-no-raw-columns", name: "birth date truncated to the day", apply: maskedSql(q => q.replace("ELSE date_trunc('year', t.\"birth_date\")", "ELSE date_trunc('day', t.\"birth_date\")")) },
    { policy: "data-masked-config-no-raw-columns", name: "postal code keeps 7 digits", apply: maskedSql(q => q.replace(/(ELSE left\([^\n]*?'\^\[0-9\]\{7\}\$'\)), 3\)/, "$1, 7)")) },
    { policy: "data-masked-config-no-raw-columns", name: "hmac with a constant key", apply: maskedSql(q => q.replace(/(hmac\('email:' \|\| [^\n]*?), k\.pseudonym_key, 'sha256'\)/, "$1, 'x', 'sha256')")) },
    // Issue 15's shape: the entity, the canonical form, the key check, the k-anonymity wrapper, the watermark.
    { policy: "data-masked-config-no-raw-columns", name: "pseudonym without its entity", apply: maskedSql(q => q.replace("hmac('customer:' || ", "hmac(")) },
    { policy: "data-masked-config-no-raw-columns", name: "phone back to lower(btrim())", apply: maskedSql(q => q.replace(/hmac\('phone:' \|\| [^\n]*?, k\.pseudonym_key/, "hmac('phone:' || lower(btrim(t.\"phone\"::text)), k.pseudonym_key")) },
    { policy: "data-masked-config-no-raw-columns", name: "blank e-mail not turned into NULL", apply: maskedSql(q => q.replace(/hmac\('email:' \|\| nullif\(([^\n]*?)\), ''\), k\.pseudonym_key/, "hmac('email:' || $1), k.pseudonym_key")) },
    { policy: "data-masked-config-no-raw-columns", name: "id hashed without NFKC", apply: maskedSql(q => q.replace("normalize(t.\"id\"::text, NFKC)", "t.\"id\"::text")) },
    { policy: "data-masked-config-no-raw-columns", name: "key format check removed", apply: maskedSql(q => q.replace(/WHERE CASE WHEN k\.pseudonym_key ~ [^\n]*? END\n(\s*)AND /, "WHERE ")) },
    { policy: "data-masked-config-no-raw-columns", name: "suppressed birth date kept exact", apply: maskedSql(q => q.replace("ELSE date_trunc('year', t.\"birth_date\")::date END", "ELSE t.\"birth_date\" END")) },
    { policy: "data-masked-config-no-raw-columns", name: "watermark id not removed", apply: edit(OBJECT, i => { i.content = String(i.content).replace(/(\n  remove:\n(?:  - "[a-z_]+"\n)*?)  - "embulk_wm_id"\n/, "$1"); }, masked) },
    { policy: "data-masked-config-no-raw-columns", name: "raw id as an output column", apply: maskedSql(q => q.replace(/encode\(hmac\('customer:' \|\| [^\n]*? AS "id"/, 't."id" AS "id"')) },
    { policy: "data-no-key-material", name: "hex key in a config", apply: edit(OBJECT, i => { i.content = String(i.content).replace("{{ env.EMBULK_PSEUDONYM_KEY }}", KEY_HEX); }, masked) },
    { policy: "data-no-key-material", name: "key in an SSM parameter", apply: add("aws:ssm/parameter:Parameter", "etl-key", { name: "/etl/key", type: "String", value: KEY_B64 }) },
    { policy: "data-no-key-material", name: "key in the state machine", apply: editJson("aws:sfn/stateMachine:StateMachine", "definition", d => { d.Comment = `seed ${KEY_HEX}`; }) },
    { policy: "data-no-key-material", name: "base64 key in an innocent env var", apply: containers(c => { firstEnv(c).push({ name: "BATCH_NAMESPACE", value: Buffer.from(KEY_HEX).toString("base64") }); }, byName("embulk")) },
    { policy: "data-raw-zone-readers", name: "analysts read the raw zone", apply: editJson(ROLE_POLICY, "policy", p => { p.Statement.push({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::platform-207-prod-data-raw/*" }); }, byName("redash-analysts")) },
    { policy: "data-raw-zone-readers", name: "raw guard dropped", apply: editJson("aws:s3/bucketPolicy:BucketPolicy", "policy", p => { p.Statement = p.Statement.filter((s: any) => !(s.Effect === "Deny" && JSON.stringify(s.Action).includes("GetObject"))); }, byName("data-raw")) },
    { policy: "data-raw-zone-readers", name: "S3 read-only attached to analysts", apply: (doc) => { const r = ofType(doc, ROLE, byName("redash-analysts")); return r ? add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "analysts-s3", { role: r.inputs.name, policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" })(doc) : undefined; } },
];
