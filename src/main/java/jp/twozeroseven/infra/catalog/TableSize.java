package jp.twozeroseven.infra.catalog;

import java.util.OptionalLong;

/**
 * How big a table is, as the catalog's {@code size:} hint says: enough to size each task's disk and timeout, split a
 * first run that would not fit one task, and forecast the night. Hints are estimates from {@code pg_class.reltuples}
 * and {@code pg_total_relation_size}; review them when a table grows by half.
 *
 * @param rows        rows in the table today (a full export reads all of them every night; an incremental table's
 *                    first run does too)
 * @param rowBytes    average bytes per exported row as Embulk holds it (roughly {@code pg_total_relation_size / rows})
 * @param dailyRows   rows inserted or updated per day: what an incremental night reads; empty for a full export
 * @param historyDays days between the oldest and the newest value of a temporal incremental column; the first run
 *                    of a table too big for one task is split into windows of that column, so it needs this
 */
public record TableSize(long rows, int rowBytes, OptionalLong dailyRows, OptionalLong historyDays) {

    public TableSize {
        if (rows < 0 || rowBytes < 1) {
            throw new IllegalArgumentException("table size " + rows + " rows x " + rowBytes + " bytes is not a size");
        }
    }

    /** Bytes of one full read. */
    public long bytes() {
        return rows * rowBytes;
    }
}
