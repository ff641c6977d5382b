package jp.twozeroseven.infra.observability.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 13's targets for burn alerts, checked on the time-to-page measurements: a full outage (100 % errors, or for
 * 20 minutes) pages within 5 minutes; 10 % errors and the burn that spends 2 % of the budget in an hour page; 1x for
 * three days tickets within a day and never pages; 0.5x for a week never alerts.
 */
public final class TimeToPageTargets {

    private static final long FIVE_MINUTES = 300;
    private static final long ONE_DAY = 86_400;

    private TimeToPageTargets() {
    }

    private static BurnProfile profile(String label) {
        return TimeToPage.PROFILES.stream().filter(p -> p.label().startsWith(label)).findFirst().orElseThrow();
    }

    /** Every target of issue 13 for one SLO; each miss names the SLO and what it missed. */
    public static List<String> misses(TimeToPage.Slo slo) {
        List<String> misses = new ArrayList<>();
        var full = TimeToPage.measure(slo, profile("100 %"));
        if (full.page().isEmpty() || full.page().getAsLong() > FIVE_MINUTES) {
            misses.add(slo.name() + ": 100 % errors page after " + TimeToPage.human(full.page()) + ", not within 5 min");
        }
        var outage = TimeToPage.measure(slo, profile("20-min"));
        if (outage.page().isEmpty() || outage.page().getAsLong() > FIVE_MINUTES) {
            misses.add(slo.name() + ": a 20-min outage pages after " + TimeToPage.human(outage.page()));
        }
        if (TimeToPage.measure(slo, profile("10 %")).page().isEmpty()) {
            misses.add(slo.name() + ": 10 % errors never page");
        }
        if (TimeToPage.measure(slo, profile("2 %")).page().isEmpty()) {
            misses.add(slo.name() + ": 2 % of the budget in an hour never pages");
        }
        var slow = TimeToPage.measure(slo, profile("1x"));
        if (slow.page().isPresent()) {
            misses.add(slo.name() + ": 1x for 3 days pages");
        }
        if (slow.ticket().isEmpty() || slow.ticket().getAsLong() > ONE_DAY) {
            misses.add(slo.name() + ": 1x tickets after " + TimeToPage.human(slow.ticket()) + ", not within a day");
        }
        var half = TimeToPage.measure(slo, profile("0.5x"));
        if (half.page().isPresent() || half.ticket().isPresent()) {
            misses.add(slo.name() + ": 0.5x for a week alerts");
        }
        return misses;
    }
}
