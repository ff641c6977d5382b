package jp.twozeroseven.infra.newrelic.conformance;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of one type-check: the diagnostics tsc printed, the source it checked and its raw output. */
public record ConformanceReport(int checkedResources, List<ConformanceDiagnostic> diagnostics, String source, String rawOutput) {

    public ConformanceReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean passed() {
        return diagnostics.isEmpty();
    }

    /** A human-readable summary, one diagnostic a line. */
    public String summary() {
        if (passed()) {
            return checkedResources + " New Relic resource(s) conform to @pulumi/newrelic 5.77.0.";
        }
        return diagnostics.stream().map(ConformanceDiagnostic::toString)
            .collect(Collectors.joining("\n", diagnostics.size() + " schema error(s):\n", ""));
    }
}
