package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Under the CLI the same settings must come out of the engine's environment as out of the stack file. */
class EngineEnvironmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEnginesConfigGivesTheSameSettingsAsTheStackFile() throws Exception {
        RawConfig file = StackFixture.read("prod");
        Map<String, String> values = new HashMap<>(file.values());
        values.put("platform-207:slackWebhookUrl", "https://hooks.slack.com/services/T0/B0/x");
        values.put("platform-207:newRelicIngestKey", "ingest-key");
        values.put("platform-207:pagerDutyIntegrationKey", "pd-key");
        values.put("platform-207:newRelicApiKey", "user-key");
        values.put("platform-207:cdnOriginSecret", "0123456789abcdef0123456789abcdef");
        Map<String, String> env = Map.of(
                "PULUMI_PROJECT", "platform-207",
                "PULUMI_STACK", "prod",
                "PULUMI_CONFIG", JSON.writeValueAsString(values),
                "PULUMI_CONFIG_SECRET_KEYS", JSON.writeValueAsString(List.of("platform-207:slackWebhookUrl",
                        "platform-207:newRelicIngestKey", "platform-207:pagerDutyIntegrationKey",
                        "platform-207:newRelicApiKey", "platform-207:cdnOriginSecret")),
                "PULUMI_ROOT_DIRECTORY", StackFixture.PROJECT.toString());

        RawConfig engine = EngineEnvironment.read(env);
        StackSettings fromEngine = StackSettingsParser.parse(engine);
        StackSettings fromFile = StackSettingsParser.parse(file);

        assertThat(engine.offline()).isFalse();
        assertThat(fromEngine.network()).isEqualTo(fromFile.network());
        assertThat(fromEngine.services()).isEqualTo(fromFile.services());
        assertThat(fromEngine.database()).isEqualTo(fromFile.database());
        assertThat(fromEngine.observability()).isEqualTo(fromFile.observability());
        assertThat(fromEngine.secrets().get(SecretKey.SLACK_WEBHOOK_URL).orElseThrow().reveal())
                .isEqualTo("https://hooks.slack.com/services/T0/B0/x");
    }

    @Test
    void outsideTheCliItSaysHowToRunTheProgram() {
        assertThatThrownBy(() -> EngineEnvironment.read(Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("outside the Pulumi CLI")
                .hasMessageContaining("synth --stack");
    }

    @Test
    void configThatIsNotJsonIsReportedNotThrown() {
        assertThatThrownBy(() -> EngineEnvironment.read(Map.of("PULUMI_PROJECT", "platform-207",
                "PULUMI_STACK", "prod", "PULUMI_CONFIG", "{not json")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("PULUMI_CONFIG");
    }
}
