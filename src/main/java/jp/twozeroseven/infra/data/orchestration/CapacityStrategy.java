package jp.twozeroseven.infra.data.orchestration;

/**
 * Capacity provider strategy of the first RunTask attempt. Fargate Spot is ~70% cheaper and an ETL of one table
 * can simply run again; FARGATE (on-demand) is the fallback state's only provider. Fargate Spot runs only X86_64
 * Linux tasks (ECS developer guide, "AWS Fargate capacity providers"), so an ARM64 task uses {@link #onDemandOnly()}.
 *
 * @param spotWeight     weight of FARGATE_SPOT (0 = no Spot attempt at all: the item starts on on-demand)
 * @param onDemandWeight weight of FARGATE next to spot (0 = spot only)
 * @param onDemandBase   tasks per RunTask call placed on FARGATE first; each table is its own RunTask call with one
 *                       task, so any base > 0 would put EVERY table on on-demand; it is therefore refused
 */
public record CapacityStrategy(int spotWeight, int onDemandWeight, int onDemandBase) {

    public CapacityStrategy {
        if (spotWeight < 0 || spotWeight > 1000) {
            throw new IllegalArgumentException("FARGATE_SPOT weight " + spotWeight + " must be 0..1000");
        }
        if (onDemandWeight < 0 || onDemandWeight > 1000) {
            throw new IllegalArgumentException("FARGATE weight " + onDemandWeight + " must be 0..1000");
        }
        if (spotWeight == 0 && onDemandWeight == 0) {
            throw new IllegalArgumentException("FARGATE_SPOT and FARGATE weights are both 0; no task could be placed");
        }
        if (onDemandBase != 0) {
            throw new IllegalArgumentException("FARGATE base " + onDemandBase + " would place every single-table task on "
                    + "on-demand (each RunTask starts one task); use base 0 and rely on the on-demand fallback state");
        }
    }

    public static CapacityStrategy spotFirst() {
        return new CapacityStrategy(1, 0, 0);
    }

    public static CapacityStrategy onDemandOnly() {
        return new CapacityStrategy(0, 1, 0);
    }

    public boolean usesSpot() {
        return spotWeight > 0;
    }
}
