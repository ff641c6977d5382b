package jp.twozeroseven.infra.iam;

import java.util.List;

/**
 * Who a trust or resource policy statement is about.
 *
 * @param type "Service", "Federated", "AWS" or "*" (everyone, used only by Deny guard rails)
 * @param identifiers service principals, provider ARNs or account/role ARNs; empty only for "*"
 */
public record Principal(String type, List<String> identifiers) {

    public static final String ANYONE = "*";

    public Principal {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("IAM principal type is empty; use Service, Federated, AWS or *");
        }
        identifiers = List.copyOf(identifiers == null ? List.of() : identifiers);
        if (!ANYONE.equals(type) && identifiers.isEmpty()) {
            throw new IllegalArgumentException("IAM principal of type " + type + " names no identifier; give at least one");
        }
    }

    public static Principal service(String servicePrincipal) {
        return new Principal("Service", List.of(servicePrincipal));
    }

    public static Principal federated(String providerArn) {
        return new Principal("Federated", List.of(providerArn));
    }

    public static Principal aws(String arn) {
        return new Principal("AWS", List.of(arn));
    }

    public static Principal anyone() {
        return new Principal(ANYONE, List.of());
    }

    public boolean isAnyone() {
        return ANYONE.equals(type);
    }
}
