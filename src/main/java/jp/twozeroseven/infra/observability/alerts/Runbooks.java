package jp.twozeroseven.infra.observability.alerts;

import java.util.Locale;

/**
 * The runbooks under docs/runbooks/ that conditions link to, one file each, named by the constant in lower case with
 * {@code -} for {@code _} ({@code SLO_BURN_RATE} is {@code slo-burn-rate.md}); a test checks each file exists.
 */
public enum Runbooks {
    SLO_BURN_RATE,
    ERROR_RATE,
    P95_LATENCY,
    THROUGHPUT_DROP,
    LOSS_OF_SIGNAL,
    DATA_PIPELINE_HEARTBEAT,
    OUTSIDE_IN_OUTAGE;

    /** The runbook's file name under docs/runbooks/, without ".md". */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
