package jp.twozeroseven.infra.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.awsrules.CodeDeployOwnedServiceFields;
import jp.twozeroseven.infra.platform.containers.ContainerDefinitions;
import jp.twozeroseven.infra.platform.containers.SecretLookingValues;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.settings.SettingsException;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.support.PipelineEvents;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedContractsTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    private static final Path JSON = ROOT.resolve(SharedContracts.JSON_FILE);

    @TempDir
    Path temp;

    @Test
    void theCommittedJsonIsTheRenderingOfTheJavaSource() throws IOException {
        String rendered = SharedContracts.json();
        if (Boolean.getBoolean("contracts.write")) {
            Files.writeString(JSON, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(JSON, StandardCharsets.UTF_8))
                .as("%s is out of date with SharedContracts; regenerate it with: %s", SharedContracts.JSON_FILE,
                        SharedContracts.REGENERATE)
                .isEqualTo(rendered);
    }

    @Test
    void theJsonCarriesEveryContractTheWayThePackReadsIt() throws IOException {
        JsonNode json = new ObjectMapper().readTree(SharedContracts.json());
        assertThat(json.path("codeDeployOwnedFields").path("ecsService")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(SharedContracts.CODEDEPLOY_OWNED_SERVICE_FIELDS);
        assertThat(json.path("codeDeployOwnedFields").path("listenerRule")).extracting(JsonNode::asText)
                .containsExactly("actions");
        assertThat(json.path("optOutLabels").path("writableRoot").asText()).isEqualTo("jp.207.writable-root");
        assertThat(json.path("optOutLabels").path("writableRootReason").asText()).isEqualTo("jp.207.writable-root-reason");
        assertThat(json.path("secretNames").path("pattern").asText()).isEqualTo(SharedContracts.SECRET_NAME_REGEX);
        assertThat(json.path("secretNames").path("flags").asText()).isEqualTo("i");
        assertThat(json.path("eventTypes").path("etlRunSucceeded").asText()).isEqualTo("EtlRunSucceeded");
        assertThat(json.path("eventTypes").path("etlHeartbeatCheck").asText()).isEqualTo("EtlHeartbeatCheck");
    }

    @Test
    void theProgramUsesTheContractsNotCopies() {
        assertThat(AppService.OWNED_BY_DEPLOYMENTS).isSameAs(SharedContracts.CODEDEPLOY_OWNED_SERVICE_FIELDS);
        assertThat(AppService.LISTENER_FIELDS_OWNED_BY_CODEDEPLOY).isSameAs(SharedContracts.CODEDEPLOY_OWNED_LISTENER_RULE_FIELDS);
        assertThat(ContainerDefinitions.WRITABLE_ROOT_LABEL).isSameAs(SharedContracts.WRITABLE_ROOT_LABEL);
        assertThat(PipelineEvents.RUN_SUCCEEDED).isSameAs(SharedContracts.ETL_RUN_SUCCEEDED_EVENT);
        assertThat(PipelineEvents.HEARTBEAT_CHECK).isSameAs(SharedContracts.ETL_HEARTBEAT_CHECK_EVENT);
        assertThat(new CodeDeployOwnedServiceFields().requirement()).contains("network configuration");
    }

    @Test
    void theSecretNameRuleIsOneRegexThatJavaScriptReadsAlike() {
        // Only constructs java.util.regex and ECMAScript RegExp read alike: no (?i), possessive, atomic or named groups.
        assertThat(SharedContracts.SECRET_NAME_REGEX).doesNotContain("(?").doesNotContain("++").doesNotContain("*+")
                .doesNotContain("\\p").doesNotContain("\\A").doesNotContain("\\Z");
        assertThat(SharedContracts.SECRET_NAME.flags() & Pattern.CASE_INSENSITIVE).isNotZero();
        assertThat(SharedContracts.SECRET_NAME_EXAMPLES).allMatch(SharedContracts::looksLikeSecretName);
        assertThat(SharedContracts.NOT_SECRET_NAME_EXAMPLES).noneMatch(SharedContracts::looksLikeSecretName);
        assertThat(SharedContracts.looksLikeSecretName(null)).isFalse();
    }

    // The names on which the three former rules disagreed (settings.ServiceParser: a substring list without PASSWD;
    // platform.containers.SecretLookingValues: no bare KEY or LICENSE; the pack: no glued ACCESSKEY, and PRIVATE alone).
    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWD", "AWS_ACCESSKEY_ID", "SIGNING_KEY", "NEW_RELIC_LICENSE", "ENCRYPTION_KEYS"})
    void theTaskDefinitionCheckRefusesTheNamesTheRulesDisagreedOn(String name) {
        assertThat(SharedContracts.SECRET_NAME_EXAMPLES).contains(name);
        assertThat(SecretLookingValues.reason(name, "v")).contains("its name looks like a secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KEYBOARD_LAYOUT", "MONKEY_PATCH", "PRIVATE_SUBNET_IDS"})
    void theTaskDefinitionCheckLetsThroughTheHarmlessNamesTheRulesDisagreedOn(String name) {
        assertThat(SharedContracts.NOT_SECRET_NAME_EXAMPLES).contains(name);
        assertThat(SecretLookingValues.reason(name, "v")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWD", "AWS_ACCESSKEY_ID", "SIGNING_KEY", "NEW_RELIC_LICENSE", "ENCRYPTION_KEYS"})
    void theStackConfigRefusesTheNamesTheRulesDisagreedOn(String name) {
        var raw = StackFixture.edited("stg", temp, c -> ((ObjectNode)
                StackFixture.at(c, "services").get("api").get("environment")).put(name, "v"));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("environment." + name).hasMessageContaining("looks like a secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KEYBOARD_LAYOUT", "MONKEY_PATCH", "PRIVATE_SUBNET_IDS"})
    void theStackConfigAcceptsTheHarmlessNamesTheRulesDisagreedOn(String name) {
        var raw = StackFixture.edited("stg", temp, c -> ((ObjectNode)
                StackFixture.at(c, "services").get("api").get("environment")).put(name, "v"));
        assertThat(StackSettingsParser.parse(raw).services()).anySatisfy(service ->
                assertThat(service.environment()).containsEntry(name, "v"));
    }
}
