package jp.twozeroseven.infra.settings;

/**
 * Aurora PostgreSQL.
 *
 * @param instances                         writer plus readers; 3 spreads them over the Tokyo AZs
 * @param backupWindow                      UTC {@code hh24:mi-hh24:mi}, must not overlap the maintenance window
 * @param maintenanceWindow                 UTC {@code ddd:hh24:mi-ddd:hh24:mi}
 * @param performanceInsightsRetentionDays 7 (free) or a multiple of 31 up to 731
 */
public record DatabaseSettings(String engineVersion, String instanceClass, int instances, String databaseName,
                               String masterUsername, int backupRetentionDays, String backupWindow,
                               String maintenanceWindow, int performanceInsightsRetentionDays) {
}
