package jp.twozeroseven.infra.loadtest;

/**
 * One step of the stepped load: an optional linear ramp from the previous rate, then a constant arrival rate.
 * Only requests started during the constant part are measured, so the ramp does not flatter the figures.
 *
 * @param bearerToken sent as {@code Authorization: Bearer ...} when not empty; never printed
 */
public record LoadStep(String baseUrl, TrafficMix mix, double rps, double rampFromRps, int rampSeconds,
                       int holdSeconds, String bearerToken) {
}
