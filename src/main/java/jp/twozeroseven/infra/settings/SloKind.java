package jp.twozeroseven.infra.settings;

/**
 * What an SLO measures, and so which events it counts and which alerts watch it (docs/slo.md, "The SLO list").
 * The stack file spells them in lower case: {@code success}, {@code latency}, {@code availability}.
 */
public enum SloKind {
    /** Users' web requests (APM) without a server error (5xx). Burn-rate alerts. */
    SUCCESS,
    /** Users' web requests (APM) faster than the SLO's {@code latencyThresholdMs}. Burn-rate alerts. */
    LATENCY,
    /**
     * Synthetic checks of the service's public URL that succeeded. Paged on a full outage instead of burn rates:
     * two checks a minute are too few events for a 1-hour window (two failed checks in an hour would page at 99.9 %).
     */
    AVAILABILITY;

    /** The spelling in the stack file. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the SLI is over the APM application's transactions (else over synthetic checks). */
    public boolean onApm() {
        return this != AVAILABILITY;
    }
}
