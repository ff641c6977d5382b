package jp.twozeroseven.infra.iam;

import java.util.List;

/**
 * One condition test, e.g. {@code StringEquals aws:SourceAccount [123456789012]}.
 * Several values for one key are ORed by IAM.
 */
public record Condition(String operator, String key, List<String> values) {

    public Condition {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("IAM condition operator is empty (e.g. StringEquals)");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("IAM condition " + operator + " has no key (e.g. aws:SourceAccount)");
        }
        values = List.copyOf(values == null ? List.of() : values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IAM condition " + operator + " " + key + " has no value");
        }
    }

    public static Condition of(String operator, String key, String... values) {
        return new Condition(operator, key, List.of(values));
    }
}
