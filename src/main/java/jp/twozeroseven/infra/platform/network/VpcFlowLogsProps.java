package jp.twozeroseven.infra.platform.network;

/**
 * What {@link VpcFlowLogs} builds: ALL traffic of the VPC to one CloudWatch Logs group.
 *
 * @param retentionDays          days CloudWatch Logs keeps the records; one of the values CloudWatch accepts.
 *                               Stack config {@code logRetentionDays}, like every log group of the stack
 * @param maxAggregationSeconds  the longest a flow is aggregated before a record is written: 60 or 600 (VPC User
 *                               Guide, "Flow log records", aggregation interval); @default {@link #DEFAULT_AGGREGATION}
 */
public record VpcFlowLogsProps(int retentionDays, int maxAggregationSeconds) {

    /** One minute: a rejected connection shows within a minute, at the price of more records. */
    public static final int DEFAULT_AGGREGATION = 60;

    public VpcFlowLogsProps {
        if (retentionDays <= 0) {
            throw new IllegalArgumentException("flow log retention must be a positive number of days: " + retentionDays);
        }
        if (maxAggregationSeconds != 60 && maxAggregationSeconds != 600) {
            throw new IllegalArgumentException("flow log aggregation must be 60 or 600 seconds: " + maxAggregationSeconds);
        }
    }

    /** @param retentionDays the stack's log retention */
    public static VpcFlowLogsProps retainedFor(int retentionDays) {
        return new VpcFlowLogsProps(retentionDays, DEFAULT_AGGREGATION);
    }
}
