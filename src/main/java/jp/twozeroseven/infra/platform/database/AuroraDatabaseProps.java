package jp.twozeroseven.infra.platform.database;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.List;

/**
 * What {@link AuroraDatabase} builds. Whether the cluster has deletion protection, takes a final snapshot and is
 * protected and retained in Pulumi follows {@link Scope#protectsStateful()} (production). Stack config keys are
 * under {@code database.*} (docs/database.md).
 *
 * @param scope                            provider, naming and tags of the children
 * @param subnetIds                        the private subnets of the DB subnet group, one per zone
 * @param securityGroupId                  the database security group (ingress from the services and the ETL)
 * @param kmsKeyArn                        the database key: storage, the RDS-managed master secret and Performance
 *                                         Insights
 * @param availabilityZones                the zones instance i is placed in, round robin ({@code network.availabilityZones})
 * @param engineVersion                    the Aurora PostgreSQL version, e.g. {@code 16.4}; its major names the
 *                                         parameter group family. Minor upgrades are left to AWS (ignoreChanges)
 * @param instanceClass                    e.g. {@code db.r7g.large}
 * @param instances                        writer plus readers, at least 1; 3 spreads them over the Tokyo zones
 * @param databaseName                     the initial database
 * @param masterUsername                   the master user; its password is managed by RDS in Secrets Manager
 * @param backupRetentionDays              automated backups, 1 to 35 days
 * @param backupWindow                     UTC {@code hh24:mi-hh24:mi}, not overlapping the maintenance window
 * @param maintenanceWindow                UTC {@code ddd:hh24:mi-ddd:hh24:mi}
 * @param performanceInsightsRetentionDays 7 (free) or a multiple of 31 up to 731
 * @param logRetentionDays                 days the exported postgresql log is kept in CloudWatch Logs
 *                                         ({@code logRetentionDays}, like every log group of the stack)
 */
public record AuroraDatabaseProps(Scope scope, Output<List<String>> subnetIds, Output<String> securityGroupId,
                                  Output<String> kmsKeyArn, List<String> availabilityZones, String engineVersion,
                                  String instanceClass, int instances, String databaseName, String masterUsername,
                                  int backupRetentionDays, String backupWindow, String maintenanceWindow,
                                  int performanceInsightsRetentionDays, int logRetentionDays) {

    public AuroraDatabaseProps {
        Required.components(AuroraDatabaseProps.class, scope, subnetIds, securityGroupId, kmsKeyArn, availabilityZones,
                engineVersion, instanceClass, instances, databaseName, masterUsername, backupRetentionDays,
                backupWindow, maintenanceWindow, performanceInsightsRetentionDays, logRetentionDays);
        availabilityZones = List.copyOf(availabilityZones);
        if (availabilityZones.isEmpty()) {
            throw new IllegalArgumentException("the database needs at least one availability zone");
        }
        if (instances < 1) {
            throw new IllegalArgumentException("an Aurora cluster needs at least one instance (the writer): " + instances);
        }
    }
}
