package jp.twozeroseven.infra.synth.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inputs whose change makes the AWS provider replace the resource (delete and create, or create and delete)
 * instead of updating it in place. com.pulumi:aws 6.83.0 bridges hashicorp/terraform-provider-aws (pulumi-aws
 * v6.83.0, built 2025-06-16, follows pulumi/pulumi-aws#5576, which shipped upstream v5.99.0 on 2025-06-03; the v6
 * line of the provider pins it as the {@code upstream} submodule of provider/go.mod's {@code replace
 * github.com/hashicorp/terraform-provider-aws => ../upstream}). Each entry below was read attribute by attribute
 * from the resource's schema ({@code ForceNew: true}) in {@code internal/service/<svc>/<resource>.go}.
 *
 * <p>What the citations are: the team's source index holds one stored version of each provider file, not the
 * v5.99 tag (both git mirrors, pulumi-aws and terraform-provider-aws, are over the fetch size limit), so each
 * entry names the file and the commit that was read (copies from the v4 to the v6 line; where two copies were
 * read, the S3 bucket's v4 and v5, their flags agree). An attribute the provider added after the stored copy is
 * not covered and is then reported as an update. Property names are the Pulumi
 * schema's camelCase input names (checked against the Args classes of com.pulumi:aws 6.83.0 by
 * ForceNewPropertiesTest); a nested entry such as {@code s3Import.bucketName} is a path below the input, list
 * indices ignored, and a change anywhere below a listed path replaces.
 */
public final class ForceNewProperties {

    /** One input as the provider schema marks it: {@code path} in Pulumi's names, {@code schema} in the provider's. */
    public record Attribute(String path, String schema) {
    }

    /**
     * The verified reading of one type's schema.
     *
     * @param source    the provider file and the commit of it that was read
     * @param stateful  true when a replacement loses data (rows, objects, keys, logs, catalog metadata)
     * @param forceNew  every {@code ForceNew: true} input
     * @param inPlace   inputs read as updatable in place that one might expect to replace (the tests change them)
     */
    public record Schema(String type, String source, boolean stateful, List<Attribute> forceNew,
                         List<Attribute> inPlace) {
    }

    private static Attribute at(String path, String schema) {
        return new Attribute(path, schema);
    }

    private static final List<Schema> SCHEMAS = List.of(
            // resourceCluster().Schema; storage_type is ForceNewIf the engine is not aurora* (CustomizeDiff), so an
            // Aurora cluster updates it in place. s3_import is not ForceNew itself, but each of its fields is.
            new Schema("aws:rds/cluster:Cluster", "internal/service/rds/cluster.go @ 0168cf68", true, List.of(
                    at("availabilityZones", "availability_zones"), at("clusterIdentifier", "cluster_identifier"),
                    at("clusterIdentifierPrefix", "cluster_identifier_prefix"),
                    at("clusterScalabilityType", "cluster_scalability_type"), at("databaseName", "database_name"),
                    at("dbSubnetGroupName", "db_subnet_group_name"), at("dbSystemId", "db_system_id"),
                    at("engine", "engine"), at("engineMode", "engine_mode"), at("kmsKeyId", "kms_key_id"),
                    at("masterUsername", "master_username"), at("restoreToPointInTime", "restore_to_point_in_time"),
                    at("s3Import.bucketName", "s3_import.bucket_name"),
                    at("s3Import.bucketPrefix", "s3_import.bucket_prefix"),
                    at("s3Import.ingestionRole", "s3_import.ingestion_role"),
                    at("s3Import.sourceEngine", "s3_import.source_engine"),
                    at("s3Import.sourceEngineVersion", "s3_import.source_engine_version"),
                    at("snapshotIdentifier", "snapshot_identifier"), at("sourceRegion", "source_region"),
                    at("storageEncrypted", "storage_encrypted")),
                    List.of(at("engineVersion", "engine_version"), at("storageType", "storage_type"),
                            at("backupRetentionPeriod", "backup_retention_period"))),
            // resourceClusterInstance().Schema
            new Schema("aws:rds/clusterInstance:ClusterInstance", "internal/service/rds/cluster_instance.go @ 01606926",
                    true, List.of(at("availabilityZone", "availability_zone"),
                    at("clusterIdentifier", "cluster_identifier"),
                    at("customIamInstanceProfile", "custom_iam_instance_profile"),
                    at("dbSubnetGroupName", "db_subnet_group_name"), at("engine", "engine"),
                    at("identifier", "identifier"), at("identifierPrefix", "identifier_prefix")),
                    List.of(at("instanceClass", "instance_class"), at("engineVersion", "engine_version"))),
            // ResourceBucket().Schema (aws_s3_bucket, Pulumi's BucketV2): the aws-sdk-go-v2 (v5) copy of the index;
            // bucket and bucket_prefix also at 0070bcd1 (v4). object_lock_configuration is deprecated, but its
            // object_lock_enabled is ForceNew.
            new Schema("aws:s3/bucketV2:BucketV2", "internal/service/s3/bucket.go (v5 copy; and @ 0070bcd1)", true,
                    List.of(at("bucket", "bucket"), at("bucketPrefix", "bucket_prefix"),
                            at("objectLockEnabled", "object_lock_enabled"),
                            at("objectLockConfiguration.objectLockEnabled",
                                    "object_lock_configuration.object_lock_enabled")),
                    List.of(at("forceDestroy", "force_destroy"))),
            // resourceKey().Schema
            new Schema("aws:kms/key:Key", "internal/service/kms/key.go @ 00a35305", true, List.of(
                    at("customKeyStoreId", "custom_key_store_id"),
                    at("customerMasterKeySpec", "customer_master_key_spec"), at("keyUsage", "key_usage"),
                    at("multiRegion", "multi_region"), at("xksKeyId", "xks_key_id")),
                    List.of(at("description", "description"), at("enableKeyRotation", "enable_key_rotation"),
                            at("policy", "policy"))),
            // ResourceRepository().Schema: encryption_configuration is ForceNew as a whole.
            new Schema("aws:ecr/repository:Repository", "internal/service/ecr/repository.go @ 0072eea2", true,
                    List.of(at("name", "name"), at("encryptionConfigurations", "encryption_configuration")),
                    List.of(at("imageTagMutability", "image_tag_mutability"),
                            at("imageScanningConfiguration", "image_scanning_configuration"))),
            // ResourceTable().Schema
            new Schema("aws:dynamodb/table:Table", "internal/service/dynamodb/table.go @ 01335dd3", true, List.of(
                    at("name", "name"), at("hashKey", "hash_key"), at("rangeKey", "range_key"),
                    at("localSecondaryIndexes", "local_secondary_index"),
                    at("restoreSourceName", "restore_source_name"),
                    at("restoreToLatestTime", "restore_to_latest_time"),
                    at("restoreDateTime", "restore_date_time")),
                    List.of(at("billingMode", "billing_mode"), at("globalSecondaryIndexes", "global_secondary_index"))),
            // resourceSecret().Schema: kms_key_id is updated with UpdateSecret.
            new Schema("aws:secretsmanager/secret:Secret", "internal/service/secretsmanager/secret.go @ 00c21ced",
                    true, List.of(at("name", "name"), at("namePrefix", "name_prefix")),
                    List.of(at("kmsKeyId", "kms_key_id"), at("description", "description"))),
            // resourceGroup().Schema: kms_key_id is (dis)associated in place.
            new Schema("aws:cloudwatch/logGroup:LogGroup", "internal/service/logs/group.go @ 0073593e", true,
                    List.of(at("name", "name"), at("namePrefix", "name_prefix"),
                            at("logGroupClass", "log_group_class")),
                    List.of(at("retentionInDays", "retention_in_days"), at("kmsKeyId", "kms_key_id"))),
            // ResourceCatalogDatabase().Schema
            new Schema("aws:glue/catalogDatabase:CatalogDatabase", "internal/service/glue/catalog_database.go @ 0075c786",
                    true, List.of(at("catalogId", "catalog_id"), at("name", "name"),
                    at("targetDatabase", "target_database")),
                    List.of(at("description", "description"), at("locationUri", "location_uri"))),
            // resourceCatalogTable().SchemaFunc: partition_keys is updatable; partition_index is ForceNew.
            new Schema("aws:glue/catalogTable:CatalogTable", "internal/service/glue/catalog_table.go @ 004debd4", true,
                    List.of(at("catalogId", "catalog_id"), at("databaseName", "database_name"), at("name", "name"),
                            at("partitionIndices", "partition_index"),
                            at("openTableFormatInput.icebergInput.metadataOperation",
                                    "open_table_format_input.iceberg_input.metadata_operation"),
                            at("openTableFormatInput.icebergInput.version",
                                    "open_table_format_input.iceberg_input.version")),
                    List.of(at("partitionKeys", "partition_keys"), at("storageDescriptor", "storage_descriptor"),
                            at("parameters", "parameters"))),
            // ResourceTaskDefinition().Schema: every registered field is ForceNew (a change is a new revision).
            new Schema("aws:ecs/taskDefinition:TaskDefinition", "internal/service/ecs/task_definition.go @ 04fc21d5",
                    false, List.of(at("containerDefinitions", "container_definitions"), at("cpu", "cpu"),
                    at("ephemeralStorage", "ephemeral_storage"), at("executionRoleArn", "execution_role_arn"),
                    at("family", "family"), at("inferenceAccelerators", "inference_accelerator"),
                    at("ipcMode", "ipc_mode"), at("memory", "memory"), at("networkMode", "network_mode"),
                    at("pidMode", "pid_mode"), at("placementConstraints", "placement_constraints"),
                    at("proxyConfiguration", "proxy_configuration"),
                    at("requiresCompatibilities", "requires_compatibilities"),
                    at("runtimePlatform", "runtime_platform"), at("taskRoleArn", "task_role_arn"),
                    at("volumes", "volume")),
                    List.of(at("skipDestroy", "skip_destroy"))),
            // resourceTargetGroup().Schema
            new Schema("aws:lb/targetGroup:TargetGroup", "internal/service/elbv2/target_group.go @ 013cfb4c", false,
                    List.of(at("ipAddressType", "ip_address_type"), at("name", "name"),
                            at("namePrefix", "name_prefix"), at("port", "port"), at("protocol", "protocol"),
                            at("protocolVersion", "protocol_version"), at("targetType", "target_type"),
                            at("vpcId", "vpc_id")),
                    List.of(at("deregistrationDelay", "deregistration_delay"), at("healthCheck", "health_check"))),
            // resourceListenerRule().Schema: priority is explicitly ForceNew: false (SetRulePriorities).
            new Schema("aws:lb/listenerRule:ListenerRule", "internal/service/elbv2/listener_rule.go @ 032c4f07", false,
                    List.of(at("listenerArn", "listener_arn")),
                    List.of(at("priority", "priority"), at("conditions", "condition"), at("actions", "action"))),
            // resourceSecurityGroup().Schema: the inline ingress/egress sets are updated rule by rule.
            new Schema("aws:ec2/securityGroup:SecurityGroup", "internal/service/ec2/vpc_security_group.go @ 01606926",
                    false, List.of(at("description", "description"), at("name", "name"),
                    at("namePrefix", "name_prefix"), at("vpcId", "vpc_id")),
                    List.of(at("ingress", "ingress"), at("revokeRulesOnDelete", "revoke_rules_on_delete"))),
            // ResourceRole().Schema
            new Schema("aws:iam/role:Role", "internal/service/iam/role.go @ 0040ea69", false,
                    List.of(at("name", "name"), at("namePrefix", "name_prefix"), at("path", "path")),
                    List.of(at("assumeRolePolicy", "assume_role_policy"),
                            at("maxSessionDuration", "max_session_duration"))));

    private static final Map<String, Schema> BY_TYPE = SCHEMAS.stream()
            .collect(Collectors.toMap(Schema::type, s -> s, (a, b) -> a, LinkedHashMap::new));

    private ForceNewProperties() {
    }

    public static List<Schema> schemas() {
        return SCHEMAS;
    }

    public static Optional<Schema> schema(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Whether a change at {@code path} (an input, or a path below it) replaces a {@code type}. */
    public static boolean forcesReplacement(String type, String path) {
        Schema schema = BY_TYPE.get(type);
        if (schema == null) {
            return false;
        }
        String changed = normalized(path);
        return schema.forceNew().stream().anyMatch(a -> changed.equals(a.path())
                || changed.startsWith(a.path() + "."));
    }

    /** The types whose replacement loses data. */
    public static Set<String> stateful() {
        return SCHEMAS.stream().filter(Schema::stateful).map(Schema::type)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** {@code a.b[0].c (unknown until apply)} becomes {@code a.b.c}. */
    static String normalized(String path) {
        int note = path.indexOf(" (");
        String bare = note < 0 ? path : path.substring(0, note);
        return bare.replaceAll("\\[\\d+]", "");
    }
}
