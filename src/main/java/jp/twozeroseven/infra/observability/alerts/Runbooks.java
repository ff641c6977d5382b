package jp.twozeroseven.infra.observability.alerts;

import java.util.List;

/** The runbooks under docs/runbooks/ that conditions link to; a test checks each file exists. */
public final class Runbooks {

    public static final String SLO_BURN_RATE = "slo-burn-rate";
    public static final String ERROR_RATE = "error-rate";
    public static final String P95_LATENCY = "p95-latency";
    public static final String THROUGHPUT_DROP = "throughput-drop";
    public static final String LOSS_OF_SIGNAL = "loss-of-signal";
    public static final String DATA_PIPELINE_HEARTBEAT = "data-pipeline-heartbeat";
    public static final String OUTSIDE_IN_OUTAGE = "outside-in-outage";

    private Runbooks() {
    }

    public static List<String> all() {
        return List.of(SLO_BURN_RATE, ERROR_RATE, P95_LATENCY, THROUGHPUT_DROP, LOSS_OF_SIGNAL, DATA_PIPELINE_HEARTBEAT,
                OUTSIDE_IN_OUTAGE);
    }
}
