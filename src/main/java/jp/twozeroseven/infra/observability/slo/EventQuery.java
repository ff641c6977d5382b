package jp.twozeroseven.infra.observability.slo;

/** One events block of a New Relic service level: an event type and a WHERE clause (without WHERE). */
public record EventQuery(String from, String where) {}
