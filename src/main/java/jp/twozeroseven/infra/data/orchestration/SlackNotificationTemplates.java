package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * API Gateway request mapping templates that turn the state machine's notification bodies into Slack
 * incoming-webhook messages, so no Lambda function is needed between Step Functions and Slack.
 */
public final class SlackNotificationTemplates {

    /** Slack rejects (HTTP 400, the alert is lost) a section whose text exceeds 3000 characters. */
    public static final int SLACK_SECTION_LIMIT = 3000;
    /** The longest error cause shown; the rest is in the execution's history, one click away. */
    static final int CAUSE_CHARS = 2000;
    static final int ERROR_CHARS = 200;
    static final int STOP_REASON_CHARS = 300;
    /** The console link of a log stream: region, group and a task id, all ours; far below this. */
    static final int LOG_URL_CHARS = 400;
    static final int FAILED_TABLES_CHARS = 2000;
    /** Table names are at most 63 characters, run groups 32; anything longer is not ours. */
    private static final int NAME_CHARS = 100;
    private static final int ARN_CHARS = 400;
    private static final int COUNT_CHARS = 12;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackNotificationTemplates() {
    }

    /** The execution's console page; works for any state machine name because it is keyed by the execution ARN. */
    public static String executionConsoleLink(String region, String executionArnReference) {
        requireRegion(region);
        return "https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                + "#/v2/executions/details/" + executionArnReference;
    }

    /**
     * For the body {table, runGroup, stopReason, exitCode, logUrl, error, cause, executionArn} of one failed table.
     * It leads with what the person on call reads first: why the task stopped, its exit code and its log stream.
     */
    public static String tableFailure(String region, String stack) {
        VtlTemplate template = new VtlTemplate()
                .stringFields(NAME_CHARS, "table", "runGroup")
                .stringFields(STOP_REASON_CHARS, "stopReason")
                .stringFields(NAME_CHARS, "exitCode")
                .stringFields(LOG_URL_CHARS, "logUrl")
                .stringFields(ERROR_CHARS, "error")
                .stringFields(CAUSE_CHARS, "cause");
        String title = ":rotating_light: [" + stack + "] ETL failed for table ${table}";
        return message(template, region, title + ": ${stopReason}",
                "*" + title + "*\n*Stopped:* ${stopReason}\n*Exit code:* `${exitCode}`\n<${logUrl}|Log stream of "
                        + "the task> · Run group: ${runGroup}",
                "*Error:* `${error}`\n*Cause:* ```${cause}```");
    }

    /** For the body {total, succeeded, failed, failedTables, executionArn} sent after all tables ran. */
    public static String runSummary(String region, String stack) {
        VtlTemplate template = new VtlTemplate()
                .jsonFields(COUNT_CHARS, "total", "succeeded", "failed")
                .jsonFields(FAILED_TABLES_CHARS, "failedTables");
        String title = "[" + stack + "] ETL finished: ${succeeded}/${total} tables succeeded, ${failed} failed";
        return message(template, region, title, "*" + title + "*\nFailed tables: ${failedTables}");
    }

    /**
     * The message: {@code text} for the notification, then the sections, and last the link to the execution (every
     * body carries its executionArn).
     */
    private static String message(VtlTemplate template, String region, String text, String... sections) {
        template.stringFields(ARN_CHARS, "executionArn");
        ObjectNode body = MAPPER.createObjectNode();
        body.put("text", text);
        ArrayNode blocks = body.putArray("blocks");
        for (String markdown : sections) {
            section(blocks, markdown);
        }
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
