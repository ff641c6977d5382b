package jp.twozeroseven.infra.settings;

/**
 * One thing wrong with the stack settings, phrased so that an engineer can fix it without reading code.
 *
 * @param key     the full config key, e.g. {@code platform-207:network.vpcCidr}
 * @param value   the offending value as written, or {@code null} when the key is missing
 * @param message what is wrong and what is allowed
 */
public record Problem(String key, String value, String message) {

    public String describe() {
        String shown = value == null ? "(missing)" : "\"" + value + "\"";
        return key + " = " + shown + ": " + message;
    }
}
