package jp.twozeroseven.infra.data.notify;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyDeploymentTriggersTest {

    private static final String WEBHOOK = "https://hooks.slack.com/services/T000/B000/secretpart";
    private static final Map<String, String> TEMPLATES = Map.of("/notify/etl-failure", "a", "/notify/etl-summary", "b");
    private static final String POLICY = "{\"Statement\":[]}";

    private static Map<String, String> triggers(Map<String, String> templates, String webhook,
                                                Map<String, Object> integrations, String policy) {
        return new NotifyDeploymentTriggers(templates, webhook, integrations, policy).toMap();
    }

    @Test
    void eachPartOfTheRequestPathHasItsOwnTrigger() {
        Map<String, String> base = triggers(TEMPLATES, WEBHOOK, SlackNotifier.integrationSettings(), POLICY);
        assertThat(base).containsOnlyKeys("templates", "integrations", "resourcePolicy", "webhookUri");

        assertThat(triggers(Map.of("/notify/etl-failure", "a2", "/notify/etl-summary", "b"), WEBHOOK,
                SlackNotifier.integrationSettings(), POLICY)).extractingByKey("templates").isNotEqualTo(base.get("templates"));
        assertThat(triggers(TEMPLATES, WEBHOOK + "x", SlackNotifier.integrationSettings(), POLICY))
                .extractingByKey("webhookUri").isNotEqualTo(base.get("webhookUri"));
        assertThat(triggers(TEMPLATES, WEBHOOK, SlackNotifier.integrationSettings(), "{\"Statement\":[1]}"))
                .extractingByKey("resourcePolicy").isNotEqualTo(base.get("resourcePolicy"));
        Map<String, Object> changed = new HashMap<>(SlackNotifier.integrationSettings());
        changed.put("/notify/etl-summary", Map.of("timeoutMilliseconds", 29000));
        assertThat(triggers(TEMPLATES, WEBHOOK, changed, POLICY))
                .extractingByKey("integrations").isNotEqualTo(base.get("integrations"));
    }

    @Test
    void theSameInputsGiveTheSameTriggersWhateverTheMapOrder() {
        Map<String, String> reversed = new java.util.LinkedHashMap<>();
        reversed.put("/notify/etl-summary", "b");
        reversed.put("/notify/etl-failure", "a");
        assertThat(triggers(reversed, WEBHOOK, SlackNotifier.integrationSettings(), POLICY))
                .isEqualTo(triggers(TEMPLATES, WEBHOOK, SlackNotifier.integrationSettings(), POLICY));
    }

    @Test
    void theWebhookNeverAppearsInTheTriggers() {
        assertThat(triggers(TEMPLATES, WEBHOOK, SlackNotifier.integrationSettings(), POLICY).toString())
                .doesNotContain("hooks.slack.com").doesNotContain("secretpart");
    }

    @Test
    void missingPartsAreRefused() {
        assertThatThrownBy(() -> triggers(TEMPLATES, "", SlackNotifier.integrationSettings(), POLICY))
                .hasMessageContaining("slackWebhookUrl");
        assertThatThrownBy(() -> triggers(TEMPLATES, WEBHOOK, SlackNotifier.integrationSettings(), " "))
                .hasMessageContaining("resource policy");
    }
}
