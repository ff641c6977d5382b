package jp.twozeroseven.infra.data.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.data.masking.ExportZone;
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

    private static JsonNode container(ExportZone zone, String db, Optional<String> key) throws Exception {
        return new ObjectMapper().readTree(EmbulkContainer.definitions(new EmbulkContainer.Spec("repo:tag", "bucket",
                "config/embulk/", zone, db, key, "/p/data/embulk", "ap-northeast-1"))).get(0);
    }

    private static JsonNode masked() throws Exception {
        return container(ExportZone.MASKED, DB, Optional.of(KEY));
    }

    private static List<String> secretNames(JsonNode c) {
        List<String> names = new ArrayList<>();
        c.get("secrets").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    /** Issue 15: a masked run never receives the raw-export credentials, a raw run never the pseudonym key. */
    @Test
    void eachZonesTaskReceivesOnlyItsOwnSecretsAndNamesItsZone() throws Exception {
        JsonNode masked = masked();
        assertThat(secretNames(masked)).containsExactly("EMBULK_DB_USER", "EMBULK_DB_PASSWORD", "EMBULK_PSEUDONYM_KEY");
        assertThat(masked.toString()).doesNotContain(RAW);
        JsonNode raw = container(ExportZone.RAW, RAW, Optional.empty());
        assertThat(secretNames(raw)).containsExactly("EMBULK_RAW_DB_USER", "EMBULK_RAW_DB_PASSWORD");
        raw.get("secrets").forEach(s -> assertThat(s.get("valueFrom").asText()).startsWith(RAW + ":"));
        assertThat(raw.toString()).doesNotContain(KEY).doesNotContain(DB);
        assertThat(environment(masked)).contains("EMBULK_EXPORT_ZONE=masked");
        assertThat(environment(raw)).contains("EMBULK_EXPORT_ZONE=raw");
        assertThatThrownBy(() -> container(ExportZone.RAW, RAW, Optional.of(KEY))).hasMessageContaining("must not receive the pseudonym key");
        assertThatThrownBy(() -> container(ExportZone.MASKED, DB, Optional.empty())).hasMessageContaining("needs the pseudonym key");
    }

    private static List<String> environment(JsonNode c) {
        List<String> env = new ArrayList<>();
        c.get("environment").forEach(e -> env.add(e.get("name").asText() + "=" + e.get("value").asText()));
        return env;
    }

    @Test
    void theWatermarkPrefixAndWarnLevelAreInThePlainEnvironment() throws Exception {
        assertThat(environment(masked())).contains("EMBULK_STATE_PREFIX=state/", "EMBULK_LOG_LEVEL=warn");
    }

    @Test
    void aRawSecretThatIsNotASecretsManagerArnIsRefused() {
        assertThatThrownBy(() -> container(ExportZone.RAW, "plain-password", Optional.empty())).hasMessageContaining("EMBULK_RAW_DB_USER")
                .hasMessageContaining("plain-password");
    }
}
