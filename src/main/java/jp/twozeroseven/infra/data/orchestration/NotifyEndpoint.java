package jp.twozeroseven.infra.data.orchestration;

/**
 * The REST API Gateway stage that forwards notifications to Slack (no Lambda in between).
 *
 * @param apiId       REST API id, e.g. a1b2c3d4e5
 * @param stage       stage name, e.g. prod
 * @param region      API region
 * @param failurePath resource path for one table's failure, e.g. /notify/etl-failure
 * @param summaryPath resource path for the end-of-run summary, e.g. /notify/etl-summary
 */
public record NotifyEndpoint(String apiId, String stage, String region, String failurePath, String summaryPath) {

    private static final String PATH = "(/[A-Za-z0-9._-]+)+";

    public NotifyEndpoint {
        require("API Gateway id", apiId, "[a-z0-9]{10}", "must be the 10-character REST API id");
        require("API Gateway stage", stage, "[A-Za-z0-9_-]+", "is invalid");
        require("API Gateway region", region, "[a-z]{2}-[a-z]+-\\d", "is not an AWS region");
        require("failure notification path", failurePath, PATH, "must look like /notify/etl-failure");
        require("summary notification path", summaryPath, PATH, "must look like /notify/etl-summary");
    }

    /** Refuses a value that is missing or does not match: {@code <what> '<value>' <problem>}. */
    private static void require(String what, String value, String pattern, String problem) {
        if (value == null || !value.matches(pattern)) {
            throw new IllegalArgumentException(what + " '" + value + "' " + problem);
        }
    }

    /** The host Step Functions' apigateway:invoke integration calls. */
    public String apiEndpoint() {
        return apiId + ".execute-api." + region + ".amazonaws.com";
    }
}
