// Cases of the normalised model (every spelling of a bucket, rule, permission, secret) and of the FSBP controls
// added with it. Merged over resourceCases / stackCases by policies.test.ts.
import { emailForm, idForm, KEY_CHECK, KEY_ID, KEY_JOIN, phoneForm, pseudonym, suppressible, textForm } from "./masked-sql";
import { ResourceCase, StackCase, StackResourceCase, urnOf } from "./harness";
import { UNKNOWN_STRING } from "../lib/preview";

type Cases<C> = { pass: C[]; fail: [C, string][] };
const U = UNKNOWN_STRING;
const doc = (...statements: any[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const tlsDeny = { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } } };

/** A provider-v1 bucket with every setting inline: the same bucket in the other spelling. */
const v1Bucket = (name: string, override: Record<string, any> = {}): StackResourceCase => ({
    type: "aws:s3/bucket:Bucket", name, props: {
        bucket: name, versioning: { enabled: true },
        serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } },
        loggings: [{ targetBucket: "access-logs", targetPrefix: `${name}/` }], policy: doc(tlsDeny), ...override,
    },
});
const v1Companions = (name: string): StackResourceCase[] => [
    { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: `${name}-block`, dependsOn: { bucket: [name] },
        props: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } },
    { type: "aws:s3/bucketOwnershipControls:BucketOwnershipControls", name: `${name}-own`, dependsOn: { bucket: [name] },
        props: { rule: { objectOwnership: "BucketOwnerEnforced" } } },
];
const v2 = (name: string): StackResourceCase => ({ type: "aws:s3/bucketV2:BucketV2", name, props: {} });
const companion = (type: string, name: string, bucket: string, props: Record<string, any>): StackResourceCase =>
    ({ type, name, dependsOn: { bucket: [bucket] }, props });
const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const albGroup: StackResourceCase = { type: SG, name: "alb-sg", props: { tags: { Exposure: "public-alb" } } };
const appGroup: StackResourceCase = { type: SG, name: "app-sg", props: { tags: { Exposure: "public-alb" } } };
const rule = (type: string, name: string, group: string, props: Record<string, any>): StackResourceCase =>
    ({ type, name, dependsOn: { securityGroupId: [group] }, props: { description: "d", ...props } });
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const albExempt = { exemptions: [{ urn: urnOf("stg", SG, "alb-sg"), reason: "internet-facing ALB: tcp 80/443 from viewers" }] };

const LISTENER = "aws:lb/listener:Listener";
const LRULE = "aws:lb/listenerRule:ListenerRule";
const httpListener: StackResourceCase = { type: LISTENER, name: "http", props: { protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] } };
const httpsListener: StackResourceCase = { type: LISTENER, name: "https", props: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" } };
const forwardRule = (listener: string): StackResourceCase => ({ type: LRULE, name: `api-on-${listener}`, dependsOn: { listenerArn: [listener] },
    props: { actions: [{ type: "forward", targetGroupArn: "tg" }], conditions: [{ hostHeader: { values: ["api.example.jp"] } }] } });

const KEY: StackResourceCase = { type: "aws:kms/key:Key", name: "platform", props: { enableKeyRotation: true } };
const secret = (kmsKeyId: any, dependsOn?: Record<string, string[]>): StackResourceCase =>
    ({ type: "aws:secretsmanager/secret:Secret", name: "db", props: { kmsKeyId }, dependsOn });

const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const task = (container: Record<string, any>): ResourceCase => ({ type: TASK, props: { family: "api",
    containerDefinitions: JSON.stringify([{ name: "rails", image: "rails:1", readonlyRootFilesystem: true,
        logConfiguration: { logDriver: "awsfirelens" }, ...container }]) } });
// Fixed random values (not generated per run, so the cases cannot flake): 32 bytes each.
const KEY_HEX = "9f2c4e8a1b7d3f6052e9c1a4b8d7f3e2c6a9b1d4e7f20835c1e9a7b4d2f6e8a3";
const KEY_B64 = "nyxOihttP2BS6cGkuNfz4sapsdTn8gg1wemntNL26KM=";
const CF = "aws:cloudfront/distribution:Distribution";
const cfWith = (customOriginConfig: Record<string, any>, extra: Record<string, any> = {}): ResourceCase => ({ type: CF, props: {
    webAclId: "arn:aws:wafv2:us-east-1:1:global/webacl/cf/x", ...extra,
    origins: [{ originId: "alb", domainName: "admin.example.jp",
        customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], ...customOriginConfig } }] } });
const LB = "aws:lb/loadBalancer:LoadBalancer";
const STAGE = "aws:apigateway/stage:Stage";

export const modelResourceCases: Record<string, Cases<ResourceCase>> = {
    "iam-no-admin-access": {
        pass: [{ type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) } },
            { type: "aws:iam/role:Role", props: { managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"] } },
            { type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc({ Effect: "Deny", NotAction: "s3:GetObject", Resource: "*" }) } }],
        fail: [[{ type: "aws:iam/policy:Policy", props: { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) } }, "Action \"*\""],
            [{ type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" }) } }, "NotAction"],
            [{ type: "aws:iam/userPolicy:UserPolicy", props: { policy: doc({ Effect: "Allow", Action: "*:*", NotResource: "arn:aws:s3:::x" }) } }, "administrator"],
            [{ type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", props: { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } }, "AdministratorAccess (admin"],
            [{ type: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", props: { group: "g", policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" } }, "near-admin"],
            [{ type: "aws:iam/role:Role", props: { managedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"] } }, "IAMFullAccess"]],
    },
    "iam-user-no-policies": {
        pass: [{ type: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", props: { group: "g", policyArn: "arn:aws:iam::1:policy/p" } },
            { type: "aws:iam/policyAttachment:PolicyAttachment", props: { roles: ["r"], policyArn: "arn:aws:iam::1:policy/p" } }],
        fail: [[{ type: "aws:iam/userPolicy:UserPolicy", props: { user: "ci", policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) } }, "IAM user directly"],
            [{ type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", props: { user: "ci", policyArn: "arn:aws:iam::1:policy/p" } }, "IAM user directly"],
            [{ type: "aws:iam/policyAttachment:PolicyAttachment", props: { users: ["ci"], policyArn: "arn:aws:iam::1:policy/p" } }, "IAM users"]],
    },
    "data-no-key-material": {
        pass: [{ type: "aws:s3/bucketObjectv2:BucketObjectv2", props: { content: "options: \"-c app.pseudonym_key={{ env.EMBULK_PSEUDONYM_KEY }}\"" } },
            task({ environment: [{ name: "EMBULK_CONFIG_BUCKET", value: "b" }], image: `rails@sha256:${KEY_HEX}` }),
            { type: "aws:ssm/parameter:Parameter", props: { type: "SecureString", value: "[secret]" } },
            { type: "aws:sfn/stateMachine:StateMachine", props: { definition: "{\"StartAt\":\"A\",\"Comment\":\"arn:aws:secretsmanager:ap-northeast-1:1:secret:platform/etl/database-AbCdEf\"}" } }],
        fail: [[{ type: "aws:s3/bucketObjectv2:BucketObjectv2", props: { content: "options: \"-c app.pseudonym_key=s3cr3t\"" } }, "inline pseudonym_key"],
            [{ type: "aws:s3/bucketObjectv2:BucketObjectv2", props: { content: `key: ${KEY_HEX}` } }, "64-hex-character"],
            [{ type: "aws:sfn/stateMachine:StateMachine", props: { definition: JSON.stringify({ StartAt: "A", States: { A: { Parameters: { k: KEY_HEX } } } }) } }, "definition"],
            [{ type: "aws:ssm/parameter:Parameter", props: { type: "String", name: "/etl/config", value: KEY_B64 } }, "base64 random value"],
            [task({ environment: [{ name: "CACHE_NAMESPACE", value: KEY_B64 }] }), "CACHE_NAMESPACE"],
            [{ type: "aws:ec2/launchTemplate:LaunchTemplate", props: { userData: Buffer.from(`#!/bin/sh\nexport SEED=${KEY_HEX}\n`).toString("base64") } }, "userData (base64)"],
            [{ type: "aws:ssm/parameter:Parameter", props: { type: "String", value: Buffer.from(KEY_HEX).toString("base64") } }, "in base64"],
            [{ type: "aws:s3/bucketObjectv2:BucketObjectv2", props: { content: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----" } }, "PEM"],
            [{ type: "aws:ssm/parameter:Parameter", props: { type: "String", value: "postgres://etl:hunter2@db.internal:5432/delivery" } }, "password in it"]],
    },
    "ecs-no-secrets-in-environment": {
        pass: [task({ environment: [{ name: "RAILS_ENV", value: "production" }] }),
            { ...task({ environment: [{ name: "CACHE_KEY_PREFIX", value: "v1" }] }), config: { allowedNames: ["CACHE_KEY_PREFIX"] } },
            task({ environment: [{ name: "DATABASE_HOST", value: "db.internal" }, { name: "REDIS_URL", value: "redis://cache.internal:6379/0" }] })],
        fail: [[task({ environment: [{ name: "DATABASE_PASSWORD", value: "x" }] }), "DATABASE_PASSWORD"],
            [task({ environment: [{ name: "NEW_RELIC_LICENSE_KEY", value: "x" }] }), "secrets"],
            [task({ environment: [{ name: "SENTRY_DSN", value: "x" }] }), "SENTRY_DSN"],
            [task({ environment: [{ name: "DATABASE_URL", value: "postgres://app:s3cr3t-pw@db.internal:5432/delivery" }] }), "URL with a password"],
            [{ ...task({ environment: [{ name: "CACHE_KEY_PREFIX", value: KEY_B64 }] }), config: { allowedNames: ["CACHE_KEY_PREFIX"] } }, "base64 random value"],
            [task({ environment: [{ name: "DB_CONN", value: "host=db user=app password=pw123 dbname=x" }] }), "password="]],
    },
    "log-group-retention": {
        pass: [{ type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 30 } },
            task({ logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-create-group": "false" } } })],
        fail: [[{ type: "aws:cloudwatch/logGroup:LogGroup", props: {} }, "never expires"],
            [{ type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 0 } }, "retentionInDays"],
            [task({ logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-create-group": "true" } } }), "awslogs-create-group"]],
    },
    "stateful-resources-protected": {
        pass: [{ type: "aws:dynamodb/table:Table", props: {}, stack: "prod", opts: { protect: true } },
            { type: "aws:dynamodb/table:Table", props: {}, stack: "stg" }],
        fail: [[{ type: "aws:glue/catalogDatabase:CatalogDatabase", props: {}, stack: "prod" }, "protect(true)"],
            [{ type: "aws:s3/bucketV2:BucketV2", props: {}, stack: "prod", opts: { protect: false } }, "protect"],
            [{ type: "aws:s3/bucket:Bucket", props: {}, stack: "prod" }, "protect"],
            [{ type: "aws:dynamodb/table:Table", props: {}, stack: "prod" }, "protect"]],
    },
    "cloudfront-origin-https": {
        pass: [cfWith({}), { type: CF, props: { origins: [{ originId: "s3", domainName: "b.s3.amazonaws.com", originAccessControlId: "oac" }] } }],
        fail: [[cfWith({ originProtocolPolicy: "http-only" }), "http-only"], [cfWith({ originProtocolPolicy: "match-viewer" }), "match-viewer"]],
    },
    "cloudfront-origin-tls12": {
        pass: [cfWith({})],
        fail: [[cfWith({ originSslProtocols: ["SSLv3", "TLSv1.2"] }), "SSLv3"], [cfWith({ originSslProtocols: ["TLSv1.1", "TLSv1.2"] }), "TLSv1.1"],
            [cfWith({ originSslProtocols: [] }), "no TLS protocol"]],
    },
    "cloudfront-waf": {
        pass: [cfWith({})],
        fail: [[cfWith({}, { webAclId: undefined }), "no WAF web ACL"], [cfWith({}, { webAclId: "" }), "webAclId"]],
    },
    "rds-log-exports": {
        pass: [{ type: "aws:rds/cluster:Cluster", props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] } },
            { type: "aws:rds/instance:Instance", props: { engine: "postgres", enabledCloudwatchLogsExports: ["postgresql", "upgrade"] } }],
        fail: [[{ type: "aws:rds/cluster:Cluster", props: { engine: "aurora-postgresql" } }, "postgresql log"],
            [{ type: "aws:rds/cluster:Cluster", props: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["upgrade"] } }, "enabledCloudwatchLogsExports"],
            [{ type: "aws:rds/instance:Instance", props: { engine: "postgres", enabledCloudwatchLogsExports: [] } }, "postgresql"]],
    },
    "sqs-encryption": {
        pass: [{ type: "aws:sqs/queue:Queue", props: { kmsMasterKeyId: "arn:aws:kms:ap-northeast-1:1:key/x" } }, { type: "aws:sqs/queue:Queue", props: {} }],
        fail: [[{ type: "aws:sqs/queue:Queue", props: { sqsManagedSseEnabled: false } }, "not encrypted at rest"]],
    },
    "data-masked-glue-no-raw-columns": {
        // A derived partition value (the export date) is not a catalog column; a catalog column as partition key is.
        pass: [{ type: "aws:glue/catalogTable:CatalogTable", props: { name: "drivers", partitionKeys: [{ name: "dt" }],
            parameters: { data_zone: "masked", "platform207.column_classes": JSON.stringify({ id: { class: "identifier", masking: "pseudonymize" } }) },
            storageDescriptor: { columns: [{ name: "id" }] } } }],
        fail: [[{ type: "aws:glue/catalogTable:CatalogTable", props: { name: "drivers", partitionKeys: [{ name: "dt" }, { name: "full_name" }],
            parameters: { data_zone: "masked", "platform207.column_classes": JSON.stringify({ id: { class: "identifier", masking: "pseudonymize" }, full_name: { class: "name", masking: "drop" } }) },
            storageDescriptor: { columns: [{ name: "id" }] } } }, "partition key 'full_name'"],
            [{ type: "aws:glue/catalogTable:CatalogTable", props: { name: "drivers", partitionKeys: [{ name: "phone" }],
                parameters: { data_zone: "masked", "platform207.column_classes": JSON.stringify({ phone: { class: "contact", masking: "keep" } }) },
                storageDescriptor: { columns: [] } } }, "contact partition key 'phone' unmasked"]],
    },
    "apigateway-xray": {
        pass: [{ type: STAGE, props: { xrayTracingEnabled: true } }],
        fail: [[{ type: STAGE, props: {} }, "X-Ray"], [{ type: STAGE, props: { xrayTracingEnabled: false } }, "xrayTracingEnabled"]],
    },
};

const grant = (statement: any) => ({ type: "aws:iam/rolePolicy:RolePolicy", name: "reader", props: { role: "r", policy: doc(statement) } });

export const modelStackCases: Record<string, Cases<StackCase>> = {
    "s3-versioning": {
        pass: [{ resources: [v1Bucket("data"), ...v1Companions("data")] },
            { resources: [v2("data"), companion("aws:s3/bucketVersioning:BucketVersioning", "v", "data", { versioningConfiguration: { status: "Enabled" } })] },
            { resources: [v2("data"), companion("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", "data", { versioningConfiguration: { status: U } })] }],
        fail: [[{ resources: [v1Bucket("data", { versioning: { enabled: false } })] }, "not versioned"],
            [{ resources: [v2("data")] }, "BucketVersioningV2"],
            [{ resources: [v2("data"), companion("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", "data", { versioningConfiguration: { status: "Suspended" } })] }, "not versioned"],
            [{ resources: [v2("data"), companion("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", "data", { versioningConfiguration: { status: U } })] }, "cannot decide in preview"]],
    },
    "s3-encryption": {
        pass: [{ resources: [v1Bucket("data")] },
            { resources: [v2("data"), companion("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "e", "data",
                { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] })] }],
        fail: [[{ resources: [v1Bucket("data", { serverSideEncryptionConfiguration: undefined })] }, "default encryption"],
            [{ resources: [v2("data")] }, "no default encryption rule"],
            [{ resources: [v2("data"), companion("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "e", "data",
                { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "none" } }] })] }, "sseAlgorithm"]],
    },
    "s3-access-logging": {
        pass: [{ resources: [v1Bucket("data"), v2("access-logs"), companion("aws:s3/bucketLoggingV2:BucketLoggingV2", "l", "other", {})] },
            { resources: [v2("data"), v2("access-logs"), { type: "aws:s3/bucketLoggingV2:BucketLoggingV2", name: "l",
                dependsOn: { bucket: ["data"], targetBucket: ["access-logs"] }, props: { targetPrefix: "data/" } }] }],
        fail: [[{ resources: [v1Bucket("data", { loggings: [] })] }, "server access logging"],
            [{ resources: [v2("data")] }, "BucketLoggingV2"],
            [{ resources: [v2("data"), companion("aws:s3/bucketLogging:BucketLogging", "l", "data", {})] }, "server access logging"]],
    },
    "s3-public-access-blocked": {
        pass: [{ resources: [v1Bucket("data"), ...v1Companions("data")] }],
        fail: [[{ resources: [v1Bucket("data")] }, "has no aws.s3.BucketPublicAccessBlock"],
            [{ resources: [v2("data"), companion("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b", "data",
                { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true })] }, "blockPublicPolicy"],
            [{ resources: [v2("data"), companion("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b", "data",
                { blockPublicAcls: true, ignorePublicAcls: true, restrictPublicBuckets: true })] }, "not true"]],
    },
    "s3-tls-only": {
        pass: [{ resources: [v1Bucket("data")] },
            { resources: [v2("data"), companion(POLICY, "p", "data", { policy: doc(tlsDeny) })] },
            // A first preview: the policy document is built from ARNs that do not exist yet.
            { resources: [v2("data"), companion(POLICY, "p", "data", { policy: U })] }],
        fail: [[{ resources: [v1Bucket("data", { policy: doc({ ...tlsDeny, Effect: "Allow" }) })] }, "denies plain HTTP"],
            [{ resources: [v2("data")] }, "aws:SecureTransport"],
            [{ resources: [v2("data"), companion(POLICY, "p", "data", { policy: doc({ ...tlsDeny, Condition: { Bool: { "aws:SecureTransport": "true" } } }) })] }, "denies plain HTTP"],
            [{ resources: [v2("data"), companion(POLICY, "p", "data", { policy: U })] }, "cannot decide in preview (an input is unknown"]],
    },
    "s3-no-acls": {
        pass: [{ resources: [v1Bucket("data"), ...v1Companions("data")] },
            { resources: [v2("logs"), companion(OWNERSHIP, "o", "logs", { rule: { objectOwnership: "BucketOwnerPreferred" } })],
                config: { exemptions: [{ urn: urnOf("stg", "aws:s3/bucketV2:BucketV2", "logs"), reason: "CloudFront standard logging writes with an ACL" }] } }],
        fail: [[{ resources: [v2("data"), companion(OWNERSHIP, "o", "data", { rule: { objectOwnership: "BucketOwnerPreferred" } })] }, "leaves ACLs enabled"],
            [{ resources: [v2("data")] }, "no BucketOwnershipControls"],
            [{ resources: [v1Bucket("data", { acl: "public-read" }), ...v1Companions("data")] }, "acl \"public-read\""],
            [{ resources: [v2("data"), companion(OWNERSHIP, "o", "data", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
                companion("aws:s3/bucketAclV2:BucketAclV2", "a", "data", { acl: "log-delivery-write" })] }, "grants access by ACL"],
            // A tag is not an exemption.
            [{ resources: [{ ...v2("data"), props: { tags: { Exemption: "s3-no-acls" } } }] }, "leaves ACLs enabled"]],
    },
    "sg-no-public-ingress": {
        pass: [{ resources: [albGroup, rule(INGRESS, "https", "alb-sg", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })], config: albExempt },
            { resources: [appGroup, rule(INGRESS, "vpc", "app-sg", { ipProtocol: "tcp", fromPort: 3000, toPort: 3000, cidrIpv4: "10.0.0.0/16" })] }],
        fail: [[{ resources: [appGroup, rule(INGRESS, "ssh", "app-sg", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" })] }, "opens tcp 22-22 to the internet"],
            // The old exemption tag opens nothing any more: only the config's URN does.
            [{ resources: [appGroup, rule(INGRESS, "https", "app-sg", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })] }, "exempted by URN"],
            [{ resources: [albGroup, rule(INGRESS, "all", "alb-sg", { ipProtocol: "-1", fromPort: 0, toPort: 0, cidrIpv6: "::/0" })], config: albExempt }, "alb-sg"],
            [{ resources: [appGroup, rule("aws:ec2/securityGroupRule:SecurityGroupRule", "legacy", "app-sg",
                { type: "ingress", protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] })] }, "5432"],
            [{ resources: [{ ...appGroup, props: { ingress: [{ description: "x", protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }] } }] }, "ingress[0]"]],
    },
    "alb-listener-https": {
        pass: [{ resources: [httpsListener, httpListener, forwardRule("https")] }],
        fail: [[{ resources: [{ ...httpListener, props: { protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] } }] }, "plain HTTP"],
            [{ resources: [httpsListener, httpListener, forwardRule("http")] }, "on the plain-HTTP listener 'http'"],
            [{ resources: [{ ...httpListener, props: { defaultActions: [] } }] }, "serves plain HTTP"]],
    },
    "secretsmanager-cmk": {
        pass: [{ resources: [KEY, secret("arn:aws:kms:ap-northeast-1:1:key/x", { kmsKeyId: ["platform"] })] },
            { resources: [secret("arn:aws:kms:ap-northeast-1:1:key/shared")], config: { customerKeys: ["arn:aws:kms:ap-northeast-1:1:key/shared"] } }],
        fail: [[{ resources: [secret(undefined)] }, "AWS managed key"],
            [{ resources: [secret("alias/aws/secretsmanager")] }, "alias/aws"],
            [{ resources: [secret("arn:aws:kms:ap-northeast-1:1:alias/aws/secretsmanager")] }, "alias/aws"],
            [{ resources: [secret("arn:aws:kms:ap-northeast-1:999:key/other")] }, "neither a key of this stack"],
            [{ resources: [secret(U)] }, "cannot decide in preview"]],
    },
    "alb-waf": {
        pass: [{ resources: [{ type: LB, name: "alb", props: {} }, { type: "aws:wafv2/webAclAssociation:WebAclAssociation", name: "a",
            dependsOn: { resourceArn: ["alb"] }, props: {} }] }, { resources: [{ type: LB, name: "int", props: { internal: true } }] },
            { resources: [{ type: LB, name: "alb", props: {} }, { type: "aws:wafv2/webAclAssociation:WebAclAssociation", name: "a", props: { resourceArn: U, webAclArn: U } }] }],
        fail: [[{ resources: [{ type: LB, name: "alb", props: {} }] }, "no WAF web ACL"],
            [{ resources: [{ type: LB, name: "alb", props: {} }, { type: LB, name: "other", props: { internal: true } },
                { type: "aws:wafv2/webAclAssociation:WebAclAssociation", name: "a", dependsOn: { resourceArn: ["other"] }, props: {} }] }, "alb"],
            // A first preview (target/synth --preview): resourceArn is unknown and names no resource: advisory, not a violation ...
            [{ resources: [{ type: LB, name: "alb", props: {} }, { type: "aws:wafv2/webAclAssociation:WebAclAssociation", name: "a", props: { resourceArn: U, webAclArn: U } }] },
                "cannot decide in preview (an input is unknown until the resources exist; checked again on 'pulumi up'): WAF association of aws:lb/loadBalancer:LoadBalancer 'alb'"],
            // ... but no association at all is still a violation in preview, and a known ARN of something else is no association.
            [{ resources: [{ type: LB, name: "alb", props: { arn: U } }] }, "no WAF web ACL"],
            [{ resources: [{ type: LB, name: "alb", props: {} }, { type: "aws:wafv2/webAclAssociation:WebAclAssociation", name: "a",
                props: { resourceArn: "arn:aws:apigateway:ap-northeast-1::/restapis/x/stages/etl", webAclArn: U } }] }, "no WAF web ACL"]],
    },
    "rds-multi-az": {
        pass: [{ resources: [{ type: "aws:rds/cluster:Cluster", name: "db", props: {} },
            ...["a", "c"].map(z => ({ type: "aws:rds/clusterInstance:ClusterInstance", name: `db-${z}`, dependsOn: { clusterIdentifier: ["db"] }, props: { availabilityZone: `ap-northeast-1${z}` } }))] }],
        fail: [[{ resources: [{ type: "aws:rds/cluster:Cluster", name: "db", props: {} },
            { type: "aws:rds/clusterInstance:ClusterInstance", name: "db-1", dependsOn: { clusterIdentifier: ["db"] }, props: { availabilityZone: "ap-northeast-1a" } }] }, "1 instance(s)"],
            [{ resources: [{ type: "aws:rds/cluster:Cluster", name: "db", props: {} },
                ...["1", "2"].map(n => ({ type: "aws:rds/clusterInstance:ClusterInstance", name: `db-${n}`, dependsOn: { clusterIdentifier: ["db"] }, props: { availabilityZone: "ap-northeast-1a" } }))] }, "in 1 Availability Zone"]],
    },
    "ecr-lifecycle-policy": {
        pass: [{ resources: [{ type: "aws:ecr/repository:Repository", name: "api", props: { name: "api" } },
            { type: "aws:ecr/lifecyclePolicy:LifecyclePolicy", name: "api-lc", props: { repository: "api", policy: "{}" } }] }],
        fail: [[{ resources: [{ type: "aws:ecr/repository:Repository", name: "api", props: { name: "api" } }] }, "no lifecycle policy"],
            [{ resources: [{ type: "aws:ecr/repository:Repository", name: "api", props: { name: "api" } },
                { type: "aws:ecr/lifecyclePolicy:LifecyclePolicy", name: "web-lc", props: { repository: "web", policy: "{}" } }] }, "api"]],
    },
    "apigateway-execution-logging": {
        pass: [{ resources: [{ type: STAGE, name: "notify", props: { stageName: "etl" } },
            { type: "aws:apigateway/methodSettings:MethodSettings", name: "ms", dependsOn: { stageName: ["notify"] }, props: { methodPath: "*/*", settings: { loggingLevel: "ERROR" } } }] }],
        fail: [[{ resources: [{ type: STAGE, name: "notify", props: { stageName: "etl" } }] }, "no execution logging"],
            [{ resources: [{ type: STAGE, name: "notify", props: { stageName: "etl" } },
                { type: "aws:apigateway/methodSettings:MethodSettings", name: "ms", dependsOn: { stageName: ["notify"] }, props: { methodPath: "*/*", settings: { loggingLevel: "OFF" } } }] }, "loggingLevel"]],
    },
    "vpc-flow-logs": {
        pass: [{ resources: [{ type: "aws:ec2/vpc:Vpc", name: "vpc", props: {} },
            { type: "aws:ec2/flowLog:FlowLog", name: "fl", dependsOn: { vpcId: ["vpc"] }, props: { trafficType: "ALL" } }] }],
        fail: [[{ resources: [{ type: "aws:ec2/vpc:Vpc", name: "vpc", props: {} }] }, "no flow log"],
            [{ resources: [{ type: "aws:ec2/vpc:Vpc", name: "vpc", props: {} },
                { type: "aws:ec2/flowLog:FlowLog", name: "fl", dependsOn: { vpcId: ["vpc"] }, props: { trafficType: "ACCEPT" } }] }, "trafficType"]],
    },
};

/** Preview cases (unknown values) added to a policy's existing cases. */
const RAW_BUCKET: StackResourceCase = { type: "aws:s3/bucketV2:BucketV2", name: "raw", props: { bucket: "p-raw", tags: { DataClassification: "restricted" } } };
export const previewStackCases: Record<string, Cases<StackCase>> = {
    "data-raw-zone-readers": {
        // A first preview: the raw bucket's policy and a role policy are built from ARNs that do not exist yet.
        pass: [{ resources: [RAW_BUCKET, { type: POLICY, name: "raw-policy", dependsOn: { bucket: ["raw"] }, props: { bucket: U, policy: U } },
            { type: "aws:iam/rolePolicy:RolePolicy", name: "reads", props: { role: "analysts", policy: U } }] }],
        fail: [[{ resources: [RAW_BUCKET, { type: POLICY, name: "raw-policy", dependsOn: { bucket: ["raw"] }, props: { bucket: U, policy: U } }] },
            "cannot decide in preview (an input is unknown until the resources exist; checked again on 'pulumi up'): bucket policy of raw-zone bucket 'p-raw'"],
            [{ resources: [RAW_BUCKET, { type: POLICY, name: "raw-policy", dependsOn: { bucket: ["raw"] }, props: { bucket: U, policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }) } }] },
                "does not deny reads"]],
    },
};

// Masked queries read with PostgreSQL's parser: the function AND its arguments (customers' classes, current shape).
const CUSTOMERS = { id: ["identifier", "pseudonymize"], phone: ["contact", "pseudonymize"], birth_date: ["birth_date", "truncate_year"],
    postal_code: ["address", "postal_prefix3"], address: ["address", "prefecture"], weight_kg: ["location", "round_2dp"],
    family_name: ["name", "drop"], status: ["internal", "keep"] };
const customersGlue: StackResourceCase = { type: "aws:glue/catalogTable:CatalogTable", name: "glue-customers", props: { name: "customers",
    parameters: { data_zone: "masked", "platform207.column_classes": JSON.stringify(Object.fromEntries(Object.entries(CUSTOMERS).map(([k, [c, m]]) => [k, { class: c, masking: m }]))) } } };
const PREFS = "北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県";
const POSTAL = "left(substring(regexp_replace(normalize(t.\"postal_code\", NFKC), '[^0-9]', '', 'g') from '^[0-9]{7}$'), 3)";
const MASKED_COLUMNS: Record<string, string> = {
    id: pseudonym("customer", idForm("t.\"id\""), "id"),
    phone: pseudonym("phone", phoneForm("t.\"phone\""), "phone"),
    birth_date: suppressible("date_trunc('year', t.\"birth_date\")::date", "birth_date"),
    postal_code: suppressible(POSTAL, "postal_code"),
    address: `substring(normalize(t."address", NFKC) from '^[[:space:]]*(?:〒[[:space:]]*)?(?:[0-9]{3}[-ー]?[0-9]{4}[[:space:]]*)?(${PREFS})') AS "address"`,
    weight_kg: "round(t.\"weight_kg\"::numeric, 2)::double precision AS \"weight_kg\"",
    status: "t.\"status\" AS \"status\"",
    key_id: KEY_ID,
};
/** KAnonymity's group subquery over the quasi-identifiers (birth year, postal prefix). */
const GROUPS = "LEFT JOIN (SELECT g.\"_quasi_identifiers\", g.\"_subjects\" < 5 AS \"_suppressed\" FROM (SELECT ROW(date_trunc('year', s.\"birth_date\")::date, "
    + POSTAL.replace(/t\./g, "s.") + ")::text AS \"_quasi_identifiers\", count(*) AS \"_subjects\" FROM \"public\".\"customers\" AS s GROUP BY 1) AS g) AS q "
    + "ON q.\"_quasi_identifiers\" = ROW(date_trunc('year', t.\"birth_date\")::date, " + POSTAL + ")::text";
const customersQuery = (override: Record<string, string> = {}, from = KEY_JOIN, where = KEY_CHECK) =>
    "in:\n  type: \"postgresql\"\n  query: |\n    SELECT\n" + Object.values({ ...MASKED_COLUMNS, ...override }).map(c => `      ${c}`).join(",\n") +
    `\n    FROM "public"."customers" AS t\n    ${from}\n    ${GROUPS}\n    WHERE ${where}\nout:\n  type: s3_parquet\n`;
const customersConfig = (content: string): StackResourceCase => ({ type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "cfg-customers",
    props: { key: "config/embulk/masked/customers.yml.liquid", content } });
const sqlCase = (override: Record<string, string>, from?: string, where?: string): StackCase =>
    ({ resources: [customersGlue, customersConfig(customersQuery(override, from, where))] });
/** A second table whose driver_id names the entity driver, hashed in the given canonical form. */
const routesWith = (form: (col: string) => string): StackResourceCase[] => [
    { type: "aws:glue/catalogTable:CatalogTable", name: "glue-routes", props: { name: "routes", parameters: { data_zone: "masked",
        "platform207.column_classes": JSON.stringify({ driver_id: { class: "identifier", masking: "pseudonymize" } }) } } },
    { type: "aws:s3/bucketObjectv2:BucketObjectv2", name: "cfg-routes", props: { key: "config/embulk/masked/routes.yml.liquid",
        content: `in:\n  type: postgresql\n  query: |\n    SELECT ${pseudonym("driver", form("t.\"driver_id\""), "driver_id")}\n`
            + `    FROM "public"."routes" AS t ${KEY_JOIN}\n    WHERE ${KEY_CHECK}\nout:\n  type: s3_parquet\n` } }];

export const maskingStackCases: Cases<StackCase> = {
    pass: [sqlCase({}),
        // current_setting itself as the key, the key check testing it; a contact hashed in the e-mail form.
        sqlCase({ phone: pseudonym("phone", emailForm("t.\"phone\""), "phone", "current_setting('app.pseudonym_key')") }),
        // One entity in one form across tables; another entity (customer) in the same form does not matter.
        { resources: [...sqlCase({ id: pseudonym("driver", idForm("t.\"id\""), "id") }).resources, ...routesWith(idForm)] }],
    fail: [[sqlCase({ birth_date: suppressible("date_trunc('day', t.\"birth_date\")::date", "birth_date") }), "truncated to 'day' instead of 'year'"],
        [sqlCase({ postal_code: suppressible("left(t.\"postal_code\", 7)", "postal_code") }), "keeps 7 characters instead of the 3-digit prefix"],
        // The k-anonymity wrapper does not mask: its ELSE branch (and any other branch) must still be the masking.
        [sqlCase({ birth_date: suppressible("t.\"birth_date\"", "birth_date") }), "column 'birth_date' unmasked: it is not inside date_trunc"],
        [sqlCase({ birth_date: "CASE WHEN q.\"_suppressed\" IS NOT FALSE THEN t.\"birth_date\" ELSE date_trunc('year', t.\"birth_date\")::date END AS \"birth_date\"" }),
            "column 'birth_date' unmasked: it is not inside date_trunc"],
        [sqlCase({ postal_code: "CASE WHEN t.\"postal_code\" LIKE '1%' THEN NULL ELSE " + POSTAL + " END AS \"postal_code\"" }),
            "column 'postal_code' unmasked: it is not inside left"],
        [sqlCase({ phone: pseudonym("phone", phoneForm("t.\"phone\""), "phone", "'x'") }), "key that is not current_setting('app.pseudonym_key')"],
        [sqlCase({ phone: pseudonym("phone", phoneForm("t.\"phone\""), "phone", "t.\"status\"") }), "key that is not current_setting('app.pseudonym_key')"],
        [sqlCase({ phone: pseudonym("phone", phoneForm("t.\"phone\""), "phone", "k.pseudonym_key || 'pepper'") }), "key that is not current_setting"],
        [sqlCase({ phone: `encode(hmac(${phoneForm("t.\"phone\"")}, 'sha256'), 'hex') AS "phone"` }), "key that is not current_setting"],
        [sqlCase({ id: pseudonym("customer", idForm("t.\"id\""), "id") }, "CROSS JOIN (SELECT 'constant-key' AS pseudonym_key) AS k"), "key that is not current_setting"],
        // No entity: driver 1 and customer 1 would share a pseudonym.
        [sqlCase({ id: `encode(hmac(${idForm("t.\"id\"")}, k.pseudonym_key, 'sha256'), 'hex') AS "id"` }), "hashed without its entity"],
        [sqlCase({ id: pseudonym("", idForm("t.\"id\""), "id") }), "hashed without its entity"],
        [sqlCase({ id: `encode(hmac(t."status" || ':' || ${idForm("t.\"id\"")}, k.pseudonym_key, 'sha256'), 'hex') AS "id"` }), "hashed without its entity"],
        // Canonical forms: the old lower(btrim()), no NFKC, no blank-to-NULL, a phone as an id, an identifier as a phone.
        [sqlCase({ phone: "encode(hmac('phone:' || lower(btrim(t.\"phone\"::text)), k.pseudonym_key, 'sha256'), 'hex') AS \"phone\"" }),
            "none of the canonical forms; class contact requires the canonical form phone or email"],
        [sqlCase({ id: pseudonym("customer", idForm("t.\"id\"").replace(/^nullif\((.*), ''\)$/, "$1"), "id") }), "none of the canonical forms"],
        [sqlCase({ id: pseudonym("customer", idForm("t.\"id\"").replace("normalize(t.\"id\"::text, NFKC)", "t.\"id\"::text"), "id") }), "none of the canonical forms"],
        [sqlCase({ phone: pseudonym("phone", idForm("t.\"phone\""), "phone") }), "the id form; class contact requires the canonical form phone or email"],
        [sqlCase({ id: pseudonym("customer", phoneForm("t.\"id\""), "id") }), "the phone form; class identifier requires the canonical form id or text"],
        [sqlCase({ phone: pseudonym("phone", phoneForm("t.\"phone\""), "phone").replace("'sha256'", "'md5'") }), "'md5' instead of 'sha256'"],
        // The fail-closed key check: missing, or not a top-level conjunct.
        [sqlCase({}, KEY_JOIN, "true"), "does not refuse a malformed key"],
        [sqlCase({}, KEY_JOIN, `${KEY_CHECK} OR true`), "does not refuse a malformed key"],
        [sqlCase({}, KEY_JOIN, KEY_CHECK.replace("'^[0-9a-f]{64}$'", () => "'^[0-9a-f]+$'")), "does not refuse a malformed key"],
        // One entity hashed in two forms in two tables: its pseudonyms would not join.
        [{ resources: [...sqlCase({ id: pseudonym("driver", idForm("t.\"id\""), "id") }).resources, ...routesWith(textForm)] },
            "hashes entity 'driver' in 'driver_id' (text), but the stack hashes 'driver' in the forms id and text"],
        [sqlCase({ weight_kg: "round(t.\"weight_kg\"::numeric, 4) AS \"weight_kg\"" }), "rounded to 4 digits instead of 2"],
        [sqlCase({ address: "substring(t.\"address\" from '^(.{0,20})') AS \"address\"" }), "does not capture only a prefecture"],
        [sqlCase({ status: "t.\"family_name\" AS \"status\"" }), "family_name', which must be dropped"],
        [sqlCase({ status: "t.\"status\" AS" }), "cannot parse"],
        [sqlCase({ key_id: KEY_ID + " FROM x; SELECT 1" }), "must be one SELECT, but holds 2 statement(s)"]],
};
