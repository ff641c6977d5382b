package jp.twozeroseven.infra.observability.evaluation;

import java.time.Duration;

/**
 * A way an SLO can go wrong, for the time-to-page table: a share of bad events for a while, from a given moment.
 *
 * @param label        the table's column header
 * @param badShare     share of valid events that are bad; {@code burnRate × (1 − objective)} when given as a burn
 * @param budgetShare  when set (> 0), badShare is re-derived per SLO as this many times the error budget
 * @param lasts        how long it lasts
 */
public record BurnProfile(String label, double badShare, double budgetShare, Duration lasts) {

    /** Share of bad events for an SLO with {@code errorBudgetPercent} (0.1 for 99.9 %). */
    public double badShareFor(double errorBudgetPercent) {
        return budgetShare > 0 ? budgetShare * errorBudgetPercent / 100.0 : badShare;
    }

    public static BurnProfile errors(String label, double share, Duration lasts) {
        return new BurnProfile(label, share, 0, lasts);
    }

    public static BurnProfile burn(String label, double burnRate, Duration lasts) {
        return new BurnProfile(label, 0, burnRate, lasts);
    }
}
