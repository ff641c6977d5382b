// The complete list of policies. Only ../index.ts builds the PolicyPack: constructing one starts the gRPC server.
import { Policies } from "@pulumi/policy";
import { withValidatedConfig } from "../lib/config";
import { albAccessLogs } from "./alb-access-logs";
import { albDeletionProtection } from "./alb-deletion-protection";
import { albDropInvalidHeaders } from "./alb-drop-invalid-headers";
import { albListenerHttps } from "./alb-listener-https";
import { albListenerTls12 } from "./alb-listener-tls12";
import { appautoscalingScheduleTimezone } from "./appautoscaling-schedule-timezone";
import { codedeployAutoRollback } from "./codedeploy-auto-rollback";
import { codedeployEcsBlueGreen } from "./codedeploy-ecs-blue-green";
import { codepipelineArtifactEncryption } from "./codepipeline-artifact-encryption";
import { ecsCodedeployIgnoreChanges } from "./ecs-codedeploy-ignore-changes";
import { athenaWorkgroupEncryption } from "./athena-workgroup-encryption";
import { cloudfrontHttpsOnly } from "./cloudfront-https-only";
import { cloudfrontLogging } from "./cloudfront-logging";
import { cloudfrontOriginAccessControl } from "./cloudfront-origin-access-control";
import { cloudfrontTls12 } from "./cloudfront-tls12";
import { dataColumnsClassified } from "./data-columns-classified";
import { dataMaskedConfigNoRawColumns } from "./data-masked-config-no-raw-columns";
import { dataMaskedGlueNoRawColumns } from "./data-masked-glue-no-raw-columns";
import { dataNoKeyMaterial } from "./data-no-key-material";
import { dataRawZoneReaders } from "./data-raw-zone-readers";
import { ecrImmutableTags } from "./ecr-immutable-tags";
import { ecrScanOnPush } from "./ecr-scan-on-push";
import { ecsClusterContainerInsights } from "./ecs-cluster-container-insights";
import { ecsContainerLogging } from "./ecs-container-logging";
import { ecsImagesPrivateEcr } from "./ecs-images-private-ecr";
import { ecsNoPrivilegedContainers } from "./ecs-no-privileged-containers";
import { ecsNoSecretsInEnvironment } from "./ecs-no-secrets-in-environment";
import { ecsReadonlyRootFilesystem } from "./ecs-readonly-root-filesystem";
import { ecsServiceNoPublicIp } from "./ecs-service-no-public-ip";
import { iamNoAdminAccess } from "./iam-no-admin-access";
import { iamNoServiceWildcardActions } from "./iam-no-service-wildcard-actions";
import { iamTrustPolicyPrincipals } from "./iam-trust-policy-principals";
import { kmsKeyRotation } from "./kms-key-rotation";
import { logGroupRetention } from "./log-group-retention";
import { observabilitySloCoverage } from "./observability-slo-coverage";
import { rdsBackupRetention } from "./rds-backup-retention";
import { rdsDeletionProtection } from "./rds-deletion-protection";
import { rdsIamAuthentication } from "./rds-iam-authentication";
import { rdsNotPubliclyAccessible } from "./rds-not-publicly-accessible";
import { rdsStorageEncrypted } from "./rds-storage-encrypted";
import { requiredTags } from "./required-tags";
import { s3AccessLogging } from "./s3-access-logging";
import { s3Encryption } from "./s3-encryption";
import { s3PublicAccessBlocked } from "./s3-public-access-blocked";
import { s3TlsOnly } from "./s3-tls-only";
import { s3Versioning } from "./s3-versioning";
import { secretsmanagerCmk } from "./secretsmanager-cmk";
import { sfnLoggingAndTracing } from "./sfn-logging-and-tracing";
import { sgNoPublicIngress } from "./sg-no-public-ingress";
import { sgRuleDescriptions } from "./sg-rule-descriptions";
import { statefulResourcesProtected } from "./stateful-resources-protected";
import { s3NoAcls } from "./s3-no-acls";
import { iamUserNoPolicies } from "./iam-user-no-policies";
import { cloudfrontOriginHttps } from "./cloudfront-origin-https";
import { cloudfrontOriginTls12 } from "./cloudfront-origin-tls12";
import { cloudfrontWaf } from "./cloudfront-waf";
import { albWaf } from "./alb-waf";
import { rdsLogExports } from "./rds-log-exports";
import { rdsMultiAz } from "./rds-multi-az";
import { ecrLifecyclePolicy } from "./ecr-lifecycle-policy";
import { sqsEncryption } from "./sqs-encryption";
import { apigatewayXray } from "./apigateway-xray";
import { apigatewayExecutionLogging } from "./apigateway-execution-logging";
import { vpcFlowLogs } from "./vpc-flow-logs";

/** Every policy with its config schema closed (`why` allowed) and its config checked when read. */
export const allPolicies: Policies = [
    albAccessLogs,
    albDeletionProtection,
    albDropInvalidHeaders,
    albListenerHttps,
    albListenerTls12,
    athenaWorkgroupEncryption,
    ecsCodedeployIgnoreChanges,
    codepipelineArtifactEncryption,
    codedeployEcsBlueGreen,
    codedeployAutoRollback,
    appautoscalingScheduleTimezone,
    cloudfrontHttpsOnly,
    cloudfrontLogging,
    cloudfrontOriginAccessControl,
    cloudfrontTls12,
    dataColumnsClassified,
    dataMaskedConfigNoRawColumns,
    dataMaskedGlueNoRawColumns,
    dataNoKeyMaterial,
    dataRawZoneReaders,
    ecrImmutableTags,
    ecrScanOnPush,
    ecsClusterContainerInsights,
    ecsContainerLogging,
    ecsImagesPrivateEcr,
    ecsNoPrivilegedContainers,
    ecsNoSecretsInEnvironment,
    ecsReadonlyRootFilesystem,
    ecsServiceNoPublicIp,
    iamNoAdminAccess,
    iamNoServiceWildcardActions,
    iamTrustPolicyPrincipals,
    kmsKeyRotation,
    logGroupRetention,
    observabilitySloCoverage,
    rdsBackupRetention,
    rdsDeletionProtection,
    rdsIamAuthentication,
    rdsNotPubliclyAccessible,
    rdsStorageEncrypted,
    requiredTags,
    s3AccessLogging,
    s3Encryption,
    s3PublicAccessBlocked,
    s3TlsOnly,
    s3Versioning,
    secretsmanagerCmk,
    sfnLoggingAndTracing,
    sgNoPublicIngress,
    sgRuleDescriptions,
    statefulResourcesProtected,
    s3NoAcls,
    iamUserNoPolicies,
    cloudfrontOriginHttps,
    cloudfrontOriginTls12,
    cloudfrontWaf,
    albWaf,
    rdsLogExports,
    rdsMultiAz,
    ecrLifecyclePolicy,
    sqsEncryption,
    apigatewayXray,
    apigatewayExecutionLogging,
    vpcFlowLogs,
].map(withValidatedConfig);
