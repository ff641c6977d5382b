package jp.twozeroseven.infra.settings;

import jp.twozeroseven.infra.catalog.Catalog;

import java.time.LocalTime;

/**
 * The nightly export and the access around it.
 *
 * @param catalogPath       the table catalog file as configured (already loaded and validated into {@code catalog})
 * @param nightlyAt         start time of the export, Asia/Tokyo
 * @param maxConcurrency    tables exported at once (each is one Aurora connection on the reader)
 * @param resultExpiryDays  Athena query results are deleted after this many days
 * @param redashHostRoleArn the role of the Redash host, trusted by every audience role
 */
public record DataPipelineSettings(String catalogPath, Catalog catalog, LocalTime nightlyAt, int maxConcurrency,
                                   DataPipelineTask task, int resultExpiryDays, String redashHostRoleArn,
                                   AccessMatrix access) {

    public static final String TIME_ZONE = "Asia/Tokyo";
}
