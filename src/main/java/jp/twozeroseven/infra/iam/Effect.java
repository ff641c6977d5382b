package jp.twozeroseven.infra.iam;

import java.util.Locale;

/** Whether a statement grants or refuses what it names. */
public enum Effect {
    ALLOW,
    DENY;

    /**
     * How the policy language writes it: the word capitalised, {@code Allow} or {@code Deny} (IAM User Guide, "IAM
     * JSON policy elements: Effect"; the value is case sensitive).
     */
    public String jsonValue() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
