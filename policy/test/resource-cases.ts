import { ResourceCase } from "./harness";
import { dataResourceCases } from "./data-cases";

export interface ResourceCases {
    pass: ResourceCase[];
    /** each failing case with a fragment its violation message must contain */
    fail: [ResourceCase, string][];
}

const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const task = (container: Record<string, any>): ResourceCase => ({
    type: TASK,
    props: { family: "api", containerDefinitions: JSON.stringify([{
        name: "rails", image: "rails:1", readonlyRootFilesystem: true,
        logConfiguration: { logDriver: "awsfirelens" }, environment: [{ name: "RAILS_ENV", value: "production" }], ...container,
    }]) },
});
const LB = "aws:lb/loadBalancer:LoadBalancer";
const goodAlb = { loadBalancerType: "application", accessLogs: { enabled: true, bucket: "logs" },
    enableDeletionProtection: true, dropInvalidHeaderFields: true };
const LISTENER = "aws:lb/listener:Listener";
const CF = "aws:cloudfront/distribution:Distribution";
const goodCf = {
    defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
    orderedCacheBehaviors: [{ pathPattern: "/admin/*", viewerProtocolPolicy: "https-only" }],
    viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x", minimumProtocolVersion: "TLSv1.2_2021" },
    origins: [{ originId: "assets", domainName: "assets.s3.ap-northeast-1.amazonaws.com", originAccessControlId: "oac-1" },
        { originId: "api", domainName: "api.example.jp", customOriginConfig: { originProtocolPolicy: "https-only" } }],
    loggingConfig: { bucket: "logs.s3.amazonaws.com" },
};
const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/instance:Instance";
const goodDb = { storageEncrypted: true, backupRetentionPeriod: 7, deletionProtection: true, iamDatabaseAuthenticationEnabled: true };
const REPO = "aws:ecr/repository:Repository";
const doc = (...statements: any[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const allow = (action: any, resource: any = "*") => ({ Effect: "Allow", Action: action, Resource: resource });
const trust = (principal: any, condition?: any) => doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) });
const SG = "aws:ec2/securityGroup:SecurityGroup";
const allTags = { Project: "platform-207", Environment: "stg", Service: "api", Owner: "platform", CostCenter: "cc-1", ManagedBy: "pulumi" };

const DG = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const goodDg = {
    ecsService: { clusterName: "c", serviceName: "api" },
    deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
    loadBalancerInfo: { targetGroupPairInfo: { targetGroups: [{ name: "blue" }, { name: "green" }],
        prodTrafficRoute: { listenerArns: ["arn:https"] }, testTrafficRoute: { listenerArns: ["arn:test"] } } },
    autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
    alarmConfiguration: { enabled: true, alarms: ["api-blue-5xx-rate"] },
};
const ECS_SERVICE = "aws:ecs/service:Service";
// Written out here, not imported from the policy, so that dropping a field from the policy fails these cases.
const CODEDEPLOY_OWNED = ["taskDefinition", "loadBalancers", "desiredCount", "capacityProviderStrategies", "networkConfiguration", "platformVersion"];
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const SCHEDULED = "aws:appautoscaling/scheduledAction:ScheduledAction";

export const resourceCases: Record<string, ResourceCases> = {
    "codedeploy-auto-rollback": {
        pass: [{ type: DG, props: goodDg }],
        fail: [[{ type: DG, props: { ...goodDg, autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] } } }, "DEPLOYMENT_STOP_ON_ALARM"],
            [{ type: DG, props: { ...goodDg, autoRollbackConfiguration: { enabled: false, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] } } }, "disabled"],
            [{ type: DG, props: { ...goodDg, alarmConfiguration: { enabled: true, alarms: [] } } }, "watches no CloudWatch alarms"]],
    },
    "codedeploy-ecs-blue-green": {
        pass: [{ type: DG, props: goodDg }, { type: DG, props: { deploymentStyle: { deploymentType: "IN_PLACE" } } }],
        fail: [[{ type: DG, props: { ...goodDg, deploymentStyle: { deploymentType: "IN_PLACE", deploymentOption: "WITH_TRAFFIC_CONTROL" } } }, "not blue/green"],
            [{ type: DG, props: { ...goodDg, loadBalancerInfo: { targetGroupPairInfo: { ...goodDg.loadBalancerInfo.targetGroupPairInfo, targetGroups: [{ name: "blue" }] } } } }, "1 target group"],
            [{ type: DG, props: { ...goodDg, loadBalancerInfo: { targetGroupPairInfo: { ...goodDg.loadBalancerInfo.targetGroupPairInfo, testTrafficRoute: undefined } } } }, "test traffic route"]],
    },
    "ecs-codedeploy-ignore-changes": {
        pass: [{ type: ECS_SERVICE, props: { deploymentController: { type: "CODE_DEPLOY" } }, opts: { ignoreChanges: CODEDEPLOY_OWNED } },
            // A worker: the rolling-update controller with circuit breaker; its releases own the task definition.
            { type: ECS_SERVICE, props: { deploymentController: { type: "ECS" }, deploymentCircuitBreaker: { enable: true, rollback: true } },
                opts: { ignoreChanges: ["taskDefinition", "desiredCount"] } },
            // EXTERNAL: a third-party controller owns everything; not this rule's business.
            { type: ECS_SERVICE, props: { deploymentController: { type: "EXTERNAL" } } }],
        fail: [[{ type: ECS_SERVICE, props: { deploymentController: { type: "ECS" } } }, "(ECS rolling-update controller) lets Pulumi write back taskDefinition, desiredCount"],
            // No controller given is the ECS controller (ECS API reference, DeploymentController).
            [{ type: ECS_SERVICE, props: {}, opts: { ignoreChanges: ["taskDefinition"] } }, "write back desiredCount,"],
            [{ type: ECS_SERVICE, props: { deploymentController: { type: "CODE_DEPLOY" } }, opts: { ignoreChanges: ["taskDefinition"] } },
            "loadBalancers, desiredCount, capacityProviderStrategies, networkConfiguration, platformVersion"],
            // A deployment rewrites the capacity provider strategy from the AppSpec (the service's own value is not
            // used): https://github.com/aws/containers-roadmap/issues/1752
            [{ type: ECS_SERVICE, props: { deploymentController: { type: "CODE_DEPLOY" } },
                opts: { ignoreChanges: CODEDEPLOY_OWNED.filter(f => f !== "capacityProviderStrategies") } }, "write back capacityProviderStrategies,"],
            // UpdateService cannot change the network configuration (nor the platform version) of a CODE_DEPLOY
            // service: https://github.com/hashicorp/terraform-provider-aws/issues/8005,
            // https://github.com/pulumi/pulumi-aws/issues/1961
            [{ type: ECS_SERVICE, props: { deploymentController: { type: "CODE_DEPLOY" } },
                opts: { ignoreChanges: CODEDEPLOY_OWNED.filter(f => f !== "networkConfiguration") } }, "write back networkConfiguration,"],
            [{ type: ECS_SERVICE, props: { deploymentController: { type: "CODE_DEPLOY" } },
                opts: { ignoreChanges: CODEDEPLOY_OWNED.filter(f => f !== "platformVersion") } }, "write back platformVersion,"]],
    },
    "codepipeline-artifact-encryption": {
        pass: [{ type: PIPELINE, props: { artifactStores: [{ type: "S3", location: "b", encryptionKey: { type: "KMS", id: "arn:aws:kms:ap-northeast-1:1:key/x" } }] } }],
        fail: [[{ type: PIPELINE, props: { artifactStores: [{ type: "S3", location: "b" }] } }, "encryptionKey"]],
    },
    "appautoscaling-schedule-timezone": {
        pass: [{ type: SCHEDULED, props: { schedule: "cron(0 5 * * ? *)", timezone: "Asia/Tokyo" } }],
        fail: [[{ type: SCHEDULED, props: { schedule: "cron(0 5 * * ? *)" } }, "UTC (no timezone)"],
            [{ type: SCHEDULED, props: { schedule: "cron(0 5 * * ? *)", timezone: "UTC" }, config: { timezone: "Asia/Tokyo" } }, "Asia/Tokyo"]],
    },
    "ecs-no-secrets-in-environment": {
        pass: [task({}), { ...task({ environment: [{ name: "CACHE_KEY_PREFIX", value: "v1" }] }), config: { allowedNames: ["CACHE_KEY_PREFIX"] } }],
        fail: [[task({ environment: [{ name: "DATABASE_PASSWORD", value: "x" }] }), "DATABASE_PASSWORD"],
            [task({ environment: [{ name: "NEW_RELIC_LICENSE_KEY", value: "x" }] }), "secrets"],
            [task({ environment: [{ name: "SENTRY_DSN", value: "x" }] }), "SENTRY_DSN"]],
    },
    "ecs-container-logging": {
        pass: [task({})],
        fail: [[task({ logConfiguration: undefined }), "logConfiguration"]],
    },
    "ecs-readonly-root-filesystem": {
        pass: [task({}), task({ readonlyRootFilesystem: false, dockerLabels: { "jp.207.writable-root": "true", "jp.207.writable-root-reason": "bootsnap cache" } })],
        fail: [[task({ readonlyRootFilesystem: false }), "readonlyRootFilesystem"],
            [task({ readonlyRootFilesystem: undefined, dockerLabels: { "jp.207.writable-root": "true" } }), "without a reason"]],
    },
    "ecs-images-private-ecr": {
        pass: [task({ image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-stg-api:release-initial" }),
            task({ image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-stg-sidecar-newrelic-infra@sha256:" + "ab".repeat(32) })],
        fail: [[task({ image: "newrelic/nri-ecs:1.12.18" }), "newrelic/nri-ecs:1.12.18"],
            [task({ image: "docker.io/newrelic/newrelic-fluentbit-output:2.0.0" }), "not an image in a private ECR registry"],
            [task({ image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable" }), "public.ecr.aws"],
            [task({ image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-stg-api" }), "Fix:"],
            [task({ image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/api@sha256:abc" }), "private ECR"]],
    },
    "ecs-no-privileged-containers": {
        pass: [task({ privileged: false })],
        fail: [[task({ privileged: true }), "privileged"]],
    },
    "ecs-service-no-public-ip": {
        pass: [{ type: "aws:ecs/service:Service", props: { networkConfiguration: { assignPublicIp: false, subnets: ["s"] } } }],
        fail: [[{ type: "aws:ecs/service:Service", props: { networkConfiguration: { assignPublicIp: true } } }, "assignPublicIp"]],
    },
    "ecs-cluster-container-insights": {
        pass: [{ type: "aws:ecs/cluster:Cluster", props: { settings: [{ name: "containerInsights", value: "enabled" }] } }],
        fail: [[{ type: "aws:ecs/cluster:Cluster", props: {} }, "containerInsights"],
            [{ type: "aws:ecs/cluster:Cluster", props: { settings: [{ name: "containerInsights", value: "disabled" }] } }, "Container Insights"]],
    },
    "alb-listener-tls12": {
        pass: [{ type: LISTENER, props: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" } }],
        fail: [[{ type: LISTENER, props: { protocol: "HTTPS" } }, "ELBSecurityPolicy-2016-08"],
            [{ type: LISTENER, props: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" } }, "TLS13-1-2-2021-06"]],
    },
    "alb-access-logs": {
        pass: [{ type: LB, props: goodAlb }, { type: LB, props: { loadBalancerType: "network" } }],
        fail: [[{ type: LB, props: { ...goodAlb, accessLogs: { enabled: false, bucket: "logs" } } }, "accessLogs"]],
    },
    "alb-deletion-protection": {
        pass: [{ type: LB, props: goodAlb, stack: "prod" }, { type: LB, props: { ...goodAlb, enableDeletionProtection: false }, stack: "stg" }],
        fail: [[{ type: LB, props: { ...goodAlb, enableDeletionProtection: false }, stack: "prod" }, "enableDeletionProtection"]],
    },
    "alb-drop-invalid-headers": {
        pass: [{ type: LB, props: goodAlb }],
        fail: [[{ type: LB, props: { ...goodAlb, dropInvalidHeaderFields: undefined } }, "dropInvalidHeaderFields"]],
    },
    "cloudfront-https-only": {
        pass: [{ type: CF, props: goodCf }],
        fail: [[{ type: CF, props: { ...goodCf, orderedCacheBehaviors: [{ pathPattern: "/img/*", viewerProtocolPolicy: "allow-all" }] } }, "/img/*"]],
    },
    "cloudfront-tls12": {
        pass: [{ type: CF, props: goodCf }],
        fail: [[{ type: CF, props: { ...goodCf, viewerCertificate: { cloudfrontDefaultCertificate: true } } }, "TLSv1.2_2021"],
            [{ type: CF, props: { ...goodCf, viewerCertificate: { acmCertificateArn: "a", minimumProtocolVersion: "TLSv1.1_2016" } } }, "TLSv1.1_2016"]],
    },
    "cloudfront-origin-access-control": {
        pass: [{ type: CF, props: goodCf }],
        fail: [[{ type: CF, props: { ...goodCf, origins: [{ originId: "assets", domainName: "assets.s3.amazonaws.com" }] } }, "originAccessControlId"]],
    },
    "cloudfront-logging": {
        pass: [{ type: CF, props: goodCf }],
        fail: [[{ type: CF, props: { ...goodCf, loggingConfig: undefined } }, "loggingConfig"]],
    },
    "rds-storage-encrypted": {
        pass: [{ type: CLUSTER, props: goodDb }, { type: INSTANCE, props: goodDb }],
        fail: [[{ type: CLUSTER, props: { ...goodDb, storageEncrypted: false } }, "storageEncrypted"]],
    },
    "rds-backup-retention": {
        pass: [{ type: CLUSTER, props: goodDb }, { type: CLUSTER, props: { ...goodDb, backupRetentionPeriod: 3 }, config: { minimumDays: 3 } }],
        fail: [[{ type: CLUSTER, props: { ...goodDb, backupRetentionPeriod: undefined } }, "1 day(s)"],
            [{ type: INSTANCE, props: { ...goodDb, backupRetentionPeriod: 5 } }, "7 or more"]],
    },
    "rds-deletion-protection": {
        pass: [{ type: CLUSTER, props: goodDb, stack: "prod" }, { type: CLUSTER, props: { ...goodDb, deletionProtection: false }, stack: "stg" }],
        fail: [[{ type: CLUSTER, props: { ...goodDb, deletionProtection: false }, stack: "prod" }, "deletionProtection"],
            [{ type: CLUSTER, props: { ...goodDb, deletionProtection: false }, stack: "live", config: { productionStacks: ["live"] } }, "deletionProtection"]],
    },
    "rds-not-publicly-accessible": {
        pass: [{ type: "aws:rds/clusterInstance:ClusterInstance", props: { publiclyAccessible: false } }],
        fail: [[{ type: "aws:rds/clusterInstance:ClusterInstance", props: { publiclyAccessible: true } }, "publiclyAccessible"]],
    },
    "rds-iam-authentication": {
        pass: [{ type: CLUSTER, props: goodDb }],
        fail: [[{ type: CLUSTER, props: { ...goodDb, iamDatabaseAuthenticationEnabled: false } }, "iamDatabaseAuthenticationEnabled"]],
    },
    "ecr-scan-on-push": {
        pass: [{ type: REPO, props: { imageScanningConfiguration: { scanOnPush: true } } }],
        fail: [[{ type: REPO, props: {} }, "scanOnPush"]],
    },
    "ecr-immutable-tags": {
        pass: [{ type: REPO, props: { imageTagMutability: "IMMUTABLE" } }],
        fail: [[{ type: REPO, props: { imageTagMutability: "MUTABLE" } }, "IMMUTABLE"]],
    },
    "iam-no-admin-access": {
        pass: [{ type: "aws:iam/policy:Policy", props: { policy: doc(allow("s3:GetObject", "arn:aws:s3:::b/*")) } }],
        fail: [[{ type: "aws:iam/policy:Policy", props: { policy: doc(allow("*")) } }, "administrator"],
            [{ type: "aws:iam/role:Role", props: { inlinePolicies: [{ name: "admin", policy: doc(allow(["*:*"])) }] } }, "inlinePolicies[0] 'admin'"]],
    },
    "iam-no-service-wildcard-actions": {
        pass: [{ type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc(allow(["s3:GetObject", "kms:Decrypt"], "arn:aws:s3:::b/*")) } }],
        fail: [[{ type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc(allow(["s3:*", "kms:*"], "arn:aws:s3:::b/*")) } }, "s3:*, kms:*"],
            [{ type: "aws:iam/policy:Policy", props: { policy: doc(allow("secretsmanager:*")) } }, "secretsmanager:*"]],
    },
    "iam-trust-policy-principals": {
        pass: [{ type: "aws:iam/role:Role", props: { assumeRolePolicy: trust({ Service: "ecs-tasks.amazonaws.com" }) } },
            { type: "aws:iam/role:Role", props: { assumeRolePolicy: trust({ Federated: "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com" }, { StringEquals: { "token.actions.githubusercontent.com:sub": "repo:207/infra:ref:refs/heads/main" } }) } }],
        fail: [[{ type: "aws:iam/role:Role", props: { assumeRolePolicy: trust("*") } }, "any principal"],
            [{ type: "aws:iam/role:Role", props: { assumeRolePolicy: trust({ AWS: ["*"] }) } }, "any principal"],
            [{ type: "aws:iam/role:Role", props: { assumeRolePolicy: trust({ Federated: "arn:aws:iam::1:oidc-provider/x" }) } }, "without a Condition"]],
    },
    "sg-rule-descriptions": {
        pass: [{ type: SG, props: { ingress: [{ description: "ALB", fromPort: 443, toPort: 443, protocol: "tcp" }], egress: [{ description: "all out" }] } },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", props: { description: "ALB to API" } }],
        fail: [[{ type: SG, props: { ingress: [{ fromPort: 443, toPort: 443, protocol: "tcp" }] } }, "ingress[0]"],
            [{ type: "aws:ec2/securityGroupRule:SecurityGroupRule", props: { type: "ingress" } }, "the rule"]],
    },
    "log-group-retention": {
        pass: [{ type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 30 } }],
        fail: [[{ type: "aws:cloudwatch/logGroup:LogGroup", props: {} }, "retentionInDays"]],
    },
    "sfn-logging-and-tracing": {
        pass: [{ type: "aws:sfn/stateMachine:StateMachine", props: { loggingConfiguration: { level: "ALL", logDestination: "arn:lg:*" }, tracingConfiguration: { enabled: true } } }],
        fail: [[{ type: "aws:sfn/stateMachine:StateMachine", props: { loggingConfiguration: { level: "ERROR", logDestination: "arn:lg:*" }, tracingConfiguration: { enabled: true } } }, "level 'ERROR'"],
            [{ type: "aws:sfn/stateMachine:StateMachine", props: { loggingConfiguration: { level: "ALL", logDestination: "arn:lg:*" } } }, "tracingConfiguration"]],
    },
    "athena-workgroup-encryption": {
        pass: [{ type: "aws:athena/workgroup:Workgroup", props: { configuration: { enforceWorkgroupConfiguration: true, resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS" } } } } }],
        fail: [[{ type: "aws:athena/workgroup:Workgroup", props: { configuration: { enforceWorkgroupConfiguration: false, resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS" } } } } }, "enforceWorkgroupConfiguration"],
            [{ type: "aws:athena/workgroup:Workgroup", props: { configuration: {} } }, "unencrypted"]],
    },
    "kms-key-rotation": {
        pass: [{ type: "aws:kms/key:Key", props: { enableKeyRotation: true } }, { type: "aws:kms/key:Key", props: { customerMasterKeySpec: "RSA_2048" } }],
        fail: [[{ type: "aws:kms/key:Key", props: {} }, "enableKeyRotation"]],
    },
    "required-tags": {
        pass: [{ type: "aws:ecs/cluster:Cluster", props: { tags: allTags } },
            { type: "aws:ecs/cluster:Cluster", props: { tags: { Service: "api" } }, providerProps: { defaultTags: JSON.stringify({ tags: { ...allTags, Service: "" } }) } },
            { type: "aws:autoscaling/group:Group", props: { tags: Object.entries(allTags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })) } },
            { type: "aws:s3/bucketPolicy:BucketPolicy", props: {} }],
        fail: [[{ type: "aws:ecs/cluster:Cluster", props: { tags: { Project: "platform-207" } } }, "Environment, Service, Owner, CostCenter, ManagedBy"],
            [{ type: "aws:s3/bucketV2:BucketV2", props: { tags: allTags }, stack: "prod" }, "Environment=stg but belongs to stack 'prod'"],
            [{ type: "aws:s3/bucketV2:BucketV2", props: { tags: allTags }, config: { stack: "prod" } }, "Environment=stg"],
            [{ type: "aws:kms/key:Key", props: {}, providerProps: { defaultTags: JSON.stringify({ tags: { Project: "p" } }) } }, "missing tag(s) Environment"],
            // The program's shape: a resource tags only Name and Service, the rest comes from the explicit provider's
            // defaultTags (a JSON string input); a tag dropped there is missing on the resource.
            [{ type: "aws:ecs/service:Service", props: { tags: { Name: "platform-207-prod-api", Service: "api" } }, stack: "prod",
                providerProps: { defaultTags: JSON.stringify({ tags: { Project: "platform-207", Environment: "prod", Service: "platform", Owner: "platform-team", ManagedBy: "pulumi" } }) } },
                "missing tag(s) CostCenter"]],
    },
    "stateful-resources-protected": {
        pass: [{ type: CLUSTER, props: {}, stack: "prod", opts: { protect: true } }, { type: CLUSTER, props: {}, stack: "stg" }],
        fail: [[{ type: "aws:glue/catalogDatabase:CatalogDatabase", props: {}, stack: "prod" }, "protect(true)"],
            [{ type: "aws:s3/bucketV2:BucketV2", props: {}, stack: "prod", opts: { protect: false } }, "protect"]],
    },
    ...dataResourceCases,
};
