package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Renders the mapping templates with a real Velocity engine and API Gateway-like $input/$util. */
class SlackNotificationTemplatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ARN = "arn:aws:states:ap-northeast-1:123456789012:execution:prod-etl:abc";

    private static JsonNode send(String template, ObjectNode request) throws Exception {
        String rendered = ApiGatewayVtl.render(template, MAPPER.writeValueAsString(request));
        JsonNode message = MAPPER.readTree(rendered);
        assertThat(message.path("blocks")).isNotEmpty().allSatisfy(b -> {
            assertThat(b.path("type").asText()).isEqualTo("section");
            assertThat(b.path("text").path("text").asText().length())
                    .as("one Slack section").isLessThanOrEqualTo(SlackNotificationTemplates.SLACK_SECTION_LIMIT);
        });
        return message;
    }

    private static String sections(JsonNode message) {
        List<String> texts = new ArrayList<>();
        message.path("blocks").forEach(b -> texts.add(b.path("text").path("text").asText()));
        return String.join("\n", texts);
    }

    private static ObjectNode failure(String cause) {
        return MAPPER.createObjectNode().put("table", "deliveries").put("runGroup", "daily")
                .put("error", "States.TaskFailed").put("cause", cause).put("executionArn", ARN);
    }

    @Test
    void failureRendersSlackBlocksWithTheErrorAndALinkToTheExecution() throws Exception {
        JsonNode message = send(SlackNotificationTemplates.tableFailure("ap-northeast-1", "prod"),
                failure("Essential container exited"));
        assertThat(message.path("text").asText()).contains("deliveries").contains("prod");
        assertThat(sections(message)).contains("States.TaskFailed").contains("Essential container exited")
                .contains("Run group: daily")
                .contains("https://ap-northeast-1.console.aws.amazon.com/states/home?region=ap-northeast-1#/v2/executions/details/" + ARN);
    }

    @Test
    void theMessageLeadsWithTheStopReasonTheExitCodeAndTheLogStream() throws Exception {
        String log = "https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#logsV2:"
                + "log-groups/log-group/$252Fplatform-207-prod$252Fdata$252Fembulk/log-events/embulk$252Fembulk$252Fa1b2c3";
        ObjectNode request = failure("{\"StoppedReason\":\"Essential container in task exited\"}")
                .put("stopReason", "Essential container in task exited").put("exitCode", "137").put("logUrl", log);

        JsonNode message = send(SlackNotificationTemplates.tableFailure("ap-northeast-1", "prod"), request);

        assertThat(message.path("text").asText()).endsWith("deliveries: Essential container in task exited");
        String first = message.path("blocks").get(0).path("text").path("text").asText();
        assertThat(first).contains("*Stopped:* Essential container in task exited").contains("*Exit code:* `137`")
                .contains("<" + log + "|Log stream of the task>");
        assertThat(first.indexOf("Stopped:")).isLessThan(first.indexOf("Run group"));
    }

    @Test
    void quotesNewlinesBackslashesAndJapaneseSurviveAsValidJson() throws Exception {
        String cause = "{\"stopCode\":\"EssentialContainerExited\",\"reason\":\"配送先 '東京都' が見つかりません\"}\n"
                + "\tat C:\\embulk\\run\r\n$input #set($x = 1) ${table} </script>";
        JsonNode message = send(SlackNotificationTemplates.tableFailure("ap-northeast-1", "prod"), failure(cause));
        assertThat(sections(message)).contains(cause);
    }

    @Test
    void aHugeCauseIsCutSoTheSectionStaysUnderSlacksLimit() throws Exception {
        // A Java stack trace in Japanese: escaping makes it 6x longer, but Slack counts decoded characters.
        String cause = "ジョブが失敗しました \"x\"\n".repeat(2000);
        JsonNode message = send(SlackNotificationTemplates.tableFailure("ap-northeast-1", "prod"), failure(cause));
        String all = sections(message);
        assertThat(all).contains(cause.substring(0, SlackNotificationTemplates.CAUSE_CHARS) + VtlTemplate.TRUNCATION_MARK)
                .doesNotContain(cause.substring(0, SlackNotificationTemplates.CAUSE_CHARS + 1));
    }

    @Test
    void aMissingCauseRendersEmptyNotTheVelocityReference() throws Exception {
        ObjectNode request = failure("x");
        request.remove("cause");
        JsonNode message = send(SlackNotificationTemplates.tableFailure("ap-northeast-1", "prod"), request);
        assertThat(sections(message)).doesNotContain("${").doesNotContain("$cause");
    }

    @Test
    void summaryRendersNumericCountsAndTheFailedTables() throws Exception {
        ObjectNode request = MAPPER.createObjectNode().put("total", 12).put("succeeded", 10).put("failed", 2)
                .put("executionArn", ARN);
        request.putArray("failedTables").add("users").add("orders");
        JsonNode message = send(SlackNotificationTemplates.runSummary("ap-northeast-1", "prod"), request);
        assertThat(message.path("text").asText()).isEqualTo("[prod] ETL finished: 10/12 tables succeeded, 2 failed");
        assertThat(sections(message)).contains("Failed tables: [\"users\",\"orders\"]");
    }

    @Test
    void aThousandFailedTablesStillFitInOneSection() throws Exception {
        ObjectNode request = MAPPER.createObjectNode().put("total", 1000).put("succeeded", 0).put("failed", 1000)
                .put("executionArn", ARN);
        var tables = request.putArray("failedTables");
        for (int i = 0; i < 1000; i++) {
            tables.add("delivery_status_history_" + i);
        }
        JsonNode message = send(SlackNotificationTemplates.runSummary("ap-northeast-1", "prod"), request);
        assertThat(sections(message)).contains("0/1000 tables succeeded").contains(VtlTemplate.TRUNCATION_MARK);
    }

    @Test
    void everyBodyReferenceIsDeclaredAndTheBodyNeverReadsTheRequestDirectly() {
        for (String template : List.of(SlackNotificationTemplates.tableFailure("ap-northeast-1", "stg"),
                SlackNotificationTemplates.runSummary("ap-northeast-1", "stg"))) {
            String body = template.substring(template.indexOf("\n{") + 1);
            var references = java.util.regex.Pattern.compile("\\$\\{([a-zA-Z]+)}").matcher(body);
            while (references.find()) {
                assertThat(template).contains("#set($" + references.group(1) + " = ");
            }
            assertThat(body).doesNotContain("$input").doesNotContain("$util").doesNotContain("#set");
        }
    }

    @Test
    void badNamesPathsAndLimitsAreRefused() {
        assertThatThrownBy(() -> SlackNotificationTemplates.executionConsoleLink("tokyo", "x")).hasMessageContaining("'tokyo'");
        assertThatThrownBy(() -> new VtlTemplate().stringField("bad name", "$.x", 10)).hasMessageContaining("bad name");
        assertThatThrownBy(() -> new VtlTemplate().stringField("x", "$.x')", 10)).hasMessageContaining("$.x')");
        assertThatThrownBy(() -> new VtlTemplate().jsonField("x", "$.x", 5000)).hasMessageContaining("5000");
        assertThatThrownBy(() -> new VtlTemplate().stringFields(10, "ok", "bad name")).hasMessageContaining("bad name");
        assertThatThrownBy(() -> new VtlTemplate().jsonFields(5000, "x")).hasMessageContaining("5000");
    }

    @Test
    void topLevelFieldsAreDeclaredInOrderFromTheirOwnNames() {
        VtlTemplate template = new VtlTemplate().stringFields(10, "table", "runGroup").jsonFields(12, "total");

        assertThat(template.variableNames()).containsExactly("table", "runGroup", "total");
        assertThat(template.render(MAPPER.createObjectNode())).contains("$!input.path('$.runGroup')")
                .contains("$!input.json('$.total')");
    }
}
