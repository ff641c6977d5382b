package jp.twozeroseven.infra.policycheck;

import java.io.PrintStream;

/** Prints violations the way `pulumi preview` lists them under "Policies:", then the one summary line. */
final class ViolationPrinter {
    private ViolationPrinter() {
    }

    static void print(PolicyReport report, PrintStream out) {
        if (!report.violations().isEmpty()) {
            out.println("Policy Violations:");
            for (PolicyViolation v : report.violations()) {
                out.printf("    [%s]  %s v%s  %s  (%s: %s)%n", v.enforcementLevel(), report.packName(), report.packVersion(),
                        v.policyName(), v.resourceType(), v.urn());
                for (String line : v.message().split("\n")) {
                    out.println("    " + line);
                }
                out.println();
            }
        }
        out.println(report.summaryLine());
    }
}
