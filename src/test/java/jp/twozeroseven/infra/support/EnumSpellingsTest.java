package jp.twozeroseven.infra.support;

import jp.twozeroseven.infra.catalog.ColumnType;
import jp.twozeroseven.infra.catalog.DataClass;
import jp.twozeroseven.infra.catalog.Masking;
import jp.twozeroseven.infra.catalog.PseudonymForm;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.data.masking.OutputType;
import jp.twozeroseven.infra.iam.Effect;
import jp.twozeroseven.infra.observability.alerts.Runbooks;
import jp.twozeroseven.infra.platform.containers.NewRelicAccountRegion;
import jp.twozeroseven.infra.settings.AccessZone;
import jp.twozeroseven.infra.settings.EtlCapacity;
import jp.twozeroseven.infra.settings.KeyRead;
import jp.twozeroseven.infra.settings.SecretKey;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spelling an enum constant has outside Java, written out: the stack files, the data catalog, the docs, the
 * policy pack and the S3 keys depend on them, so a change of how a spelling is produced (a field, or a rule of the
 * constant's name) must leave every one of them as it is.
 */
class EnumSpellingsTest {

    private static <E extends Enum<E>> Map<String, String> spellings(Class<E> type, Function<E, String> spelling) {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(c -> out.put(c.name(), spelling.apply(c)));
        return out;
    }

    @Test
    void catalogSpellings() {
        assertThat(spellings(PseudonymForm.class, PseudonymForm::yamlName)).containsExactlyEntriesOf(ordered(
                "ID", "id", "PHONE", "phone", "EMAIL", "email", "TEXT", "text"));
        assertThat(spellings(ColumnType.class, ColumnType::yamlName)).containsExactlyEntriesOf(ordered(
                "SMALLINT", "smallint", "INTEGER", "integer", "BIGINT", "bigint", "NUMERIC", "numeric",
                "DOUBLE", "double", "BOOLEAN", "boolean", "TEXT", "text", "UUID", "uuid", "JSONB", "jsonb",
                "DATE", "date", "TIMESTAMP", "timestamp", "TIMESTAMPTZ", "timestamptz"));
        assertThat(spellings(ColumnType.class, ColumnType::postgresName)).containsExactlyEntriesOf(ordered(
                "SMALLINT", "smallint", "INTEGER", "integer", "BIGINT", "bigint", "NUMERIC", "numeric",
                "DOUBLE", "double precision", "BOOLEAN", "boolean", "TEXT", "text", "UUID", "uuid", "JSONB", "jsonb",
                "DATE", "date", "TIMESTAMP", "timestamp", "TIMESTAMPTZ", "timestamptz"));
        assertThat(spellings(Masking.class, Masking::yamlName)).containsExactlyEntriesOf(ordered(
                "KEEP", "keep", "PSEUDONYMIZE", "pseudonymize", "DROP", "drop", "PREFECTURE", "prefecture",
                "POSTAL_PREFIX3", "postal_prefix3", "ROUND_2DP", "round_2dp", "TRUNCATE_YEAR", "truncate_year",
                "TRUNCATE_MONTH", "truncate_month", "TRUNCATE_DAY", "truncate_day", "TRUNCATE_HOUR", "truncate_hour"));
        assertThat(spellings(DataClass.class, DataClass::yamlName)).containsExactlyEntriesOf(ordered(
                "PUBLIC", "public", "INTERNAL", "internal", "IDENTIFIER", "identifier", "CONTACT", "contact",
                "NAME", "name", "ADDRESS", "address", "LOCATION", "location", "FREE_TEXT", "free_text",
                "SECRET", "secret", "BIRTH_DATE", "birth_date", "TIMESTAMP_IDENTIFYING", "timestamp_identifying"));
    }

    @Test
    void lookupsAndListsOfTheCatalogNames() {
        assertThat(PseudonymForm.allowedNames()).isEqualTo("id, phone, email, text");
        assertThat(ColumnType.allowedNames()).isEqualTo("smallint, integer, bigint, numeric, double, boolean, text, "
                + "uuid, jsonb, date, timestamp, timestamptz");
        assertThat(Masking.allowedNames()).isEqualTo("keep, pseudonymize, drop, prefecture, postal_prefix3, "
                + "round_2dp, truncate_year, truncate_month, truncate_day, truncate_hour");
        assertThat(DataClass.allowedNames()).isEqualTo("public, internal, identifier, contact, name, address, "
                + "location, free_text, secret, birth_date, timestamp_identifying");
        assertThat(PseudonymForm.fromYaml("phone")).contains(PseudonymForm.PHONE);
        assertThat(ColumnType.fromYaml("timestamptz")).contains(ColumnType.TIMESTAMPTZ);
        assertThat(Masking.fromYaml("round_2dp")).contains(Masking.ROUND_2DP);
        assertThat(DataClass.fromYaml("free_text")).contains(DataClass.FREE_TEXT);
        assertThat(PseudonymForm.fromYaml("PHONE")).isEmpty();
        assertThat(ColumnType.fromYaml("double precision")).isEmpty();
        assertThat(Masking.fromYaml("round-2dp")).isEmpty();
        assertThat(DataClass.fromYaml("FREE_TEXT")).isEmpty();
    }

    @Test
    void settingsSpellings() {
        assertThat(spellings(AccessZone.class, AccessZone::yamlName)).containsExactlyEntriesOf(ordered(
                "RAW", "raw", "MASKED", "masked"));
        assertThat(spellings(EtlCapacity.class, EtlCapacity::yamlName)).containsExactlyEntriesOf(ordered(
                "SPOT_FIRST", "spot-first", "ON_DEMAND", "on-demand"));
        assertThat(spellings(KeyRead.Kind.class, KeyRead.Kind::label)).containsExactlyEntriesOf(ordered(
                "TEXT", "text", "WHOLE_NUMBER", "whole number", "NUMBER", "number", "BOOLEAN", "true or false",
                "CHOICE", "one of", "TEXT_LIST", "list of text", "OBJECT", "object", "OBJECT_LIST", "list of objects",
                "NAMED_OBJECTS", "object of named entries", "STRING_MAP", "object of text values"));
        assertThat(spellings(SecretKey.class, SecretKey::key)).containsExactlyEntriesOf(ordered(
                "SLACK_WEBHOOK_URL", "slackWebhookUrl", "NEW_RELIC_INGEST_KEY", "newRelicIngestKey",
                "PAGERDUTY_INTEGRATION_KEY", "pagerDutyIntegrationKey", "NEW_RELIC_API_KEY", "newRelicApiKey",
                "CDN_ORIGIN_SECRET", "cdnOriginSecret"));
    }

    @Test
    void dataIamAndPlatformSpellings() {
        assertThat(spellings(ExportZone.class, ExportZone::prefix)).containsExactlyEntriesOf(ordered(
                "MASKED", "masked", "RAW", "raw"));
        assertThat(spellings(OutputType.class, OutputType::glueType)).containsExactlyEntriesOf(ordered(
                "LONG", "bigint", "DOUBLE", "double", "BOOLEAN", "boolean", "STRING", "string", "DATE", "date",
                "TIMESTAMP", "timestamp"));
        assertThat(spellings(Effect.class, Effect::jsonValue)).containsExactlyEntriesOf(ordered(
                "ALLOW", "Allow", "DENY", "Deny"));
        assertThat(spellings(NewRelicAccountRegion.class, NewRelicAccountRegion::logEndpoint))
                .containsExactlyEntriesOf(ordered(
                        "US", "https://log-api.newrelic.com/log/v1", "EU", "https://log-api.eu.newrelic.com/log/v1"));
    }

    @Test
    void runbookFileNames() {
        assertThat(spellings(Runbooks.class, Runbooks::fileName)).containsExactlyEntriesOf(ordered(
                "SLO_BURN_RATE", "slo-burn-rate", "ERROR_RATE", "error-rate", "P95_LATENCY", "p95-latency",
                "THROUGHPUT_DROP", "throughput-drop", "LOSS_OF_SIGNAL", "loss-of-signal",
                "DATA_PIPELINE_HEARTBEAT", "data-pipeline-heartbeat", "OUTSIDE_IN_OUTAGE", "outside-in-outage"));
    }

    private static Map<String, String> ordered(String... nameThenSpelling) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSpelling.length; i += 2) {
            out.put(nameThenSpelling[i], nameThenSpelling[i + 1]);
        }
        return out;
    }
}
