package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.twozeroseven.infra.settings.StackFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secret CloudFront sends to the ALB: validated once, at the edge, never shown. */
class CdnOriginSecretTest {

    private static final String KEY = "platform-207:cdnOriginSecret";
    private static final String GOOD = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String OLD = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path temp;

    /** The stack as the engine gives it (secrets decrypted), with the other required secrets set. */
    private static RawConfig engine(RawConfig offline, String originSecret) {
        Map<String, String> values = new HashMap<>(offline.values());
        Set<String> secrets = new HashSet<>(offline.secretKeys());
        for (var e : Map.of("slackWebhookUrl", "https://hooks.slack.com/x", "newRelicIngestKey", "ingest",
                "newRelicApiKey", "user", "pagerDutyIntegrationKey", "pd").entrySet()) {
            values.put("platform-207:" + e.getKey(), e.getValue());
            secrets.add("platform-207:" + e.getKey());
        }
        if (originSecret != null) {
            values.put(KEY, originSecret);
            secrets.add(KEY);
        }
        return new RawConfig(offline.project(), offline.stack(), values, secrets, "the Pulumi engine", false,
                offline.projectDir());
    }

    @Test
    void aFirstUpWithoutTheSecretGetsOneMessageNamingTheKeyAndHowToSetIt() {
        assertThatThrownBy(() -> StackSettingsParser.parse(engine(StackFixture.read("prod"), null)))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo(KEY);
                    assertThat(p.message()).contains("required while cdn.albOriginDomain is set")
                            .contains("admin.207-delivery.jp")
                            .contains("pulumi config set --secret platform-207:cdnOriginSecret \"$(openssl rand -hex 32)\"");
                }));
    }

    @Test
    void oneValueOrNewCommaOldWhileRotatingTheFirstIsSent() {
        StackSettings one = StackSettingsParser.parse(engine(StackFixture.read("prod"), GOOD));
        assertThat(CdnOriginSecret.values(one)).containsExactly(GOOD);
        StackSettings rotating = StackSettingsParser.parse(engine(StackFixture.read("prod"), GOOD + "," + OLD));
        assertThat(CdnOriginSecret.values(rotating)).containsExactly(GOOD, OLD);
    }

    /** ELB API Reference, HttpHeaderConditionConfig: values of at most 128 characters, * and ? are wildcards. */
    @Test
    void wildcardsShortOrLongValuesAndThreeValuesAreRefusedWithoutShowingThem() {
        for (String bad : List.of("*", "0123456789abcdef0123456789abcde?", "short", "a".repeat(129),
                GOOD + "," + OLD + "," + OLD.toUpperCase(), GOOD + ",")) {
            assertThatThrownBy(() -> StackSettingsParser.parse(engine(StackFixture.read("stg"), bad)))
                    .satisfies(e -> assertThat(((SettingsException) e).problems()).singleElement().satisfies(p -> {
                        assertThat(p.key()).isEqualTo(KEY);
                        assertThat(p.value()).isEqualTo("(secret, not shown)");
                        assertThat(p.message()).contains("32 to 128 characters");
                        if (bad.length() >= 32) {
                            assertThat(p.message()).doesNotContain(bad.substring(0, 32));
                        }
                    }));
        }
    }

    @Test
    void theDenyRulePriorityMustBeFree() {
        RawConfig raw = StackFixture.edited("prod", temp, c -> ((ObjectNode) at(c, "services").get("api")
                .get("routing")).put("priority", 21));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw)).hasMessageContaining(
                "platform-207:services.api.routing.priority = \"21\": is the priority of the rule that answers 403 to "
                        + "admin.207-delivery.jp");
    }

    @Test
    void theGuardedServiceHealthPathMustBeOneCloudFrontForwards() {
        RawConfig raw = StackFixture.edited("stg", temp, c -> ((ObjectNode) at(c, "services").get("web"))
                .put("healthCheckPath", "/healthz"));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw)).hasMessageContaining(
                "platform-207:services.web.healthCheckPath = \"/healthz\": the outside-in check of web goes through "
                        + "CloudFront");
    }

    @Test
    void tooManyRoutingValuesForTheAlbsFiveConditionValuesAreRefused() {
        RawConfig raw = StackFixture.edited("stg", temp, c -> ((ObjectNode) at(c, "services").get("web").get("routing"))
                .set("pathPatterns", c.arrayNode().add("/a/*").add("/b/*").add("/c/*")));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw)).hasMessageContaining(
                "platform-207:services.web.routing = \"4 host headers and path patterns\"")
                .hasMessageContaining("5 condition values per rule");
    }

    @Test
    void withoutAnAlbOriginTheSecretHasNoEffect() {
        RawConfig offline = StackFixture.edited("stg", temp, c -> {
            at(c, "cdn").remove("albOriginDomain");
            at(c, "cdn").remove("albPathPatterns");
        });
        assertThatThrownBy(() -> StackSettingsParser.parse(engine(offline, GOOD)))
                .hasMessageContaining(KEY + " = \"(secret, not shown)\": has no effect without cdn.albOriginDomain");
        assertThat(CdnOriginSecret.values(StackSettingsParser.parse(engine(offline, null)))).isEmpty();
    }

    @Test
    void globsFollowCloudFrontPathPatterns() {
        assertThat("/api/health").matches(CdnOriginSecret.glob("/api/*"));
        assertThat("/apix").doesNotMatch(CdnOriginSecret.glob("/api/*"));
        assertThat("/a.b").doesNotMatch(CdnOriginSecret.glob("/a?c"));
        assertThat("/a.c").matches(CdnOriginSecret.glob("/a?c"));
    }
}
