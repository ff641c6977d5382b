package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.settings.forecast.NightForecast;
import jp.twozeroseven.infra.settings.forecast.TablePlan;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.DataPipelineTask;
import jp.twozeroseven.infra.settings.EtlCapacity;

/**
 * The cost of one normal night of the export, from the forecast: task-hours on Fargate Spot (or on-demand), the
 * ephemeral storage above 20 GiB, Step Functions state transitions and S3 requests.
 *
 * @param onDemandUsd the same night if every task fell back to on-demand (all Spot lost)
 */
public record EtlCost(double taskHours, double computeUsd, double onDemandUsd, double storageUsd, long transitions,
                      double transitionsUsd, long getRequests, long putRequests, double requestsUsd) {

    /** Entered once per execution: lock, its Choice, input, Map, Summarize, CountOutcomes, summary, heartbeat (2), outcome, end. */
    static final long TRANSITIONS_PER_EXECUTION = 11;
    /** A table that succeeds first time: RunOnSpot (or RunOnDemand) and MarkSucceeded, plus the iteration itself. */
    static final long TRANSITIONS_PER_TABLE = 3;
    /** Per table: its config, the raw config's 404 and its watermark. */
    static final long GETS_PER_TABLE = 3;
    /** Per table: the watermark diff; the Parquet file is one PUT, or one per 5 MiB part above 16 MiB (multipart). */
    static final long STATE_PUTS_PER_TABLE = 1;
    static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    static final long PART_BYTES = 5L * 1024 * 1024;
    /** Fargate includes 20 GiB of ephemeral storage in the task price. */
    static final int INCLUDED_STORAGE_GIB = 20;

    public static EtlCost of(NightForecast forecast, DataPipelineTask task, PriceTable prices,
                             java.util.function.ToIntFunction<String> rowBytes) {
        PriceTable.EtlPrices etl = prices.etl().orElseThrow(() -> PriceTable.problem("pricing/" + prices.region()
                + ".yaml", "etl", null, "the nightly ETL needs its prices: add the etl section like pricing/ap-northeast-1.yaml"));
        double vcpu = task.cpu() / 1024.0;
        double gb = task.memory() / 1024.0;
        PriceTable.FargateRate onDemand = prices.fargate().get(task.architecture());
        PriceTable.FargateRate first = task.capacity() == EtlCapacity.SPOT_FIRST && task.architecture() == CpuArchitecture.X86_64
                ? etl.spotX86() : onDemand;
        double hours = 0;
        double storage = 0;
        long puts = 0;
        for (TablePlan plan : forecast.tables()) {
            double h = plan.nightlySeconds() / 3600.0;
            hours += h;
            storage += Math.max(0, plan.ephemeralStorageGiB() - INCLUDED_STORAGE_GIB) * h * etl.ephemeralStorageGbHour();
            long bytes = plan.nightlyRows() * rowBytes.applyAsInt(plan.table());
            puts += STATE_PUTS_PER_TABLE + (bytes > MULTIPART_THRESHOLD ? (bytes + PART_BYTES - 1) / PART_BYTES + 1 : 1);
        }
        long tables = forecast.tables().size();
        long transitions = TRANSITIONS_PER_EXECUTION + TRANSITIONS_PER_TABLE * tables;
        long gets = GETS_PER_TABLE * tables;
        return new EtlCost(hours, hours * (vcpu * first.vcpuHour() + gb * first.gbHour()),
                hours * (vcpu * onDemand.vcpuHour() + gb * onDemand.gbHour()), storage, transitions,
                transitions * etl.stepFunctionsPerThousand() / 1000.0, gets, puts,
                gets * etl.s3GetPerThousand() / 1000.0 + puts * etl.s3PutPerThousand() / 1000.0);
    }

    public double nightUsd() {
        return computeUsd + storageUsd + transitionsUsd + requestsUsd;
    }

    public double worstNightUsd() {
        return onDemandUsd + storageUsd + transitionsUsd + requestsUsd;
    }
}
