package jp.twozeroseven.infra.platform.database;

import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterEndpoint;
import com.pulumi.aws.rds.ClusterEndpointArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;
import java.util.Map;

/**
 * Aurora PostgreSQL: encrypted with the database key, the master password managed by RDS in Secrets Manager,
 * instances spread over the zones, and a custom READER endpoint for the data pipeline so exports never load the
 * writer and, with three or more instances, read from an instance of their own.
 */
public final class AuroraDatabase extends ComponentResource {

    public static final String TYPE = "platform207:database:AuroraDatabase";

    private final Cluster cluster;
    private final ClusterEndpoint etlEndpoint;

    /**
     * @param name    the component's name ({@code database} in the stack; part of every child's URN)
     * @param props   what to build
     * @param options the component's own options: its parent
     */
    public AuroraDatabase(String name, AuroraDatabaseProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        Output<List<String>> subnetIds = props.subnetIds();
        Output<String> securityGroupId = props.securityGroupId();
        Output<String> kmsKeyArn = props.kmsKeyArn();
        boolean production = scope.protectsStateful();
        String id = scope.name("aurora");
        var subnets = new SubnetGroup(id, SubnetGroupArgs.builder()
                .name(id).subnetIds(subnetIds).description("Private subnets for " + id)
                .tags(scope.tags(id)).build(), scope.options());
        String family = "aurora-postgresql" + props.engineVersion().split("\\.")[0];
        var parameters = new ClusterParameterGroup(id, ClusterParameterGroupArgs.builder()
                .name(id + "-" + family).family(family)
                .description("TLS only and slow-query logging for " + id)
                .parameters(List.of(
                        parameter("rds.force_ssl", "1"),
                        parameter("log_min_duration_statement", "1000"),
                        parameter("shared_preload_libraries", "pg_stat_statements")))
                .tags(scope.tags(id)).build(), scope.options());
        // Aurora exports the postgresql log to /aws/rds/cluster/<cluster>/postgresql and creates that group itself,
        // kept forever, unless it exists (RDS User Guide, "Publishing Aurora PostgreSQL logs to Amazon CloudWatch
        // Logs": the log group is created with retention "Never expire" unless you set it). So the stack owns it.
        String logName = "/aws/rds/cluster/" + id + "/postgresql";
        LogGroup postgresLog = new LogGroup(id + "-postgresql-log", LogGroupArgs.builder()
                .name(logName)
                .retentionInDays(props.logRetentionDays())
                .tags(scope.tags(logName))
                .build(), scope.options());
        cluster = new Cluster(id, ClusterArgs.builder()
                .clusterIdentifier(id)
                .engine("aurora-postgresql")
                .engineVersion(props.engineVersion())
                .databaseName(props.databaseName())
                .masterUsername(props.masterUsername())
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(kmsKeyArn)
                .storageEncrypted(true)
                .kmsKeyId(kmsKeyArn)
                .iamDatabaseAuthenticationEnabled(true)
                .backupRetentionPeriod(props.backupRetentionDays())
                .preferredBackupWindow(props.backupWindow())
                .preferredMaintenanceWindow(props.maintenanceWindow())
                .deletionProtection(production)
                .skipFinalSnapshot(!production)
                .finalSnapshotIdentifier(id + "-final")
                .copyTagsToSnapshot(true)
                .enabledCloudwatchLogsExports(List.of("postgresql"))
                .dbSubnetGroupName(subnets.name())
                .dbClusterParameterGroupName(parameters.name())
                .vpcSecurityGroupIds(securityGroupId.applyValue(List::of))
                .tags(scope.tags(id))
                .build(), CustomResourceOptions.merge(scope.statefulOptions(), CustomResourceOptions.builder()
                // AWS applies minor upgrades in the maintenance window; Pulumi must not try to downgrade
                // afterwards. A major upgrade is a planned change (docs/database.md).
                .ignoreChanges("engineVersion").dependsOn(postgresLog).build()));
        List<String> zones = props.availabilityZones();
        List<ClusterInstance> instances = new java.util.ArrayList<>();
        for (int i = 0; i < props.instances(); i++) {
            String instance = id + "-" + (i + 1);
            instances.add(new ClusterInstance(instance, ClusterInstanceArgs.builder()
                    .identifier(instance)
                    .clusterIdentifier(cluster.id())
                    .engine("aurora-postgresql")
                    .instanceClass(props.instanceClass())
                    .availabilityZone(zones.get(i % zones.size()))
                    .publiclyAccessible(false)
                    .performanceInsightsEnabled(true)
                    .performanceInsightsKmsKeyId(kmsKeyArn)
                    .performanceInsightsRetentionPeriod(props.performanceInsightsRetentionDays())
                    .autoMinorVersionUpgrade(true)
                    .promotionTier(i)
                    .dbSubnetGroupName(subnets.name())
                    .tags(scope.tags(instance))
                    .build(), scope.statefulOptions()));
        }
        etlEndpoint = etlEndpoint(scope, id, instances);
        this.registerOutputs(Map.of("endpoint", cluster.endpoint(), "readerEndpoint", cluster.readerEndpoint(),
                "etlReaderEndpoint", etlEndpoint.endpoint()));
    }

    /**
     * The ETL's own READER endpoint (RDS user guide, "Amazon Aurora endpoint connections", custom endpoints: a READER
     * endpoint contains only Aurora Replicas). With three or more instances its one static member is the last one,
     * the highest promotion tier and so the last to become writer: the night's long scans fill that instance's cache,
     * not the one the app's reads hit first. With two it is every reader (today the one replica). The app's cluster
     * reader endpoint still includes that instance; at night the app reads almost nothing.
     */
    private ClusterEndpoint etlEndpoint(Scope scope, String clusterId, List<ClusterInstance> instances) {
        String name = clusterId + "-etl";
        ClusterEndpointArgs.Builder args = ClusterEndpointArgs.builder()
                .clusterIdentifier(cluster.id())
                .clusterEndpointIdentifier(name)
                .customEndpointType("READER")
                .tags(scope.tags(name));
        if (instances.size() >= 3) {
            args.staticMembers(instances.get(instances.size() - 1).identifier().applyValue(List::of));
        }
        return new ClusterEndpoint(name, args.build(), CustomResourceOptions.merge(scope.options(),
                CustomResourceOptions.builder().dependsOn(List.copyOf(instances)).build()));
    }

    private static ClusterParameterGroupParameterArgs parameter(String name, String value) {
        return ClusterParameterGroupParameterArgs.builder().name(name).value(value).applyMethod("pending-reboot").build();
    }

    public Output<String> endpoint() {
        return cluster.endpoint();
    }

    public Output<String> readerEndpoint() {
        return cluster.readerEndpoint();
    }

    /** The data pipeline's custom READER endpoint. */
    public Output<String> etlReaderEndpoint() {
        return etlEndpoint.endpoint();
    }

    public Output<String> masterSecretArn() {
        return cluster.masterUserSecrets().applyValue(s -> s.isEmpty() ? "" : s.get(0).secretArn().orElse(""));
    }

    public Cluster cluster() {
        return cluster;
    }
}
