package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackNotificationTemplatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SET_LINE = Pattern.compile("#set\\(\\$([a-zA-Z]+) = \\$util\\.escapeJavaScript\\(\\$input\\.(path|json)\\('([^']+)'\\)\\).*\\)");

    /** Splits a template into its #set declarations (name -> request path) and the body text. */
    private static Map.Entry<Map<String, String>, String> parse(String template) {
        Map<String, String> declarations = new java.util.LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (String line : template.split("\n")) {
            Matcher m = SET_LINE.matcher(line);
            if (m.matches()) {
                declarations.put(m.group(1), m.group(3));
            } else {
                assertThat(line).as("directive outside the declarations").doesNotStartWith("#");
                body.append(line).append('\n');
            }
        }
        return Map.entry(declarations, body.toString());
    }

    /** What API Gateway does after escaping: substitute ${name}; the result must be JSON. */
    private static JsonNode evaluate(String body, Map<String, String> values) throws Exception {
        String result = body;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("${" + value.getKey() + "}", value.getValue());
        }
        assertThat(result).doesNotContain("${");
        return MAPPER.readTree(result);
    }

    @Test
    void failureTemplateDeclaresEveryFieldAndRendersSlackBlocks() throws Exception {
        var parsed = parse(SlackNotificationTemplates.tableFailure("ap-northeast-1", "prod"));

        assertThat(parsed.getKey()).containsEntry("table", "$.table").containsEntry("error", "$.error")
                .containsEntry("cause", "$.cause").containsEntry("executionArn", "$.executionArn");
        String arn = "arn:aws:states:ap-northeast-1:123456789012:execution:prod-etl:abc";
        JsonNode message = evaluate(parsed.getValue(), Map.of("table", "deliveries", "runGroup", "daily",
                "error", "States.TaskFailed", "cause", "Essential container exited", "executionArn", arn));

        assertThat(message.path("text").asText()).contains("deliveries").contains("prod");
        List<String> texts = new java.util.ArrayList<>();
        message.path("blocks").forEach(b -> texts.add(b.path("text").path("text").asText()));
        assertThat(String.join("\n", texts)).contains("States.TaskFailed").contains("Essential container exited")
                .contains("https://ap-northeast-1.console.aws.amazon.com/states/home?region=ap-northeast-1#/v2/executions/details/" + arn);
        assertThat(message.path("blocks")).allSatisfy(b -> assertThat(b.path("type").asText()).isEqualTo("section"));
    }

    @Test
    void everyReferenceInTheBodyIsDeclared() {
        for (String template : List.of(SlackNotificationTemplates.tableFailure("ap-northeast-1", "stg"),
                SlackNotificationTemplates.runSummary("ap-northeast-1", "stg"))) {
            var parsed = parse(template);
            Matcher references = Pattern.compile("\\$\\{([a-zA-Z]+)}").matcher(parsed.getValue());
            while (references.find()) {
                assertThat(parsed.getKey()).containsKey(references.group(1));
            }
            assertThat(parsed.getValue()).doesNotContain("$input").doesNotContain("$util");
        }
    }

    @Test
    void summaryTemplateRendersCountsAndFailedTables() throws Exception {
        var parsed = parse(SlackNotificationTemplates.runSummary("ap-northeast-1", "prod"));
        assertThat(parsed.getKey()).containsEntry("failedTables", "$.failedTables");
        JsonNode message = evaluate(parsed.getValue(), Map.of("total", "12", "succeeded", "10", "failed", "2",
                "failedTables", "[\\\"users\\\",\\\"orders\\\"]", "executionArn", "arn:x"));
        assertThat(message.path("text").asText()).isEqualTo("[prod] ETL finished: 10/12 tables succeeded, 2 failed");
        assertThat(message.path("blocks").get(0).path("text").path("text").asText()).contains("[\"users\",\"orders\"]");
    }

    @Test
    void consoleLinkRefusesANonRegion() {
        assertThatThrownBy(() -> SlackNotificationTemplates.executionConsoleLink("tokyo", "x")).hasMessageContaining("'tokyo'");
        assertThatThrownBy(() -> new VtlTemplate().stringField("bad name", "$.x")).hasMessageContaining("bad name");
    }
}
