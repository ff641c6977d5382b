package jp.twozeroseven.infra.policycheck;

/** One diagnostic the policy pack returned, as `pulumi preview` would show it. */
public record PolicyViolation(String policyName, String enforcementLevel, String urn, String resourceType, String message) {

    public boolean mandatory() {
        return "mandatory".equals(enforcementLevel);
    }
}
