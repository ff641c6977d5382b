package jp.twozeroseven.infra.data.export;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretPolicy;
import com.pulumi.aws.secretsmanager.SecretPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.data.PipelineStack;
import jp.twozeroseven.infra.data.access.PipelineArns;
import jp.twozeroseven.infra.data.access.PipelinePolicies;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.embulk.EmbulkConfigGenerator;
import jp.twozeroseven.infra.data.embulk.ExportTarget;
import jp.twozeroseven.infra.data.embulk.SourceDatabase;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.DataPipelineTask;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Embulk export on Fargate: one task definition per zone (masked; raw where tables are exported raw), each with
 * one container that receives only its zone's secrets through Secrets Manager and its own two roles; the log group,
 * the ETL secrets and their key, and one generated config object per table and zone.
 */
public final class EmbulkExport extends ComponentResource {

    public static final String TYPE = "platform207:data:EmbulkExport";

    private final TaskDefinition taskDefinition;
    private final Role taskRole;
    private final Role executionRole;
    /** The raw export's own task definition and roles; null in stacks that export no raw table. */
    private final TaskDefinition rawTaskDefinition;
    private final Role rawTaskRole;
    private final Role rawExecutionRole;
    private final Secret databaseCredentials;
    private final Secret pseudonymKey;
    private final Secret rawDatabaseCredentials;
    private final String logGroupName;
    private final Key secretsKey;

    /**
     * @param repositoryUrl  the ETL repository the task definitions pull from
     * @param repositoryArn  the same repository, for the execution roles' pull grant
     * @param readerEndpoint the ETL's Aurora reader endpoint, in every config
     * @param secretsKeyArn  the platform key: the execution roles may still decrypt secret versions written under it
     * @param arns           the zones' buckets, key and Glue ARNs the task roles' grants name
     * @param masked         the masked zone (also where the configs live)
     * @param raw            the raw zone
     */
    public record Wiring(Output<String> repositoryUrl, Output<String> repositoryArn, Output<String> readerEndpoint,
                         Output<String> secretsKeyArn, Output<PipelineArns> arns, ExportTarget masked, ExportTarget raw) {
    }

    /**
     * @param scope        provider, naming and tags of the export's resources. Required.
     * @param stack        account, region, name prefix, log retention and the secrets' recovery window. Required.
     * @param task         the task's cpu, memory and architecture ({@code dataPipeline.embulkTask}; architecture
     *                     default x86_64). Required.
     * @param imageTag     the Embulk image's tag in the repository ({@code EmbulkImage.tag()}). Required.
     * @param tables       every catalog table: one masked config each. Required, non-empty.
     * @param rawTables    the tables also exported raw, in catalog order; empty: no raw task definition, roles or
     *                     raw user secret
     * @param databasePort Aurora's port in the configs (5432)
     * @param databaseName the database the configs read ({@code database.databaseName}). Required.
     * @param wiring       the other resources the export names. Required.
     */
    public record Props(Scope scope, PipelineStack stack, DataPipelineTask task, String imageTag,
                        List<CatalogTable> tables, List<CatalogTable> rawTables, int databasePort, String databaseName,
                        Wiring wiring) {
        public Props {
            Required.components(Props.class, scope, stack, task, imageTag, tables, rawTables, databasePort,
                    databaseName, wiring);
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("the export needs at least one catalog table");
            }
            tables = List.copyOf(tables);
            rawTables = List.copyOf(rawTables);
        }
    }

    public EmbulkExport(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        PipelineStack stack = props.stack();
        Wiring wiring = props.wiring();
        List<CatalogTable> rawTables = props.rawTables();
        String prefix = stack.namePrefix();
        String account = stack.account();
        String region = stack.region();
        // Only the execution role reads the values, to inject them; the ARN is derived so the policies are plain data.
        String executionRoleArn = "arn:aws:iam::" + account + ":role/" + scope.name("embulk-execution");
        // The masked export keeps its role names and descriptions (no update on the next up).
        executionRole = role(scope, "embulk-execution", "Starts the Embulk container: image, logs, secrets");
        // The raw export runs as its own task definition with its own roles: masked runs never receive the raw
        // user's credentials, raw runs never the pseudonym key (issue 15).
        String rawExecutionRoleArn = "arn:aws:iam::" + account + ":role/" + scope.name("embulk-raw-execution");
        rawExecutionRole = rawTables.isEmpty() ? null
                : role(scope, "embulk-raw-execution", "Starts the raw Embulk export: image, logs, the raw user's secret");
        Output<List<String>> decryptingRoles = rawExecutionRole == null ? executionRole.arn().applyValue(List::of)
                : Output.tuple(executionRole.arn(), rawExecutionRole.arn()).applyValue(t -> List.of(t.t1, t.t2));
        // The ETL secrets' own key: its key policy, not IAM, decides who may decrypt them (the execution roles only).
        // The policy is built from the roles' ARN outputs so they exist before KMS validates the principals.
        String keyName = scope.name("etl-secrets");
        secretsKey = new Key(keyName, KeyArgs.builder()
                .description("ETL secrets: pseudonym key and export credentials (" + prefix + ")")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(decryptingRoles.applyValue(arns ->
                        PipelinePolicies.etlSecretsKey(account, region, arns).toJson()))
                .tags(scope.tags(keyName))
                .build(), scope.statefulOptions());
        new Alias(keyName, AliasArgs.builder().name("alias/" + keyName).targetKeyId(secretsKey.keyId()).build(), scope.options());
        Output<String> etlKeyArn = secretsKey.arn();
        databaseCredentials = secret(scope, stack, "etl/database", "Aurora credentials of the masked-export user (column "
                + "grants from ExportGrants only): JSON with username and password", etlKeyArn);
        // Only stacks that export raw tables get (and inject) the raw user; the masked user cannot read raw columns.
        rawDatabaseCredentials = rawTables.isEmpty() ? null : secret(scope, stack, "etl/database-raw", "Aurora credentials "
                + "of the raw-export user (SELECT on the rawZoneTables only): JSON with username and password",
                etlKeyArn);
        // 削除情報等 under APPI: only the execution role can read it, to inject it into the container.
        pseudonymKey = secret(scope, stack, "etl/pseudonym-key", "HMAC key of the masked zone's pseudonyms: 64 hex characters. "
                + "Rotate only with a full re-export", etlKeyArn);

        String logName = "/" + prefix + "/data/embulk";
        logGroupName = logName;
        LogGroup logs = new LogGroup(scope.name("embulk-logs"), LogGroupArgs.builder()
                .name(logName)
                .retentionInDays(stack.logRetentionDays())
                .tags(scope.tags(logName))
                .build(), scope.options());

        secretPolicy(scope, "etl/database", databaseCredentials, executionRoleArn);
        secretPolicy(scope, "etl/pseudonym-key", pseudonymKey, executionRoleArn);
        if (rawDatabaseCredentials != null) {
            secretPolicy(scope, "etl/database-raw", rawDatabaseCredentials, rawExecutionRoleArn);
        }
        executionPolicy(scope, "embulk-execution", executionRole, wiring, logs,
                Output.tuple(databaseCredentials.arn(), pseudonymKey.arn()).applyValue(t -> List.of(t.t1, t.t2)), etlKeyArn,
                region);
        List<String> rawNames = rawTables.stream().map(CatalogTable::name).toList();
        taskRole = taskRole(scope, "embulk-task", "The Embulk container: read its configs, write its zones",
                wiring, ExportZone.MASKED, rawNames);
        Output<String> containers = Output.tuple(wiring.repositoryUrl(), databaseCredentials.arn(), pseudonymKey.arn())
                .applyValue(t -> EmbulkContainer.definitions(new EmbulkContainer.Spec(
                        t.t1 + ":" + props.imageTag(), wiring.masked().bucket(), PipelinePolicies.CONFIG_PREFIX,
                        ExportZone.MASKED, t.t2, java.util.Optional.of(t.t3), logName, region)));
        taskDefinition = taskDefinition(scope, familyName(scope, ExportZone.MASKED), props.task(), executionRole, taskRole, containers);
        if (rawDatabaseCredentials != null) {
            executionPolicy(scope, "embulk-raw-execution", rawExecutionRole, wiring, logs,
                    rawDatabaseCredentials.arn().applyValue(List::of), etlKeyArn, region);
            rawTaskRole = taskRole(scope, "embulk-raw-task", "The raw Embulk export: read its configs, write the "
                    + "allowed raw tables", wiring, ExportZone.RAW, rawNames);
            Output<String> rawContainers = Output.tuple(wiring.repositoryUrl(), rawDatabaseCredentials.arn())
                    .applyValue(t -> EmbulkContainer.definitions(new EmbulkContainer.Spec(
                            t.t1 + ":" + props.imageTag(), wiring.masked().bucket(), PipelinePolicies.CONFIG_PREFIX,
                            ExportZone.RAW, t.t2, java.util.Optional.empty(), logName, region)));
            rawTaskDefinition = taskDefinition(scope, familyName(scope, ExportZone.RAW), props.task(), rawExecutionRole,
                    rawTaskRole, rawContainers);
        } else {
            rawTaskRole = null;
            rawTaskDefinition = null;
        }

        Set<String> rawAllowed = Set.copyOf(rawNames);
        for (CatalogTable table : props.tables()) {
            configObject(scope, props, table, ExportZone.MASKED,
                    source -> EmbulkConfigGenerator.masked(table, source, wiring.masked()));
        }
        for (CatalogTable table : rawTables) {
            configObject(scope, props, table, ExportZone.RAW,
                    source -> EmbulkConfigGenerator.raw(table, source, wiring.raw(), rawAllowed));
        }
        this.registerOutputs(Map.of("taskDefinitionArn", taskDefinition.arn()));
    }

    /** The task definition family of a zone's export: the masked one keeps the original name. */
    public static String familyName(Scope scope, ExportZone zone) {
        return scope.name(zone == ExportZone.MASKED ? "embulk" : "embulk-raw");
    }

    private static void executionPolicy(Scope scope, String name, Role role, Wiring wiring, LogGroup logs,
                                        Output<List<String>> secretArns, Output<String> etlKeyArn, String region) {
        new RolePolicy(scope.name(name), RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(wiring.repositoryArn(), logs.arn(), secretArns, etlKeyArn, wiring.secretsKeyArn())
                        // The platform key too: versions written before the move to the ETL key stay readable
                        // until their values are put again (Secrets Manager keeps them under the previous key).
                        .applyValue(t -> PipelinePolicies.embulkExecution(t.t1, t.t2, t.t3, List.of(t.t4, t.t5),
                                region).toJson()))
                .build(), scope.options());
    }

    private static Role taskRole(Scope scope, String name, String description, Wiring wiring, ExportZone zone,
                                 List<String> rawNames) {
        Role role = role(scope, name, description);
        new RolePolicy(scope.name(name), RolePolicyArgs.builder()
                .role(role.id())
                .policy(wiring.arns().applyValue(a -> PipelinePolicies.embulkTask(a, zone, rawNames).toJson()))
                .build(), scope.options());
        return role;
    }

    private static TaskDefinition taskDefinition(Scope scope, String family, DataPipelineTask task,
                                                 Role executionRole, Role taskRole, Output<String> containers) {
        return new TaskDefinition(family, TaskDefinitionArgs.builder()
                .family(family)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(task.cpu()))
                .memory(String.valueOf(task.memory()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX")
                        .cpuArchitecture(task.architecture() == CpuArchitecture.ARM64 ? "ARM64" : "X86_64")
                        .build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .volumes(TaskDefinitionVolumeArgs.builder().name("tmp").build())
                .containerDefinitions(containers)
                .tags(scope.tags(family))
                .build(), scope.options());
    }

    /** The S3 key the container reads for one table and zone. */
    public static String configKey(ExportZone zone, String table) {
        return PipelinePolicies.CONFIG_PREFIX + zone.prefix() + "/" + table + ".yml.liquid";
    }

    private static void configObject(Scope scope, Props props, CatalogTable table, ExportZone zone,
                                     java.util.function.Function<SourceDatabase, String> generator) {
        Wiring wiring = props.wiring();
        String name = scope.name("embulk-config-" + zone.prefix() + "-" + table.name());
        Output<String> content = wiring.readerEndpoint().applyValue(host -> generator.apply(
                new SourceDatabase(host, props.databasePort(), props.databaseName())));
        Map<String, String> tags = new LinkedHashMap<>(scope.tags(name));
        tags.put("DataZone", zone.prefix());
        tags.put("ExportTable", table.name());
        new BucketObjectv2(name, BucketObjectv2Args.builder()
                .bucket(wiring.masked().bucket())
                .key(configKey(zone, table.name()))
                .content(content)
                .contentType("application/yaml")
                .metadata(Map.of("data-zone", zone.prefix(), "export-table", table.name()))
                .tags(tags)
                .build(), scope.options());
    }

    private static Secret secret(Scope scope, PipelineStack stack, String path, String description,
                                 Output<String> kmsKeyArn) {
        String name = stack.namePrefix() + "/" + path;
        return new Secret(scope.name(path.replace('/', '-')), SecretArgs.builder()
                .name(name)
                .description(description)
                .kmsKeyId(kmsKeyArn)
                .recoveryWindowInDays(stack.secretRecoveryDays())
                .tags(scope.tags(name))
                .build(), scope.options());
    }

    private static void secretPolicy(Scope scope, String path, Secret secret, String readerRoleArn) {
        new SecretPolicy(scope.name(path.replace('/', '-')), SecretPolicyArgs.builder()
                .secretArn(secret.arn())
                .policy(PipelinePolicies.secretReadersOnly(List.of(readerRoleArn)).toJson())
                .blockPublicPolicy(true)
                .build(), scope.options());
    }

    private static Role role(Scope scope, String suffix, String description) {
        String name = scope.name(suffix);
        return ServiceRoles.create(scope, name, "ecs-tasks.amazonaws.com", description);
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** The tasks' awslogs group; the failure message links each failed task's stream in it. */
    public String logGroupName() {
        return logGroupName;
    }

    public Role taskRole() {
        return taskRole;
    }

    public Role executionRole() {
        return executionRole;
    }

    /** The families the state machine may run: masked, then raw where the stack exports raw tables. */
    public List<Output<String>> families() {
        return rawTaskDefinition == null ? List.of(taskDefinition.family())
                : List.of(taskDefinition.family(), rawTaskDefinition.family());
    }

    /** Every role the export task definitions name, which the state machine passes to ECS. */
    public List<Output<String>> roleArns() {
        List<Output<String>> arns = new java.util.ArrayList<>(List.of(taskRole.arn(), executionRole.arn()));
        if (rawTaskDefinition != null) {
            arns.add(rawTaskRole.arn());
            arns.add(rawExecutionRole.arn());
        }
        return arns;
    }

    /** Secret name → ARN, for operators to fill once. */
    public Map<String, Output<String>> secretsToFill() {
        Map<String, Output<String>> secrets = new LinkedHashMap<>();
        secrets.put("etl/database", databaseCredentials.arn());
        secrets.put("etl/pseudonym-key", pseudonymKey.arn());
        if (rawDatabaseCredentials != null) {
            secrets.put("etl/database-raw", rawDatabaseCredentials.arn());
        }
        return secrets;
    }
}
