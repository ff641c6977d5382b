package jp.twozeroseven.infra.observability.evaluation;

import java.util.OptionalLong;

/**
 * One incident of a condition, seconds from the start of the series.
 *
 * @param cause    what opened it
 * @param closedAt empty while it is still open at the end of the evaluation
 * @param closedBy why it closed, or {@code null} while open
 */
public record Incident(long openedAt, OptionalLong closedAt, Cause cause, Closure closedBy) {

    public enum Cause { THRESHOLD, LOSS_OF_SIGNAL, COMPOUND }

    public enum Closure { RECOVERED, TIME_LIMIT, SIGNAL_LOST, SIGNAL_BACK }

    public boolean openAt(long t) {
        return openedAt <= t && (closedAt.isEmpty() || t < closedAt.getAsLong());
    }

    Incident close(long at, Closure why) {
        return new Incident(openedAt, OptionalLong.of(at), cause, why);
    }

    static Incident open(long at, Cause cause) {
        return new Incident(at, OptionalLong.empty(), cause, null);
    }
}
