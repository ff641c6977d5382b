package jp.twozeroseven.infra.data.access;

import jp.twozeroseven.infra.data.embulk.EmbulkConfigGenerator;
import jp.twozeroseven.infra.data.embulk.EmbulkEnvironment;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.iam.Condition;
import jp.twozeroseven.infra.iam.Effect;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Principal;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.settings.AccessAudience;
import jp.twozeroseven.infra.settings.AccessZone;

import java.util.ArrayList;
import java.util.List;

/**
 * Every IAM document of the data pipeline, as pure functions of ARNs. Each grants one job and nothing more; the
 * tests read them back and assert exactly that.
 */
public final class PipelinePolicies {

    /** Where the generated Embulk configs live in the masked bucket; nobody but the export task reads them. */
    public static final String CONFIG_PREFIX = "config/embulk/";
    static final String ECS_EVENTS_RULE = "StepFunctionsGetEventsForECSTaskRule";

    private PipelinePolicies() {
    }

    /**
     * One zone's Embulk container: read that zone's configs and watermarks, write that zone's prefixes, look up
     * (never change) its Glue tables. The masked and the raw export are separate task definitions with separate
     * roles, so a masked run can write nothing raw and a raw run nothing masked.
     *
     * @param rawTables the tables exported raw; only the raw zone's policy uses them
     */
    public static PolicyDocument embulkTask(PipelineArns a, ExportZone zone, List<String> rawTables) {
        String masked = PipelineArns.bucketArn(a.maskedBucket());
        String configs = CONFIG_PREFIX + zone.prefix() + "/";
        String watermarks = EmbulkEnvironment.STATE_PREFIX + zone.prefix() + "/";
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow("ReadEmbulkConfigs", List.of("s3:GetObject"), List.of(masked + "/" + configs + "*")));
        // Listing lets a missing config or watermark answer 404 (first run) rather than 403.
        statements.add(Statement.allow("ListEmbulkConfigsAndWatermarks", List.of("s3:ListBucket"), List.of(masked))
                .withConditions(List.of(new Condition("StringLike", "s3:prefix", List.of(configs + "*", watermarks + "*")))));
        // Embulk's config diff per zone and table: the incremental watermark, read before and written after a run.
        statements.add(Statement.allow("KeepWatermarks", List.of("s3:GetObject", "s3:PutObject"),
                List.of(masked + "/" + watermarks + "*")));
        List<String> glueResources = new ArrayList<>(List.of(a.glueCatalog()));
        if (zone == ExportZone.MASKED) {
            statements.add(Statement.allow("WriteMaskedZone", List.of("s3:PutObject", "s3:AbortMultipartUpload"),
                    List.of(masked + "/" + ExportZone.MASKED.prefix() + "/*")));
            glueResources.addAll(List.of(a.glueDatabase(a.maskedDatabase()), a.glueTable(a.maskedDatabase(), "*")));
        } else {
            if (rawTables.isEmpty()) {
                throw new IllegalArgumentException("a raw export role needs at least one table in access.rawZoneTables");
            }
            String raw = PipelineArns.bucketArn(a.rawBucket());
            statements.add(Statement.allow("WriteAllowedRawTables", List.of("s3:PutObject", "s3:AbortMultipartUpload"),
                    rawTables.stream().map(t -> raw + "/" + EmbulkConfigGenerator.tablePrefix(ExportZone.RAW, t) + "*").toList()));
            glueResources.add(a.glueDatabase(a.rawDatabase()));
            rawTables.forEach(t -> glueResources.add(a.glueTable(a.rawDatabase(), t)));
        }
        // embulk-output-s3_parquet looks the table up and, with operation_if_exists: skip, leaves it alone.
        statements.add(Statement.allow("LookUpGlueTables", List.of("glue:GetDatabase", "glue:GetTable"), glueResources));
        statements.add(Statement.allow("UseDataKey", List.of("kms:GenerateDataKey", "kms:Decrypt"), List.of(a.dataKeyArn())));
        return new PolicyDocument(statements);
    }

    /** What ECS needs to start the container: the image, its log stream and the two secrets it injects. */
    public static PolicyDocument embulkExecution(String repositoryArn, String logGroupArn, List<String> secretArns,
                                                 List<String> secretsKeyArns, String region) {
        Condition viaSecretsManager = viaService("secretsmanager", region);
        return PolicyDocument.of(
                // GetAuthorizationToken has no resource-level permissions.
                Statement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PullEmbulkImage", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                        "ecr:BatchCheckLayerAvailability"), List.of(repositoryArn)),
                Statement.allow("WriteTaskLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logGroupArn + ":log-stream:*")),
                Statement.allow("InjectSecrets", List.of("secretsmanager:GetSecretValue"), secretArns),
                Statement.allow("DecryptSecrets", List.of("kms:Decrypt"), secretsKeyArns)
                        .withConditions(List.of(viaSecretsManager)));
    }

    /**
     * The ETL state machine: run and stop the export task definitions (masked, and raw where tables are exported
     * raw), pass their roles, call the notify paths, and POST the heartbeat to exactly one URL through one
     * EventBridge connection.
     */
    public static PolicyDocument stateMachine(List<String> taskDefinitionArns, String clusterArn, List<String> passRoleArns,
                                              List<String> notifyInvokeArns, HeartbeatHttpAccess heartbeat,
                                              String region, String account) {
        String clusterName = clusterArn.substring(clusterArn.indexOf("cluster/") + "cluster/".length());
        Condition onCluster = Condition.of("ArnEquals", "ecs:cluster", clusterArn);
        return postingHeartbeats(heartbeat, List.of(
                Statement.allow("RunEmbulkTask", List.of("ecs:RunTask"), taskDefinitionArns)
                        .withConditions(List.of(onCluster)),
                Statement.allow("TrackEmbulkTasks", List.of("ecs:StopTask", "ecs:DescribeTasks"),
                        List.of("arn:aws:ecs:" + region + ":" + account + ":task/" + clusterName + "/*"))
                        .withConditions(List.of(onCluster)),
                Statement.allow("PassEmbulkRoles", List.of("iam:PassRole"), passRoleArns)
                        .withConditions(List.of(Condition.of("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com"))),
                // The managed rule through which .sync learns that a task stopped.
                Statement.allow("SyncWithEcsEvents", List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
                        List.of("arn:aws:events:" + region + ":" + account + ":rule/" + ECS_EVENTS_RULE)),
                Statement.allow("NotifySlack", List.of("execute-api:Invoke"), notifyInvokeArns),
                postHeartbeat("PostHeartbeat", heartbeat),
                // The first state refuses to start while an older execution runs (EtlStateMachineDefinition).
                Statement.allow("CheckNoOtherRun", List.of("states:ListExecutions"), List.of(heartbeat.stateMachineArn()))));
    }

    /**
     * The heartbeat checker: read the ETL state machine's creation date and its executions, and POST the check to
     * exactly one URL through the ETL's EventBridge connection. DescribeStateMachine and ListExecutions are
     * authorized on the state machine's ARN (Service Authorization Reference, AWS Step Functions, resource type
     * stateMachine).
     */
    public static PolicyDocument heartbeatCheck(String etlStateMachineArn, HeartbeatHttpAccess http) {
        return postingHeartbeats(http, List.of(
                Statement.allow("ReadEtlRuns", List.of("states:DescribeStateMachine", "states:ListExecutions"),
                        List.of(etlStateMachineArn)),
                postHeartbeat("PostHeartbeatCheck", http)));
    }

    /** HTTP tasks are authorized on the state machine itself, narrowed by the request's URL and method. */
    private static Statement postHeartbeat(String sid, HeartbeatHttpAccess http) {
        return Statement.allow(sid, List.of("states:InvokeHTTPEndpoint"), List.of(http.stateMachineArn()))
                .withConditions(List.of(Condition.of("StringEquals", "states:HTTPEndpoint", http.endpoint()),
                        Condition.of("StringEquals", "states:HTTPMethod", "POST")));
    }

    /**
     * A state machine's own statements, then what each of the pipeline's state machines needs besides: the
     * credentials of the EventBridge connection its HTTP task posts through, and its execution logs and traces.
     */
    private static PolicyDocument postingHeartbeats(HeartbeatHttpAccess http, List<Statement> own) {
        List<Statement> statements = new ArrayList<>(own);
        statements.add(Statement.allow("UseHeartbeatConnection", List.of("events:RetrieveConnectionCredentials"),
                List.of(http.connectionArn())));
        statements.add(Statement.allow("ReadHeartbeatConnectionSecret", List.of("secretsmanager:GetSecretValue",
                "secretsmanager:DescribeSecret"), List.of(http.connectionSecretArn())));
        // Log delivery and X-Ray APIs have no resource-level permissions (Step Functions documentation).
        statements.add(Statement.allow("DeliverExecutionLogs", List.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
                "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"), List.of("*")));
        statements.add(Statement.allow("TraceExecutions", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
                "xray:GetSamplingRules", "xray:GetSamplingTargets"), List.of("*")));
        return new PolicyDocument(statements);
    }

    /** EventBridge Scheduler: start the heartbeat checker, nothing else. */
    public static PolicyDocument heartbeatCheckScheduler(String checkStateMachineArn) {
        return PolicyDocument.of(
                Statement.allow("StartHeartbeatCheck", List.of("states:StartExecution"), List.of(checkStateMachineArn)));
    }

    /** EventBridge Scheduler: start this one state machine; park undeliverable invocations in the DLQ. */
    public static PolicyDocument scheduler(String stateMachineArn, String deadLetterQueueArn, String queueKeyArn) {
        return PolicyDocument.of(
                Statement.allow("StartNightlyExport", List.of("states:StartExecution"), List.of(stateMachineArn)),
                Statement.allow("DeadLetter", List.of("sqs:SendMessage"), List.of(deadLetterQueueArn)),
                Statement.allow("EncryptDeadLetters", List.of("kms:GenerateDataKey", "kms:Decrypt"), List.of(queueKeyArn))
                        .withConditions(List.of(viaService("sqs", regionOf(stateMachineArn)))));
    }

    /** Only the state machine's role may call the notification API, whatever IAM elsewhere says. */
    public static PolicyDocument notifyApiResourcePolicy(String apiExecutionArn, String stateMachineRoleArn) {
        return PolicyDocument.of(
                new Statement("AllowEtlStateMachine", Effect.ALLOW, List.of("execute-api:Invoke"),
                        List.of(apiExecutionArn + "/*/POST/*"), List.of(Principal.aws(stateMachineRoleArn)), List.of()),
                new Statement("DenyEveryoneElse", Effect.DENY, List.of("execute-api:Invoke"), List.of(apiExecutionArn + "/*"),
                        List.of(Principal.anyone()),
                        List.of(Condition.of("ArnNotEquals", "aws:PrincipalArn", stateMachineRoleArn))));
    }

    /**
     * Resource policy of an ETL secret (the pseudonym key, the database credentials): nobody but the given roles may
     * read its value, whatever IAM grants elsewhere in the account (an explicit Deny in a resource policy wins; IAM
     * User Guide, "Policy evaluation logic"). Writing a new value (PutSecretValue, for rotation) stays with IAM, and
     * the policy itself can be replaced by the deploying principal, so nothing is locked out. In a secret's resource
     * policy, Resource "*" means the secret itself (Secrets Manager User Guide, "Resource-based policies").
     */
    public static PolicyDocument secretReadersOnly(List<String> readerRoleArns) {
        return PolicyDocument.of(new Statement("DenyReadingOutsideTheExportTask", Effect.DENY,
                List.of("secretsmanager:GetSecretValue"), List.of("*"), List.of(Principal.anyone()),
                List.of(new Condition("ArnNotEquals", "aws:PrincipalArn", readerRoleArns))));
    }

    /**
     * Key policy of the KMS key that encrypts the ETL secrets. A key policy is the only policy that always applies to
     * a KMS key; IAM policies count only where the key policy delegates to the account (AWS KMS Developer Guide,
     * "Key policies in AWS KMS" and "Default key policy"). So: the account (IAM) administers the key, with every
     * administrative action but no grant creation, so the deploying role keeps managing it and nobody is locked out;
     * the account may encrypt through Secrets Manager only (writing a secret value needs kms:GenerateDataKey;
     * Secrets Manager User Guide, "Secret encryption and decryption"); and kms:Decrypt, which reading a value needs,
     * is allowed to the export task's execution role alone, through Secrets Manager. No IAM policy in the account can
     * add a decrypting principal; only a key policy change can, which is a reviewed change of this document.
     */
    public static PolicyDocument etlSecretsKey(String account, String region, List<String> decryptingRoleArns) {
        String root = "arn:aws:iam::" + account + ":root";
        Condition viaSecretsManager = viaService("secretsmanager", region);
        return PolicyDocument.of(
                new Statement("AdministerThroughIam", Effect.ALLOW, List.of("kms:CreateAlias", "kms:Describe*",
                        "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*",
                        "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                        "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand"), List.of("*"), List.of(Principal.aws(root)), List.of()),
                new Statement("WriteSecretValuesThroughSecretsManager", Effect.ALLOW, List.of("kms:GenerateDataKey",
                        "kms:Encrypt"), List.of("*"), List.of(Principal.aws(root)), List.of(viaSecretsManager)),
                new Statement("DecryptForTheExportTaskOnly", Effect.ALLOW, List.of("kms:Decrypt"), List.of("*"),
                        decryptingRoleArns.stream().map(Principal::aws).toList(), List.of(viaSecretsManager)));
    }

    /** A Redash data source assumes the audience role from the Redash host, nothing else. */
    public static PolicyDocument redashTrust(String redashHostRoleArn) {
        return redashTrust(redashHostRoleArn, java.util.Optional.empty());
    }

    /**
     * With an External ID (raw-zone readers), only a Redash data source configured with that ID can assume the role
     * (sts:ExternalId condition key; IAM User Guide, "Access to AWS accounts owned by third parties"): controlling
     * the Redash host alone is not enough to become the raw reader.
     */
    public static PolicyDocument redashTrust(String redashHostRoleArn, java.util.Optional<String> externalId) {
        return PolicyDocument.of(new Statement("AllowRedashHost", Effect.ALLOW, List.of("sts:AssumeRole"), List.of(),
                List.of(Principal.aws(redashHostRoleArn)),
                externalId.map(id -> List.of(Condition.of("StringEquals", "sts:ExternalId", id))).orElse(List.of())));
    }

    /** One audience: its workgroup, its own results prefix, and exactly the zone tables the matrix allows. */
    public static PolicyDocument audience(PipelineArns a, AccessPlan plan, AccessAudience audience, String workgroup) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow("QueryInOwnWorkgroup", List.of("athena:StartQueryExecution", "athena:StopQueryExecution",
                "athena:GetQueryExecution", "athena:GetQueryResults", "athena:GetQueryResultsStream",
                "athena:ListQueryExecutions", "athena:GetWorkGroup"), List.of(a.workgroup(workgroup))));
        String results = PipelineArns.bucketArn(a.resultsBucket());
        statements.add(Statement.allow("OwnQueryResults", List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"),
                List.of(results + "/" + audience.name() + "/*")));
        statements.add(Statement.allow("ListOwnQueryResults", List.of("s3:ListBucket"), List.of(results))
                .withConditions(List.of(Condition.of("StringLike", "s3:prefix", audience.name() + "/*"))));
        List<String> locatedBuckets = new ArrayList<>(List.of(results));
        List<String> glue = new ArrayList<>();
        for (AccessZone zone : List.of(AccessZone.MASKED, AccessZone.RAW)) {
            List<String> tables = plan.readableTables(audience, zone);
            if (tables.isEmpty()) {
                continue;
            }
            ExportZone exportZone = zone == AccessZone.RAW ? ExportZone.RAW : ExportZone.MASKED;
            String bucket = PipelineArns.bucketArn(zone == AccessZone.RAW ? a.rawBucket() : a.maskedBucket());
            String database = zone == AccessZone.RAW ? a.rawDatabase() : a.maskedDatabase();
            boolean whole = plan.readsWholeZone(audience, zone) && zone == AccessZone.MASKED;
            List<String> objects = whole ? List.of(bucket + "/" + exportZone.prefix() + "/*")
                    : tables.stream().map(t -> bucket + "/" + EmbulkConfigGenerator.tablePrefix(exportZone, t) + "*").toList();
            List<String> prefixes = whole ? List.of(exportZone.prefix() + "/*")
                    : tables.stream().map(t -> EmbulkConfigGenerator.tablePrefix(exportZone, t) + "*").toList();
            String sid = zone == AccessZone.RAW ? "Raw" : "Masked";
            statements.add(Statement.allow("Read" + sid + "Zone", List.of("s3:GetObject"), objects));
            statements.add(Statement.allow("List" + sid + "Zone", List.of("s3:ListBucket"), List.of(bucket))
                    .withConditions(List.of(new Condition("StringLike", "s3:prefix", prefixes))));
            locatedBuckets.add(bucket);
            glue.add(a.glueDatabase(database));
            if (whole) {
                glue.add(a.glueTable(database, "*"));
            } else {
                tables.forEach(t -> glue.add(a.glueTable(database, t)));
            }
        }
        // GetBucketLocation carries no s3:prefix key: under the prefix condition above it would never match, and
        // Athena refuses a results location (and a table location) whose bucket it cannot locate. It reveals only
        // the bucket's region, so it stands alone and unconditioned on the bucket ARNs.
        statements.add(Statement.allow("LocateBuckets", List.of("s3:GetBucketLocation"), locatedBuckets));
        if (!glue.isEmpty()) {
            glue.add(0, a.glueCatalog());
            statements.add(Statement.allow("ReadGlueCatalog", List.of("glue:GetDatabase", "glue:GetDatabases", "glue:GetTable",
                    "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"), glue));
        }
        statements.add(Statement.allow("UseDataKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of(a.dataKeyArn())));
        return new PolicyDocument(statements);
    }

    /**
     * Raw bucket guard: nobody reads raw objects unless the access matrix lists their role. {@code s3:GetObject*}
     * covers every object read, including {@code GetObjectVersion}, {@code GetObjectVersionForReplication} (what
     * replication reads with), {@code GetObjectAttributes}, {@code GetObjectTagging} and {@code GetObjectAcl}
     * (Service Authorization Reference, "Actions defined by Amazon S3"). An explicit Deny in a resource policy wins
     * over any Allow in any identity policy of the account ("Policy evaluation logic", IAM User Guide), so an IAM
     * policy granting everything still cannot read the zone.
     */
    public static Statement rawReadGuard(String rawBucketArn, List<String> readerRoleArns) {
        return denyOutside("DenyRawReadsOutsideTheMatrix", List.of(RAW_OBJECT_READS), List.of(rawBucketArn + "/*"),
                readerRoleArns);
    }

    /** Every object read: s3:GetObject, GetObjectVersion, GetObjectVersionForReplication, GetObjectAttributes, ... */
    public static final String RAW_OBJECT_READS = "s3:GetObject*";

    /**
     * Replication would copy the raw zone to a bucket this guard does not cover, so no principal may configure it
     * on the raw bucket, the break-glass role included; enabling it is a reviewed change of this statement.
     */
    public static Statement rawReplicationGuard(String rawBucketArn) {
        return new Statement("DenyRawReplication", Effect.DENY, List.of("s3:PutReplicationConfiguration"),
                List.of(rawBucketArn), List.of(Principal.anyone()), List.of());
    }

    /** Rewriting or deleting a bucket policy would lift every guard in it. */
    public static final List<String> POLICY_WRITES = List.of("s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

    /**
     * Only the deploying role (Pulumi updates the policy) and the break-glass role may rewrite or delete a data
     * bucket's policy; any other IAM grant of {@code s3:PutBucketPolicy} cannot lift the guards. This cannot lock the
     * bucket: "the root principal in a bucket owner's account can perform the GetBucketPolicy, PutBucketPolicy, and
     * DeleteBucketPolicy API actions, even if their bucket policy explicitly denies the root principal's access"
     * (Amazon S3 API Reference, PutBucketPolicy and DeleteBucketPolicy).
     *
     * @param guardianRoleArns the deploying role and the break-glass role
     */
    public static Statement policyWriteGuard(String bucketArn, List<String> guardianRoleArns) {
        return denyOutside("DenyPolicyWritesButDeployAndBreakGlass", POLICY_WRITES, List.of(bucketArn), guardianRoleArns);
    }

    /**
     * Every way to put or remove an object: {@code s3:PutObject} also authorizes CopyObject and the multipart upload
     * calls; {@code s3:ReplicateObject} is what a replication source writes with (Service Authorization Reference,
     * "Actions defined by Amazon S3").
     */
    public static final List<String> OBJECT_WRITES = List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion",
            "s3:ReplicateObject", "s3:ReplicateDelete");

    /**
     * The Embulk configs hold the masking SQL: an edited config could select contacts in clear. Only the deploying
     * role (Pulumi writes them) and the break-glass role may put or delete them.
     */
    public static Statement configWriteGuard(String maskedBucketArn, List<String> guardianRoleArns) {
        return denyOutside("DenyEmbulkConfigWritesButDeployAndBreakGlass", OBJECT_WRITES,
                List.of(maskedBucketArn + "/" + CONFIG_PREFIX + "*"), guardianRoleArns);
    }

    /**
     * A raw-zone reader's Athena results are raw data too: only its own role reads its results prefix, whatever IAM
     * elsewhere grants on the results bucket.
     */
    public static Statement rawResultsGuard(String resultsBucketArn, String audience, String readerRoleArn) {
        return denyOutside("DenyRawResultsOf" + sidPart(audience), List.of(RAW_OBJECT_READS),
                List.of(resultsBucketArn + "/" + audience + "/*"), List.of(readerRoleArn));
    }

    private static Statement denyOutside(String sid, List<String> actions, List<String> resources, List<String> allowedRoleArns) {
        List<Condition> conditions = allowedRoleArns.isEmpty() ? List.of()
                : List.of(new Condition("ArnNotEquals", "aws:PrincipalArn", allowedRoleArns));
        return new Statement(sid, Effect.DENY, actions, resources, List.of(Principal.anyone()), conditions);
    }

    /** delivery-investigations -> DeliveryInvestigations (a Sid is alphanumeric). */
    static String sidPart(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** KMS used only on behalf of the given service in the region (the kms:ViaService condition key). */
    private static Condition viaService(String service, String region) {
        return Condition.of("StringEquals", "kms:ViaService", service + "." + region + ".amazonaws.com");
    }

    private static String regionOf(String arn) {
        return arn.split(":")[3];
    }
}
