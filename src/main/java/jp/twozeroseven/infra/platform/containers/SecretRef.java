package jp.twozeroseven.infra.platform.containers;

import java.util.regex.Pattern;

/**
 * An environment variable whose value ECS injects from Secrets Manager (or SSM Parameter Store) at task start,
 * so the value never appears in the task definition.
 *
 * @param name    the variable name inside the container, e.g. {@code SENTRY_DSN}
 * @param arn     the secret's ARN (Secrets Manager or SSM parameter)
 * @param jsonKey optional key inside a JSON secret, e.g. {@code password}; null for the whole secret
 */
public record SecretRef(String name, String arn, String jsonKey) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws:(secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+|ssm:[a-z0-9-]+:\\d{12}:parameter/.+)");

    public SecretRef {
        if (name == null || !ENV_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("secret variable name '" + name + "' must be UPPER_SNAKE_CASE");
        }
        if (arn == null || !SECRET_ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("secret " + name + " has ARN '" + arn
                    + "'; give a Secrets Manager secret ARN (arn:aws:secretsmanager:...:secret:...) or an SSM parameter ARN");
        }
        if (jsonKey != null) {
            if (!arn.startsWith("arn:aws:secretsmanager:")) {
                throw new IllegalArgumentException("secret " + name + " names JSON key '" + jsonKey
                        + "' but " + arn + " is not a Secrets Manager secret");
            }
            if (jsonKey.isBlank() || jsonKey.contains(":")) {
                throw new IllegalArgumentException("secret " + name + " has JSON key '" + jsonKey + "'; it must be non-empty and contain no ':'");
            }
        }
    }

    public static SecretRef whole(String name, String arn) {
        return new SecretRef(name, arn, null);
    }

    public static SecretRef jsonKey(String name, String arn, String jsonKey) {
        return new SecretRef(name, arn, jsonKey);
    }

    /** The same secret under another variable name (each New Relic component expects its own name). */
    public static SecretRef of(SecretRef secret, String newName) {
        return new SecretRef(newName, secret.arn(), secret.jsonKey());
    }

    /** The {@code valueFrom} ECS expects; a JSON key uses the {@code arn:key:version-stage:version-id} form. */
    public String valueFrom() {
        return jsonKey == null ? arn : arn + ":" + jsonKey + "::";
    }
}
