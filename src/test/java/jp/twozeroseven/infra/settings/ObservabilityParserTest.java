package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservabilityParserTest {

    @TempDir
    Path temp;

    @Test
    void committedStacksParse() {
        ObservabilitySettings prod = StackSettingsParser.parse(StackFixture.read("prod")).observability();
        ObservabilitySettings stg = StackSettingsParser.parse(StackFixture.read("stg")).observability();
        assertThat(prod.newRelicAccountId()).isEqualTo("3456789");
        assertThat(prod.region()).isEqualTo(ObservabilityRegion.US);
        assertThat(prod.routing().paging()).isTrue();
        assertThat(stg.routing().paging()).isFalse();
        assertThat(prod.services()).extracting(ObservabilityServiceSlo::service).containsExactly("api", "web");
        assertThat(prod.services().get(0).slos()).extracting(SloSettings::name)
                .containsExactly("success", "latency", "availability");
        assertThat(prod.services().get(0).slos().get(1).objectivePercent()).isEqualTo(99.9);
        assertThat(prod.services().get(0).slos().get(1).latencyThresholdMs()).contains(500);
        assertThat(prod.services().get(0).entityGuid()).isEmpty();
        assertThat(prod.maintenanceWindows()).singleElement().satisfies(w -> {
            assertThat(w.weekday()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(w.length()).isEqualTo(Duration.ofMinutes(80));
        });
        assertThat(prod.heartbeat().deadline()).isEqualTo(LocalTime.of(6, 0));
        // The run starts at dataPipeline.nightlyAt (01:30) and must report by the heartbeat deadline (06:00).
        assertThat(prod.heartbeat().runWindow()).isEqualTo(Duration.ofMinutes(270));
        assertThat(prod.runbookUrl("error-rate"))
                .isEqualTo("https://github.com/two-zero-seven/infra/blob/main/docs/runbooks/error-rate.md");
    }

    @Test
    void burnAlertsDefaultToCompoundAndAcceptOnlyCompoundOrSingle() {
        assertThat(StackSettingsParser.parse(StackFixture.read("prod")).observability().burnAlerts())
                .isEqualTo(BurnAlertMode.COMPOUND);
        assertThat(StackSettingsParser.parse(StackFixture.edited("prod", temp, c -> obs(c).put("burnAlerts", "single")))
                .observability().burnAlerts()).isEqualTo(BurnAlertMode.SINGLE);
        assertProblem("prod", c -> obs(c).put("burnAlerts", "legacy"), "observability.burnAlerts", "single");
    }

    @Test
    void deployMarkersNeedTheNewRelicUserKeyUnderTheEngineUnlessTurnedOff() {
        RawConfig offline = StackFixture.read("stg");
        var values = withoutSecrets(offline);
        values.remove(offline.project() + ":" + SecretKey.NEW_RELIC_API_KEY.key());
        var secrets = java.util.Set.of(offline.project() + ":" + SecretKey.SLACK_WEBHOOK_URL.key(), ORIGIN_SECRET,
                offline.project() + ":" + SecretKey.NEW_RELIC_INGEST_KEY.key());
        RawConfig engine = new RawConfig(offline.project(), offline.stack(), values, secrets, "the Pulumi engine", false,
                offline.projectDir());
        assertThatThrownBy(() -> StackSettingsParser.parse(engine)).isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("platform-207:observability.deployMarkers");
                    assertThat(p.message()).contains("pulumi config set --secret <project>:newRelicApiKey")
                            .contains("deployMarkers: false");
                }));
        var off = new HashMap<>(values);
        off.put(offline.project() + ":observability",
                off.get(offline.project() + ":observability").replaceFirst("\\{", "{\"deployMarkers\":false,"));
        assertThat(StackSettingsParser.parse(new RawConfig(offline.project(), offline.stack(), off, secrets,
                "the Pulumi engine", false, offline.projectDir())).observability().deployMarkers()).isFalse();
    }

    @Test
    void unknownServiceIsRejected() {
        assertProblem("prod", c -> ((ObjectNode) obs(c).get("services")).set("admin", api(c).deepCopy()),
                "observability.services.admin", "unknown service");
    }

    @Test
    void serviceWithoutSloIsRejected() {
        assertProblem("prod", c -> ((ObjectNode) obs(c).get("services")).remove("web"),
                "observability.services.web", "every service needs an SLO list");
    }

    @Test
    void stagingMustNotPageAndProductionMust() {
        assertProblem("stg", c -> ((ObjectNode) obs(c).get("routing")).put("paging", true),
                "observability.routing.paging", "only production pages");
        assertProblem("prod", c -> ((ObjectNode) obs(c).get("routing")).put("paging", false),
                "observability.routing.paging", "production must page");
    }

    @Test
    void pagingWithoutPagerDutyKeyOutsideTheOfflineSynthIsRejected() {
        RawConfig offline = StackFixture.read("prod");
        RawConfig engine = new RawConfig(offline.project(), offline.stack(), withoutSecrets(offline),
                java.util.Set.of(offline.project() + ":" + SecretKey.SLACK_WEBHOOK_URL.key(), ORIGIN_SECRET,
                        offline.project() + ":" + SecretKey.NEW_RELIC_INGEST_KEY.key(),
                        offline.project() + ":" + SecretKey.NEW_RELIC_API_KEY.key()), "the Pulumi engine", false,
                offline.projectDir());
        assertThatThrownBy(() -> StackSettingsParser.parse(engine))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("platform-207:observability.routing.paging");
                    assertThat(p.message()).contains("pulumi config set --secret platform-207:pagerDutyIntegrationKey");
                }));
    }

    @Test
    void badAccountRegionSlackIdsClockAndTypoAreAllReportedAtOnce() {
        assertThatThrownBy(() -> StackSettingsParser.parse(StackFixture.edited("prod", temp, c -> {
            ObjectNode nr = (ObjectNode) obs(c).get("newRelic");
            nr.put("accountId", 3456789).put("region", "JP");
            ObjectNode routing = (ObjectNode) obs(c).get("routing");
            routing.put("slackDestinationId", "ops").put("slackChannelId", "#ops");
            ((ObjectNode) obs(c).get("dataPipeline")).put("heartbeatDeadline", "25:00");
            api(c).put("objectivePercnt", 99.9);
        }))).isInstanceOf(SettingsException.class).satisfies(e -> assertThat(((SettingsException) e).problems())
                .extracting(Problem::key).contains(
                        "platform-207:observability.newRelic.accountId",
                        "platform-207:observability.newRelic.region",
                        "platform-207:observability.routing.slackDestinationId",
                        "platform-207:observability.routing.slackChannelId",
                        "platform-207:observability.dataPipeline.heartbeatDeadline",
                        "platform-207:observability.services.api.objectivePercnt"));
    }

    @Test
    void emptyMaintenanceWindowIsRejected() {
        assertProblem("prod", c -> ((ObjectNode) ((com.fasterxml.jackson.databind.node.ArrayNode) obs(c)
                        .get("maintenanceWindows")).get(0)).put("end", "03:25"),
                "observability.maintenanceWindows[0].end", "the window is empty");
    }

    private void assertProblem(String stack, Consumer<ObjectNode> edit, String key, String fragment) {
        assertThatThrownBy(() -> StackSettingsParser.parse(StackFixture.edited(stack, temp, edit)))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).anySatisfy(p -> {
                    assertThat(p.key()).isEqualTo("platform-207:" + key);
                    assertThat(p.message()).contains(fragment);
                }));
    }

    private static ObjectNode obs(ObjectNode config) {
        return StackFixture.at(config, "observability");
    }

    private static ObjectNode api(ObjectNode config) {
        return (ObjectNode) obs(config).get("services").get("api");
    }

    private static final String ORIGIN_SECRET = "platform-207:" + SecretKey.CDN_ORIGIN_SECRET.key();

    private static java.util.Map<String, String> withoutSecrets(RawConfig raw) {
        var values = new HashMap<>(raw.values());
        for (SecretKey key : SecretKey.values()) {
            values.remove(raw.project() + ":" + key.key());
        }
        // The Slack webhook and the ingest key are required everywhere; give them as the engine would (declared
        // secret above).
        values.put(raw.project() + ":" + SecretKey.SLACK_WEBHOOK_URL.key(), "https://hooks.slack.com/x");
        values.put(raw.project() + ":" + SecretKey.NEW_RELIC_INGEST_KEY.key(), "ingest-key");
        values.put(raw.project() + ":" + SecretKey.NEW_RELIC_API_KEY.key(), "user-key");
        // cdn.albOriginDomain is set in both stacks (settings/CdnOriginSecret)
        values.put(ORIGIN_SECRET, "0123456789abcdef0123456789abcdef");
        return values;
    }
}
