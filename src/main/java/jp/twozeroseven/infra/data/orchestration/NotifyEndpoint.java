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

    public NotifyEndpoint {
        if (apiId == null || !apiId.matches("[a-z0-9]{10}")) {
            throw new IllegalArgumentException("API Gateway id '" + apiId + "' must be the 10-character REST API id");
        }
        if (stage == null || !stage.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("API Gateway stage '" + stage + "' is invalid");
        }
        if (region == null || !region.matches("[a-z]{2}-[a-z]+-\\d")) {
            throw new IllegalArgumentException("API Gateway region '" + region + "' is not an AWS region");
        }
        requirePath("failure", failurePath);
        requirePath("summary", summaryPath);
    }

    private static void requirePath(String what, String path) {
        if (path == null || !path.matches("(/[A-Za-z0-9._-]+)+")) {
            throw new IllegalArgumentException(what + " notification path '" + path + "' must look like /notify/etl-failure");
        }
    }

    /** The host Step Functions' apigateway:invoke integration calls. */
    public String apiEndpoint() {
        return apiId + ".execute-api." + region + ".amazonaws.com";
    }
}
