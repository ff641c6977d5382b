package jp.twozeroseven.infra.settings;

/** The New Relic data center the account lives in; the provider's {@code region} input takes these names. */
public enum ObservabilityRegion {
    US,
    EU
}
