package jp.twozeroseven.infra.synth.diff;

import java.util.Map;
import java.util.Set;

/**
 * Inputs whose change makes the AWS provider replace the resource (delete and create, or create and delete)
 * instead of updating it in place, for the types that hold state. The AWS provider is bridged from
 * hashicorp/terraform-provider-aws, and its schema marks these attributes {@code ForceNew: true}:
 * <ul>
 *   <li>rds cluster: internal/service/rds/cluster.go (cluster_identifier, database_name, db_subnet_group_name,
 *       engine, engine_mode, kms_key_id, master_username, snapshot_identifier, storage_encrypted,
 *       availability_zones);</li>
 *   <li>rds cluster instance: internal/service/rds/cluster_instance.go (identifier, cluster_identifier, engine,
 *       availability_zone, db_subnet_group_name);</li>
 *   <li>s3 bucket: internal/service/s3/bucket.go (bucket, bucket_prefix, object_lock_enabled);</li>
 *   <li>kms key: internal/service/kms/key.go (customer_master_key_spec, key_usage, multi_region,
 *       custom_key_store_id, xks_key_id);</li>
 *   <li>ecr repository: internal/service/ecr/repository.go (name, encryption_configuration);</li>
 *   <li>dynamodb table: internal/service/dynamodb/table.go (name, hash_key, range_key);</li>
 *   <li>secrets manager secret: internal/service/secretsmanager/secret.go (name, name_prefix);</li>
 *   <li>log group: internal/service/logs/group.go (name, name_prefix, log_group_class).</li>
 * </ul>
 * Pulumi shows each such change as {@code replace}; on a protected resource the update fails instead. Property
 * names are the Pulumi schema's camelCase names, as in the synth JSON. A type not listed here is still diffed,
 * but its changes are reported as updates (the list covers what must never be replaced by surprise).
 */
public final class ForceNewProperties {

    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "aws:rds/cluster:Cluster", Set.of("clusterIdentifier", "clusterIdentifierPrefix", "databaseName",
                    "dbSubnetGroupName", "engine", "engineMode", "kmsKeyId", "masterUsername", "snapshotIdentifier",
                    "storageEncrypted", "availabilityZones", "s3Import", "restoreToPointInTime"),
            "aws:rds/clusterInstance:ClusterInstance", Set.of("identifier", "identifierPrefix", "clusterIdentifier",
                    "engine", "availabilityZone", "dbSubnetGroupName"),
            "aws:s3/bucketV2:BucketV2", Set.of("bucket", "bucketPrefix", "objectLockEnabled"),
            "aws:kms/key:Key", Set.of("customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId",
                    "xksKeyId"),
            "aws:ecr/repository:Repository", Set.of("name", "encryptionConfigurations"),
            "aws:dynamodb/table:Table", Set.of("name", "hashKey", "rangeKey"),
            "aws:secretsmanager/secret:Secret", Set.of("name", "namePrefix"),
            "aws:cloudwatch/logGroup:LogGroup", Set.of("name", "namePrefix", "logGroupClass"));

    private ForceNewProperties() {
    }

    /** Whether a change at {@code path} (a top-level input, or a path below it) replaces a {@code type}. */
    public static boolean forcesReplacement(String type, String path) {
        Set<String> properties = BY_TYPE.get(type);
        if (properties == null) {
            return false;
        }
        return properties.contains(topLevel(path));
    }

    public static Set<String> stateful() {
        return BY_TYPE.keySet();
    }

    static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[' || c == ' ') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
