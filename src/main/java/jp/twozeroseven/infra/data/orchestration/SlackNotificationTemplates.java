package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * API Gateway request mapping templates that turn the state machine's notification bodies into Slack
 * incoming-webhook messages, so no Lambda function is needed between Step Functions and Slack.
 */
public final class SlackNotificationTemplates {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackNotificationTemplates() {
    }

    /** The execution's console page; works for any state machine name because it is keyed by the execution ARN. */
    public static String executionConsoleLink(String region, String executionArnReference) {
        requireRegion(region);
        return "https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                + "#/v2/executions/details/" + executionArnReference;
    }

    /** For the body {table, runGroup, error, cause, executionArn} of one failed table. */
    public static String tableFailure(String region, String stack) {
        VtlTemplate template = new VtlTemplate()
                .stringField("table", "$.table")
                .stringField("runGroup", "$.runGroup")
                .stringField("error", "$.error")
                .stringField("cause", "$.cause")
                .stringField("executionArn", "$.executionArn");
        String title = ":rotating_light: [" + stack + "] ETL failed for table ${table}";
        ObjectNode body = MAPPER.createObjectNode();
        body.put("text", title);
        ArrayNode blocks = body.putArray("blocks");
        section(blocks, "*" + title + "*\nRun group: ${runGroup}");
        section(blocks, "*Error:* `${error}`\n*Cause:* ```${cause}```");
        section(blocks, "<" + executionConsoleLink(region, "${executionArn}") + "|Open the execution in the Step Functions console>");
        return template.render(body);
    }

    /** For the body {total, succeeded, failed, failedTables, executionArn} sent after all tables ran. */
    public static String runSummary(String region, String stack) {
        VtlTemplate template = new VtlTemplate()
                .stringField("total", "$.total")
                .stringField("succeeded", "$.succeeded")
                .stringField("failed", "$.failed")
                .jsonField("failedTables", "$.failedTables")
                .stringField("executionArn", "$.executionArn");
        String title = "[" + stack + "] ETL finished: ${succeeded}/${total} tables succeeded, ${failed} failed";
        ObjectNode body = MAPPER.createObjectNode();
        body.put("text", title);
        ArrayNode blocks = body.putArray("blocks");
        section(blocks, "*" + title + "*\nFailed tables: ${failedTables}");
        section(blocks, "<" + executionConsoleLink(region, "${executionArn}") + "|Open the execution in the Step Functions console>");
        return template.render(body);
    }

    private static void section(ArrayNode blocks, String markdown) {
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", markdown);
    }

    private static void requireRegion(String region) {
        if (region == null || !region.matches("[a-z]{2}-[a-z]+-\\d")) {
            throw new IllegalArgumentException("region '" + region + "' is not an AWS region, e.g. ap-northeast-1");
        }
    }
}
