package jp.twozeroseven.infra.settings.forecast;

/**
 * What one table's task needs, derived from its size hint.
 *
 * @param nightlyRows         rows a normal night reads: the daily delta of an incremental table, all rows otherwise
 * @param nightlySeconds      forecast duration of that task, start-up included
 * @param firstNightRows      rows the table's first task reads (the first catch-up window of a big incremental table)
 * @param firstNightSeconds   forecast duration of that first task
 * @param catchUpWindow       0 when one task reads the whole table; otherwise the most one run reads past the first
 *                            row after its watermark, in the incremental column's unit: days for a timestamp column,
 *                            id values for an integer column (the container's {@code EXPORT_CATCH_UP_WINDOW}; the
 *                            bound in the query: ExportQueries.catchUpBound)
 * @param catchUpNights       nights the first export takes with that window (1 without one)
 * @param ephemeralStorageGiB Fargate ephemeral storage for the larger of the two tasks, 21..200
 */
public record TablePlan(String table, boolean incremental, long nightlyRows, long nightlySeconds, long firstNightRows,
                        long firstNightSeconds, long catchUpWindow, String catchUpUnit, long catchUpNights,
                        int ephemeralStorageGiB) {
}
