package jp.twozeroseven.infra.settings;

/**
 * How a multiwindow burn-rate alert is rendered ({@code platform-207:observability.burnAlerts}).
 *
 * <ul>
 * <li>{@code compound} (default): the long and the short window are two NRQL conditions in an unrouted policy,
 *     joined by an AlertCompoundCondition "A AND B" in the routed policy.</li>
 * <li>{@code single}: for accounts not enrolled in New Relic's compound-alerts preview ("This feature is currently
 *     provided as part of a preview program", docs.newrelic.com/docs/alerts/create-alert/create-alert-condition/
 *     compound-alerts/compound-alerts), where creating a compound condition fails: one NRQL condition per window
 *     over the long window, at least once with a 60 s slide, in the routed policy, as New Relic's service-level
 *     alert helper builds it.</li>
 * </ul>
 */
public enum BurnAlertMode {
    COMPOUND,
    SINGLE
}
