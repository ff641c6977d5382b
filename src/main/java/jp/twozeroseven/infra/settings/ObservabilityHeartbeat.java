package jp.twozeroseven.infra.settings;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The nightly data pipeline's heartbeat: it starts at {@code runStarts} and must report a successful run by
 * {@code deadline}, both Asia/Tokyo.
 */
public record ObservabilityHeartbeat(LocalTime runStarts, LocalTime deadline) {

    /** How long a run may take, start to deadline; crosses midnight when the deadline is earlier in the day. */
    public Duration runWindow() {
        Duration d = Duration.between(runStarts, deadline);
        return d.isNegative() || d.isZero() ? d.plusHours(24) : d;
    }
}
