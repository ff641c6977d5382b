package jp.twozeroseven.infra.policycheck;

import java.util.List;

/**
 * Outcome of one offline policy check. {@code resources} counts the custom resources sent to Analyze;
 * the CLI should exit non-zero when {@link #failed()}.
 */
public record PolicyReport(String packName, String packVersion, int policies, int resources, List<PolicyViolation> violations) {

    public PolicyReport {
        violations = List.copyOf(violations);
    }

    public long mandatoryViolations() {
        return violations.stream().filter(PolicyViolation::mandatory).count();
    }

    public long advisoryViolations() {
        return violations.stream().filter(v -> "advisory".equals(v.enforcementLevel())).count();
    }

    public boolean failed() {
        return mandatoryViolations() > 0;
    }

    public String summaryLine() {
        return "policies: " + policies + ", resources: " + resources
                + ", mandatory violations: " + mandatoryViolations() + ", advisory: " + advisoryViolations();
    }
}
