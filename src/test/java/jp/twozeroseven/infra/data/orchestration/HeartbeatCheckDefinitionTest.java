package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.data.access.HeartbeatHttpAccess;
import jp.twozeroseven.infra.data.access.PipelinePolicies;
import jp.twozeroseven.infra.data.orchestration.EtlExecutions.Run;
import jp.twozeroseven.infra.data.workflow.HeartbeatCheck;
import jp.twozeroseven.infra.observability.alerts.HeartbeatCondition;
import jp.twozeroseven.infra.settings.ObservabilityRegion;
import jp.twozeroseven.infra.support.PipelineEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The heartbeat checker's definition: valid ASL, the JSONata run with the pinned jsonata, its IAM and schedule. */
class HeartbeatCheckDefinitionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Runs start 01:30 JST, deadline 06:00 (the ETL's 4.5 h timeout). */
    static HeartbeatCheckDefinition.Spec spec(LocalTime at, Duration window) {
        return new HeartbeatCheckDefinition.Spec(EtlExecutions.ETL_ARN,
                HeartbeatEndpoint.newRelic("3456789", ObservabilityRegion.US, EtlStateMachineDefinitionTest.CONNECTION_ARN, "prod"),
                at, window, TOKYO);
    }

    static final HeartbeatCheckDefinition.Spec PROD = spec(LocalTime.of(1, 30), Duration.ofMinutes(270));

    private static long at(int day, int hour, int minute) {
        return day * DAY + hour * HOUR + minute * 60L;
    }

    private static ObjectNode root() {
        return HeartbeatCheckDefinition.render(PROD);
    }

    private static JsonNode check(HeartbeatCheckDefinition.Spec spec, long t, long created, Run... runs) throws Exception {
        Jsonata.Result r = Jsonata.evaluate(HeartbeatCheckDefinition.render(spec).path("States")
                .path(HeartbeatCheckDefinition.LIST_RUNS).path("Output").asText(), EtlExecutions.statesAt(t, created, List.of(runs)));
        assertThat(r.ok()).as(r.error()).isTrue();
        return r.value();
    }

    @Test
    void passesAslValidatorAndUsesNoLambda(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("check.asl.json");
        Files.writeString(file, HeartbeatCheckDefinition.renderJson(PROD));
        AslValidator.Result result = AslValidator.validate(file);
        assertThat(result.exitCode()).as(result.output()).isZero();
        List<String> resources = new ArrayList<>();
        root().path("States").forEach(s -> resources.add(s.path("Resource").asText()));
        // Step Functions developer guide, "Integrating other services": optimized http:invoke and the AWS SDK
        // integrations arn:aws:states:::aws-sdk:<service>:<apiAction> (camelCase action, as sfn:listExecutions).
        assertThat(resources).containsExactly("arn:aws:states:::aws-sdk:sfn:describeStateMachine",
                "arn:aws:states:::aws-sdk:sfn:listExecutions", "arn:aws:states:::http:invoke");
        assertThat(HeartbeatCheckDefinition.renderJson(PROD)).doesNotContain("lambda");
        assertThat(root().path("QueryLanguage").asText()).isEqualTo("JSONata");
        assertThat(root().path("States").path(HeartbeatCheckDefinition.LIST_RUNS).path("Arguments").path("StateMachineArn").asText())
                .isEqualTo(EtlExecutions.ETL_ARN);
    }

    @Test
    void theReportPostsTheEventAsAnArrayThroughTheConnection() throws Exception {
        JsonNode report = root().path("States").path(HeartbeatCheckDefinition.REPORT);
        JsonNode args = report.path("Arguments");
        assertThat(args.path("ApiEndpoint").asText()).isEqualTo("https://insights-collector.newrelic.com/v1/accounts/3456789/events");
        assertThat(args.path("Method").asText()).isEqualTo("POST");
        assertThat(args.path("InvocationConfig").path("ConnectionArn").asText()).isEqualTo(EtlStateMachineDefinitionTest.CONNECTION_ARN);
        ObjectNode states = MAPPER.createObjectNode();
        states.putObject("input").put("eventType", PipelineEvents.HEARTBEAT_CHECK).put("stack", "prod");
        Jsonata.Result body = Jsonata.evaluate(args.path("RequestBody").asText(), states);
        // New Relic Event API: the body is a JSON array of event objects, each with an eventType
        // (docs.newrelic.com/docs/data-apis/ingest-apis/event-api/introduction-event-api, "Submit the event").
        assertThat(body.value().isArray()).isTrue();
        assertThat(body.value().get(0).path("eventType").asText()).isEqualTo(PipelineEvents.HEARTBEAT_CHECK);
    }

    @Test
    void atTheDeadlineWithoutASuccessTheCheckSaysMissed() throws Exception {
        long created = at(-10, 12, 0);
        Run failed = new Run(at(0, 1, 30), at(0, 3, 0), "FAILED");
        JsonNode before = check(PROD, at(0, 5, 45), created, failed);
        // before the deadline the night being checked is yesterday's (no run in this history): missed as well,
        // so the test gives yesterday a success
        JsonNode beforeWithYesterday = check(PROD, at(0, 5, 45), created, new Run(at(-1, 1, 30), at(-1, 4, 0), "SUCCEEDED"), failed);
        assertThat(before.path("nightStart").asText()).isEqualTo("2026-11-30T01:30:00+09:00");
        assertThat(beforeWithYesterday.path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isEqualTo(1);
        JsonNode deadline = check(PROD, at(0, 6, 0), created, new Run(at(-1, 1, 30), at(-1, 4, 0), "SUCCEEDED"), failed);
        assertThat(deadline.path("nightStart").asText()).isEqualTo("2026-12-01T01:30:00+09:00");
        assertThat(deadline.path(PipelineEvents.PAST_DEADLINE).asInt()).isEqualTo(1);
        assertThat(deadline.path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isZero();
        assertThat(deadline.path("eventType").asText()).isEqualTo(PipelineEvents.HEARTBEAT_CHECK);
        assertThat(deadline.path(PipelineEvents.STACK).asText()).isEqualTo("prod");
        assertThat(deadline.path("runsSinceStart").asInt()).isEqualTo(1);
    }

    @Test
    void aMissedNightStaysMissedAcrossTheNextStartUntilARunSucceeds() throws Exception {
        long created = at(-10, 12, 0);
        Run failed = new Run(at(0, 1, 30), at(0, 3, 0), "FAILED");
        Run nextNight = new Run(at(1, 1, 30), at(1, 4, 0), "SUCCEEDED");
        // the next night has started and is still running: the night being checked is still day 0, still missed
        JsonNode running = check(PROD, at(1, 2, 0), created, failed, nextNight);
        assertThat(running.path("nightStart").asText()).isEqualTo("2026-12-01T01:30:00+09:00");
        assertThat(running.path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isZero();
        // it succeeds at 04:00: a success started after day 0's start, the check is fine before day 1's deadline
        JsonNode done = check(PROD, at(1, 4, 15), created, failed, nextNight);
        assertThat(done.path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isEqualTo(1);
        // a manual rerun after the deadline counts too, once it has SUCCEEDED (RUNNING and FAILED do not)
        Run rerun = new Run(at(0, 9, 0), at(0, 11, 0), "SUCCEEDED");
        assertThat(check(PROD, at(0, 10, 0), created, failed, rerun).path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isZero();
        assertThat(check(PROD, at(0, 11, 0), created, failed, rerun).path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isEqualTo(1);
        assertThat(check(PROD, at(0, 11, 0), created, failed, new Run(at(0, 9, 0), at(0, 11, 0), "TIMED_OUT"))
                .path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isZero();
        // a success before the night's start is yesterday's, not tonight's
        assertThat(check(PROD, at(0, 7, 0), created, new Run(at(0, 0, 30), at(0, 1, 20), "SUCCEEDED"))
                .path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isZero();
    }

    @Test
    void theFirstNightAfterDeployCountsOnlyIfTheEtlExistedAtItsStart() throws Exception {
        // deployed at 03:00, after tonight's 01:30 start: no run tonight, and the check never calls it missed
        assertThat(check(PROD, at(0, 6, 0), at(0, 3, 0)).path(PipelineEvents.PAST_DEADLINE).asInt()).isZero();
        assertThat(check(PROD, at(1, 5, 45), at(0, 3, 0)).path(PipelineEvents.PAST_DEADLINE).asInt()).isZero();
        // the next night is the first: missed at its deadline
        assertThat(check(PROD, at(1, 6, 0), at(0, 3, 0)).path(PipelineEvents.PAST_DEADLINE).asInt()).isEqualTo(1);
        // deployed at 00:45, before the start: tonight is the first night
        JsonNode first = check(PROD, at(0, 6, 0), at(0, 0, 45));
        assertThat(first.path(PipelineEvents.PAST_DEADLINE).asInt()).isEqualTo(1);
        assertThat(first.path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isZero();
    }

    @Test
    void aWindowThatCrossesMidnightAndEpochSecondTimestamps() throws Exception {
        // starts 22:00, deadline 04:00 the next day
        HeartbeatCheckDefinition.Spec late = spec(LocalTime.of(22, 0), Duration.ofHours(6));
        long created = at(-10, 0, 0);
        JsonNode beforeDeadline = check(late, at(1, 3, 45), created, new Run(at(0, 22, 0), at(1, 2, 0), "SUCCEEDED"));
        assertThat(beforeDeadline.path("nightStart").asText()).isEqualTo("2026-11-30T22:00:00+09:00");
        JsonNode atDeadline = check(late, at(1, 4, 0), created, new Run(at(0, 22, 0), at(1, 2, 0), "SUCCEEDED"));
        assertThat(atDeadline.path("nightStart").asText()).isEqualTo("2026-12-01T22:00:00+09:00");
        assertThat(atDeadline.path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isEqualTo(1);
        // the API's wire format is epoch seconds; the check accepts it as well as ISO strings
        ObjectNode states = EtlExecutions.statesAt(at(1, 4, 0), created, List.of(new Run(at(0, 22, 0), at(1, 2, 0), "SUCCEEDED")));
        ((ObjectNode) states.path("result").path("Executions").get(0)).put("StartDate",
                EtlExecutions.BASE.plusSeconds(at(0, 22, 0)).getEpochSecond() + 0.25);
        states.with("input").put("deployedAt", EtlExecutions.BASE.plusSeconds(created).getEpochSecond());
        Jsonata.Result epoch = Jsonata.evaluate(HeartbeatCheckDefinition.render(late).path("States")
                .path(HeartbeatCheckDefinition.LIST_RUNS).path("Output").asText(), states);
        assertThat(epoch.value().path(PipelineEvents.SUCCEEDED_SINCE_START).asInt()).isEqualTo(1);
        assertThat(epoch.value().path(PipelineEvents.PAST_DEADLINE).asInt()).isEqualTo(1);
    }

    @Test
    void aZoneWithDaylightSavingOrABadArnIsRefused() {
        assertThatThrownBy(() -> HeartbeatCheckDefinition.fixedOffsetMillis(ZoneId.of("Europe/London")))
                .hasMessageContaining("Europe/London changes its offset");
        assertThat(HeartbeatCheckDefinition.fixedOffsetMillis(TOKYO)).isEqualTo(9 * HOUR * 1000);
        assertThatThrownBy(() -> new HeartbeatCheckDefinition.Spec("etl", PROD.endpoint(), LocalTime.NOON, Duration.ofHours(1), TOKYO))
                .hasMessageContaining("ETL state machine ARN 'etl'");
        assertThatThrownBy(() -> spec(LocalTime.NOON, Duration.ofHours(25))).hasMessageContaining("at most 24 h");
    }

    @Test
    void theCheckerMayReadOnlyTheEtlsRunsAndPostOnlyToTheEventApi() throws Exception {
        String checker = "arn:aws:states:ap-northeast-1:123456789012:stateMachine:platform207-prod-etl-heartbeat-check";
        String json = PipelinePolicies.heartbeatCheck(EtlExecutions.ETL_ARN, new HeartbeatHttpAccess(checker,
                PROD.endpoint().eventApiUrl(), EtlStateMachineDefinitionTest.CONNECTION_ARN,
                HeartbeatHttpAccess.connectionSecretArn("ap-northeast-1", "123456789012", "platform207-prod-etl-newrelic-heartbeat"))).toJson();
        assertThat(json).contains("\"states:DescribeStateMachine\"", "\"states:ListExecutions\"", "\"states:InvokeHTTPEndpoint\"",
                "\"events:RetrieveConnectionCredentials\"").doesNotContain("states:StartExecution", "states:*", "lambda");
        List<String> readResources = new ArrayList<>();
        MAPPER.readTree(json).path("Statement").forEach(st -> {
            if (st.path("Action").toString().contains("ListExecutions")) {
                st.path("Resource").forEach(r -> readResources.add(r.asText()));
                if (st.path("Resource").isTextual()) {
                    readResources.add(st.path("Resource").asText());
                }
            }
        });
        assertThat(readResources).containsExactly(EtlExecutions.ETL_ARN);
        assertThat(PipelinePolicies.heartbeatCheckScheduler(checker).toJson()).contains("\"states:StartExecution\"", checker)
                .doesNotContain(EtlExecutions.ETL_ARN + "\"");
    }

    @Test
    void theScheduleFallsOnTheClockAtTheCadenceTheConditionAggregates() {
        assertThat(HeartbeatCheck.cron(PipelineEvents.CHECK_EVERY)).isEqualTo("cron(0/15 * * * ? *)");
        assertThat(HeartbeatCondition.WINDOW_SECONDS).isEqualTo(PipelineEvents.CHECK_EVERY.toSeconds());
        assertThatThrownBy(() -> HeartbeatCheck.cron(Duration.ofMinutes(7))).hasMessageContaining("must divide an hour");
    }
}
