package jp.twozeroseven.infra.data.orchestration;

/**
 * Capacity provider strategy of the first RunTask attempt. Fargate Spot is ~70% cheaper and an ETL of one table
 * can simply run again; FARGATE (on-demand) is the fallback state's only provider.
 *
 * @param spotWeight     weight of FARGATE_SPOT (>= 1)
 * @param onDemandWeight weight of FARGATE next to spot (0 = spot only)
 * @param onDemandBase   tasks per RunTask call placed on FARGATE first; each table is its own RunTask call with one
 *                       task, so any base > 0 would put EVERY table on on-demand; it is therefore refused
 */
public record CapacityStrategy(int spotWeight, int onDemandWeight, int onDemandBase) {

    public CapacityStrategy {
        if (spotWeight < 1 || spotWeight > 1000) {
            throw new IllegalArgumentException("FARGATE_SPOT weight " + spotWeight + " must be 1..1000");
        }
        if (onDemandWeight < 0 || onDemandWeight > 1000) {
            throw new IllegalArgumentException("FARGATE weight " + onDemandWeight + " must be 0..1000");
        }
        if (onDemandBase != 0) {
            throw new IllegalArgumentException("FARGATE base " + onDemandBase + " would place every single-table task on "
                    + "on-demand (each RunTask starts one task); use base 0 and rely on the on-demand fallback state");
        }
    }

    public static CapacityStrategy spotFirst() {
        return new CapacityStrategy(1, 0, 0);
    }
}
