package jp.twozeroseven.infra.observability.slo;

import java.util.Optional;

/**
 * The {@code events} of a New Relic ServiceLevel: all valid events, plus either the good or the bad
 * ones (exactly one of them, which is what the SLI then counts).
 */
public record SliEvents(EventQuery valid, Optional<EventQuery> good, Optional<EventQuery> bad) {

    public SliEvents {
        if (good.isPresent() == bad.isPresent()) {
            throw new IllegalArgumentException("An SLI counts either good or bad events, not both or neither.");
        }
    }

    /** Whether newrelic.sli.bad (true) or newrelic.sli.good (false) carries the signal. */
    public boolean countsBadEvents() {
        return bad.isPresent();
    }
}
