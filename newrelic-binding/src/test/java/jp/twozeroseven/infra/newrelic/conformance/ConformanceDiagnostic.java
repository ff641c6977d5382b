package jp.twozeroseven.infra.newrelic.conformance;

/**
 * One TypeScript error, attributed to the resource whose inputs caused it.
 * {@code resourceType}/{@code resourceName} are empty when the error is not inside any resource
 * (for example a broken installation of @pulumi/newrelic).
 */
public record ConformanceDiagnostic(String resourceType, String resourceName, int line, String code, String message) {

    @Override
    public String toString() {
        var where = resourceType.isEmpty() ? "line " + line : resourceType + " '" + resourceName + "' (line " + line + ")";
        return where + ": " + code + " " + message;
    }
}
