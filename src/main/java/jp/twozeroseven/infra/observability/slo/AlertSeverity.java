package jp.twozeroseven.infra.observability.slo;

/** Who is told: PAGE wakes the on-call engineer, TICKET waits for working hours. */
public enum AlertSeverity {
    PAGE,
    TICKET
}
