package jp.twozeroseven.infra.data.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbulkContainerTest {

    private static final String DB = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:p/etl/database-AbCdEf";
    private static final String RAW = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:p/etl/database-raw-XyZ";
    private static final String KEY = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:p/etl/pseudonym-key-1";

    private static JsonNode container(Optional<String> raw) throws Exception {
        return new ObjectMapper().readTree(EmbulkContainer.definitions(new EmbulkContainer.Spec("repo:tag", "bucket",
                "config/embulk/", DB, KEY, raw, "/p/data/embulk", "ap-northeast-1"))).get(0);
    }

    private static List<String> secretNames(JsonNode c) {
        List<String> names = new ArrayList<>();
        c.get("secrets").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    @Test
    void theRawUserIsInjectedOnlyWhenTheStackExportsRawTables() throws Exception {
        assertThat(secretNames(container(Optional.empty()))).containsExactlyInAnyOrder("EMBULK_DB_USER",
                "EMBULK_DB_PASSWORD", "EMBULK_PSEUDONYM_KEY");
        JsonNode withRaw = container(Optional.of(RAW));
        assertThat(secretNames(withRaw)).contains("EMBULK_RAW_DB_USER", "EMBULK_RAW_DB_PASSWORD");
        withRaw.get("secrets").forEach(s -> {
            if (s.get("name").asText().startsWith("EMBULK_RAW_")) {
                assertThat(s.get("valueFrom").asText()).startsWith(RAW + ":");
            } else if (s.get("name").asText().startsWith("EMBULK_DB_")) {
                assertThat(s.get("valueFrom").asText()).startsWith(DB + ":");
            }
        });
    }

    @Test
    void theWatermarkPrefixAndWarnLevelAreInThePlainEnvironment() throws Exception {
        List<String> env = new ArrayList<>();
        container(Optional.empty()).get("environment").forEach(e -> env.add(e.get("name").asText() + "=" + e.get("value").asText()));
        assertThat(env).contains("EMBULK_STATE_PREFIX=state/", "EMBULK_LOG_LEVEL=warn");
    }

    @Test
    void aRawSecretThatIsNotASecretsManagerArnIsRefused() {
        assertThatThrownBy(() -> container(Optional.of("plain-password"))).hasMessageContaining("EMBULK_RAW_DB_USER")
                .hasMessageContaining("plain-password");
    }
}
