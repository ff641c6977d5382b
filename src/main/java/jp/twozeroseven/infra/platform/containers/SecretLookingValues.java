package jp.twozeroseven.infra.platform.containers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises environment variables that are secrets in disguise. Task definitions are readable by anyone with
 * ecs:DescribeTaskDefinition and end up in the synth JSON and CI logs, so secrets must use {@code secrets}.
 */
public final class SecretLookingValues {

    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@.*");
    private static final Pattern AWS_ACCESS_KEY = Pattern.compile(".*\\b(AKIA|ASIA)[0-9A-Z]{16}\\b.*");
    private static final Pattern NEW_RELIC_LICENSE = Pattern.compile(".*\\b[0-9a-f]{36}NRAL\\b.*");

    private SecretLookingValues() {
    }

    /** Why this variable looks secret, or empty if it looks harmless. */
    public static Optional<String> reason(String name, String value) {
        if (jp.twozeroseven.infra.contracts.SharedContracts.looksLikeSecretName(name)) {
            return Optional.of("its name looks like a secret");
        }
        if (value != null) {
            if (CREDENTIALS_IN_URL.matcher(value).matches()) {
                return Optional.of("its value is a URL with a password");
            }
            if (AWS_ACCESS_KEY.matcher(value).matches()) {
                return Optional.of("its value contains an AWS access key id");
            }
            if (NEW_RELIC_LICENSE.matcher(value).matches()) {
                return Optional.of("its value looks like a New Relic license key");
            }
        }
        return Optional.empty();
    }
}
