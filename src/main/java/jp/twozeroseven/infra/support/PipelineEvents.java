package jp.twozeroseven.infra.support;

import java.time.Duration;

/**
 * The custom New Relic events the data pipeline posts to the Event API and the alerts read, named once for both
 * sides (the state machines in data.orchestration, the NRQL in observability.alerts).
 */
public final class PipelineEvents {

    /** Posted by the ETL state machine when a night's run went through to the end. */
    public static final String RUN_SUCCEEDED = jp.twozeroseven.infra.contracts.SharedContracts.ETL_RUN_SUCCEEDED_EVENT;
    /** Posted by the heartbeat checker on every {@link #CHECK_EVERY}: the heartbeat condition's only input. */
    public static final String HEARTBEAT_CHECK = jp.twozeroseven.infra.contracts.SharedContracts.ETL_HEARTBEAT_CHECK_EVENT;
    /** Both events carry the Pulumi stack; the NRQL filters on it. */
    public static final String STACK = "stack";
    /** 1 when the night being checked has reached its deadline and the ETL state machine existed at its start. */
    public static final String PAST_DEADLINE = "pastDeadline";
    /** 1 when an ETL execution that started at or after that night's scheduled start has SUCCEEDED. */
    public static final String SUCCEEDED_SINCE_START = "succeededSinceStart";
    /** The checker's cadence, and so the heartbeat condition's aggregation window: one check per window. */
    public static final Duration CHECK_EVERY = Duration.ofMinutes(15);

    private PipelineEvents() {
    }
}
