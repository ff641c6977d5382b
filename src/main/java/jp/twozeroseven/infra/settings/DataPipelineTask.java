package jp.twozeroseven.infra.settings;

/**
 * The Embulk Fargate task: one JVM exporting one table.
 *
 * @param timeoutMinutes how long one table's task may run before Step Functions stops it and reports the table as
 *                       failed; without it a hung export holds the whole nightly run open (default 240)
 * @param capacity       Spot first with an on-demand fallback, or on-demand only
 * @param rowsPerSecond  rows one task reads, masks and writes per second: the throughput the forecast and the
 *                       first-run windows assume (docs/data-pipeline.md, "Forecast of the night")
 */
public record DataPipelineTask(int cpu, int memory, CpuArchitecture architecture, int timeoutMinutes,
                               EtlCapacity capacity, int rowsPerSecond) {

    public static final int DEFAULT_TIMEOUT_MINUTES = 240;
    public static final int DEFAULT_ROWS_PER_SECOND = 5_000;

    public int timeoutSeconds() {
        return timeoutMinutes * 60;
    }
}
