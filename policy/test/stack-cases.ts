import { StackCase, StackResourceCase } from "./harness";
import { dataStackCases } from "./data-cases";
import { UNKNOWN_STRING } from "../lib/preview";

export interface StackCases {
    pass: StackCase[];
    fail: [StackCase, string][];
}

const BUCKET = "aws:s3/bucketV2:BucketV2";
const tlsDeny = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } } };

/** A bucket with every companion, linked by propertyDependencies as in a real preview (ids unknown). */
function compliantBucket(name: string, omit: string[] = [], override: Record<string, StackResourceCase> = {}): StackResourceCase[] {
    const companions: Record<string, StackResourceCase> = {
        block: { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: `${name}-block`, dependsOn: { bucket: [name] },
            props: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } },
        sse: { type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name: `${name}-sse`,
            dependsOn: { bucket: [name] }, props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] } },
        policy: { type: "aws:s3/bucketPolicy:BucketPolicy", name: `${name}-policy`, dependsOn: { bucket: [name] },
            props: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [tlsDeny] }) } },
        versioning: { type: "aws:s3/bucketVersioningV2:BucketVersioningV2", name: `${name}-versioning`, dependsOn: { bucket: [name] },
            props: { versioningConfiguration: { status: "Enabled" } } },
        logging: { type: "aws:s3/bucketLoggingV2:BucketLoggingV2", name: `${name}-logging`, dependsOn: { bucket: [name], targetBucket: ["access-logs"] },
            props: { targetPrefix: `${name}/` } },
        ...override,
    };
    return [{ type: BUCKET, name, props: {} },
        ...Object.entries(companions).filter(([k]) => !omit.includes(k)).map(([, v]) => v)];
}

/** The access-log bucket itself, exempt from the logging rule. */
const logBucket = compliantBucket("access-logs", ["logging"]);

const SG = "aws:ec2/securityGroup:SecurityGroup";
const publicAlbGroup: StackResourceCase = { type: SG, name: "alb-sg", props: { tags: { Exposure: "public-alb" },
    ingress: [{ description: "HTTPS", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] } };
const appGroup: StackResourceCase = { type: SG, name: "app-sg", props: { ingress: [] } };
const ingressRule = (name: string, group: string, fromPort: number, cidrIpv4: string): StackResourceCase => ({
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name, dependsOn: { securityGroupId: [group] },
    props: { ipProtocol: "tcp", fromPort, toPort: fromPort, cidrIpv4, description: "d" },
});


// A public ECS service and its New Relic observability, linked as the program links them (propertyDependencies).
function observed(options: { pagerDuty?: boolean; omit?: string[] } = {}): StackResourceCase[] {
    const omit = options.omit ?? [];
    const all: StackResourceCase[] = [
        { type: "aws:ecs/service:Service", name: "api", props: { loadBalancers: [{ containerName: "api", containerPort: 3000 }], tags: { Service: "api" } } },
        { type: "newrelic:index/serviceLevel:ServiceLevel", name: "api-slo-success",
            props: { events: { validEvents: { from: "Transaction", where: "appName = 'api-prod'" } } } },
        { type: "newrelic:index/alertPolicy:AlertPolicy", name: "api-critical", props: { name: "api-critical" } },
        { type: "newrelic:index/alertPolicy:AlertPolicy", name: "api-windows", props: { name: "api-windows" } },
        { type: "newrelic:index/nrqlAlertCondition:NrqlAlertCondition", name: "long", props: {}, dependsOn: { nrql: ["api-slo-success"], policyId: ["api-windows"] } },
        { type: "newrelic:index/nrqlAlertCondition:NrqlAlertCondition", name: "short", props: {}, dependsOn: { nrql: ["api-slo-success"], policyId: ["api-windows"] } },
        { type: "newrelic:index/alertCompoundCondition:AlertCompoundCondition", name: "page-fast", props: { triggerExpression: "A AND B" },
            dependsOn: { componentConditions: ["long", "short"], policyId: ["api-critical"] } },
        { type: "newrelic:index/notificationChannel:NotificationChannel", name: "slack", props: { type: "SLACK" } },
        { type: "newrelic:index/workflow:Workflow", name: "route", props: { enabled: true, destinations: [{}] },
            dependsOn: { issuesFilter: ["api-critical"], destinations: [options.pagerDuty ? "pd" : "slack"] } },
    ];
    if (options.pagerDuty) {
        all.push({ type: "newrelic:index/notificationDestination:NotificationDestination", name: "pd-dest", props: { type: "PAGERDUTY_SERVICE_INTEGRATION" } },
            { type: "newrelic:index/notificationChannel:NotificationChannel", name: "pd", props: { type: "PAGERDUTY_SERVICE_INTEGRATION" }, dependsOn: { destinationId: ["pd-dest"] } });
    }
    return all.filter(r => !omit.includes(r.name));
}

const staticFilesPolicyInPreview: StackResourceCase = { type: "aws:s3/bucketPolicy:BucketPolicy", name: "static-files-policy",
    dependsOn: { bucket: ["static-files"], policy: ["static-files", "cdn"] }, props: { policy: UNKNOWN_STRING } };

// A first preview as the Java program renders it (target/synth --preview): the burn conditions' query is built from
// the ServiceLevel's sliGuid, an output, so it is unknown and carries no property dependency on the ServiceLevel.
function inPreview(resources: StackResourceCase[]): StackResourceCase[] {
    return resources.map(r => r.type !== "newrelic:index/nrqlAlertCondition:NrqlAlertCondition" ? r
        : { ...r, props: { ...r.props, nrql: { query: UNKNOWN_STRING } }, dependsOn: { policyId: r.dependsOn?.policyId ?? [] } });
}

export const stackCases: Record<string, StackCases> = {
    "observability-slo-coverage": {
        pass: [{ stack: "prod", resources: observed({ pagerDuty: true }) },
            { stack: "stg", resources: observed().map(r => r.name === "api-slo-success"
                ? { ...r, props: { events: { validEvents: { from: "Transaction", where: "appName = 'api-stg'" } } } } : r) },
            // burnAlerts: single: no compound, the window conditions themselves are in the routed policy
            { stack: "prod", resources: observed({ pagerDuty: true, omit: ["page-fast"] }).map(r => r.name === "long" || r.name === "short"
                ? { ...r, dependsOn: { nrql: ["api-slo-success"], policyId: ["api-critical"] } } : r) },
            // a first preview (unknown sliGuid in the burn conditions' NRQL) is advisory only
            { stack: "prod", resources: inPreview(observed({ pagerDuty: true })) },
            // a private ECS service (no load balancer) needs nothing
            { stack: "prod", resources: [{ type: "aws:ecs/service:Service", name: "worker", props: { loadBalancers: [] } }] }],
        fail: [[{ stack: "prod", resources: observed({ pagerDuty: true, omit: ["api-slo-success"] }) }, "no ServiceLevel measures its APM app 'api-prod'"],
            [{ stack: "prod", resources: observed({ pagerDuty: true, omit: ["page-fast"] }) }, "no burn-rate alert"],
            // Compounds removed while one routed condition over the SLI remains (the outage condition): still no burn alert.
            [{ stack: "prod", resources: observed({ pagerDuty: true, omit: ["page-fast", "short"] }).map(r => r.name === "long"
                ? { ...r, dependsOn: { nrql: ["api-slo-success"], policyId: ["api-critical"] } } : r) }, "no burn-rate alert"],
            [{ stack: "prod", resources: observed({ pagerDuty: true, omit: ["route"] }) }, "reach nobody"],
            [{ stack: "prod", resources: observed() }, "must reach on-call"],
            // A first preview: the burn conditions cannot be matched to their SLI, so that is advisory, not a violation ...
            [{ stack: "prod", resources: inPreview(observed({ pagerDuty: true })) },
                "cannot decide in preview (an input is unknown until the resources exist; checked again on 'pulumi up'): " +
                "burn-rate alerts of aws:ecs/service:Service 'api'"],
            // ... but a burn alert that is really missing still fails, and so does routing that reaches nobody.
            [{ stack: "prod", resources: inPreview(observed({ pagerDuty: true, omit: ["page-fast"] })) }, "no burn-rate alert"],
            [{ stack: "prod", resources: inPreview(observed({ pagerDuty: true, omit: ["route"] })) }, "reach nobody"],
            [{ stack: "prod", resources: inPreview(observed()) }, "must reach on-call"]],
    },
    "s3-public-access-blocked": {
        pass: [{ resources: [...compliantBucket("data"), ...logBucket] },
            // linked by literal bucket name instead of propertyDependencies
            { resources: [{ type: BUCKET, name: "named", props: { bucket: "named-207" } },
                { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "named-block",
                    props: { bucket: "named-207", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } }] }],
        fail: [[{ resources: compliantBucket("data", ["block"]) }, "has no aws.s3.BucketPublicAccessBlock"],
            [{ resources: compliantBucket("data", [], { block: { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "b",
                dependsOn: { bucket: ["data"] }, props: { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true } } }) },
                "blockPublicPolicy"]],
    },
    "s3-encryption": {
        pass: [{ resources: compliantBucket("data") }],
        fail: [[{ resources: compliantBucket("data", ["sse"]) }, "default encryption"]],
    },
    "s3-tls-only": {
        pass: [{ resources: compliantBucket("data") },
            // The static-files bucket in a first preview: its policy grants the CloudFront distribution (AWS:SourceArn),
            // whose ARN is unknown before creation, so the whole document is unknown: advisory, decided on 'pulumi up'.
            { resources: compliantBucket("static-files", [], { policy: staticFilesPolicyInPreview }) }],
        fail: [[{ resources: compliantBucket("data", ["policy"]) }, "denies plain HTTP"],
            [{ resources: compliantBucket("static-files", [], { policy: staticFilesPolicyInPreview }) },
                "cannot decide in preview (an input is unknown until the resources exist; checked again on 'pulumi up'): " +
                "bucket policy of aws:s3/bucketV2:BucketV2 'static-files'"],
            // Unknowns do not excuse a bucket without any bucket policy: the TLS Deny is still required in preview.
            [{ resources: [...compliantBucket("static-files", ["policy"]), { type: "aws:cloudfront/distribution:Distribution", name: "cdn", props: { arn: UNKNOWN_STRING } }] },
                "denies plain HTTP"],
            [{ resources: compliantBucket("data", [], { policy: { type: "aws:s3/bucketPolicy:BucketPolicy", name: "p", dependsOn: { bucket: ["data"] },
                props: { policy: JSON.stringify({ Statement: [{ ...tlsDeny, Effect: "Allow" }] }) } } }) }, "aws:SecureTransport"]],
    },
    "s3-versioning": {
        pass: [{ resources: compliantBucket("data") }],
        fail: [[{ resources: compliantBucket("data", [], { versioning: { type: "aws:s3/bucketVersioningV2:BucketVersioningV2", name: "v",
            dependsOn: { bucket: ["data"] }, props: { versioningConfiguration: { status: "Suspended" } } } }) }, "not versioned"]],
    },
    "s3-access-logging": {
        pass: [{ resources: [...compliantBucket("data"), ...logBucket] }],
        fail: [[{ resources: compliantBucket("data", ["logging"]) }, "server access logging"]],
    },
    ...dataStackCases,
};
