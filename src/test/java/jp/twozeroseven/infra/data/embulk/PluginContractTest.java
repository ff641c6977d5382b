package jp.twozeroseven.infra.data.embulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every Embulk config both stacks generate, checked against the pinned task interfaces of embulk-input-postgresql
 * 0.11.1, Embulk 0.9.23's remove_columns and embulk-output-s3_parquet 0.5.3 (plugin-contracts.json, each key citing
 * its source line), and against the schema rules the plugins apply to the query's result.
 */
class PluginContractTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final PluginContract CONTRACT = PluginContract.pinned();
    private static final Pattern ALIAS = Pattern.compile("^ {2}.* AS \"([a-z0-9_]+)\",?$", Pattern.MULTILINE);

    static List<JsonNode> configs(String stack) throws Exception {
        List<JsonNode> configs = new ArrayList<>();
        for (SynthesizedResource r : SynthedStacks.ofType(stack, "aws:s3/bucketObjectv2:BucketObjectv2")) {
            JsonNode inputs = r.toJson().get("inputs");
            if (inputs.path("key").asText().startsWith("config/embulk/")) {
                configs.add(YAML.readTree(inputs.get("content").asText()));
            }
        }
        return configs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyGeneratedConfigIsAcceptedByThePinnedPlugins(String stack) throws Exception {
        List<JsonNode> configs = configs(stack);
        assertThat(configs).as("one config per table and zone").hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode config : configs) {
            String name = config.at("/in/application_name").asText() + " -> " + config.at("/out/path_prefix").asText();
            assertThat(CONTRACT.problems(config)).as(name).isEmpty();
            schemaRules(config, name);
        }
    }

    /** The rules that need the query's result columns (what embulk-input-jdbc's schema holds). */
    private static void schemaRules(JsonNode config, String name) {
        String query = config.at("/in/query").asText();
        String select = query.substring(0, query.indexOf("\nFROM "));
        List<String> aliases = new ArrayList<>();
        Matcher m = ALIAS.matcher(select);
        while (m.find()) {
            aliases.add(m.group(1));
        }
        List<String> incremental = new ArrayList<>();
        config.at("/in/incremental_columns").forEach(c -> incremental.add(c.asText()));
        // JdbcInputConnection.java:393-401 (v0.11.1): last_record.get(<result index>), so incremental column i
        // must be result column i.
        assertThat(aliases.subList(0, incremental.size())).as(name + ": incremental columns first").isEqualTo(incremental);
        List<String> output = new ArrayList<>(aliases);
        for (JsonNode filter : config.path("filters")) {
            List<String> removed = new ArrayList<>();
            filter.get("remove").forEach(c -> removed.add(c.asText()));
            // RemoveColumnsFilterPlugin.java:99-110: an unknown name fails unless accept_unmatched_columns.
            assertThat(aliases).as(name + ": removed columns exist").containsAll(removed);
            output.removeAll(removed);
        }
        assertThat(output).as(name + ": the watermark never reaches the output").noneMatch(c -> c.startsWith("embulk_wm_"));
        // ParquetFileWriteSupport.scala:79 (0.5.3): a column_options name must be a column of the output schema.
        config.at("/out/column_options").fieldNames().forEachRemaining(c ->
                assertThat(output).as(name + ": out.column_options." + c).contains(c));
    }

    static JsonNode drivers() throws Exception {
        return configs("prod").stream()
                .filter(c -> c.at("/in/application_name").asText().equals("embulk-export-drivers")).findFirst().orElseThrow();
    }

    private static List<String> problemsAfter(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode config = (ObjectNode) drivers().deepCopy();
        edit.accept(config);
        return CONTRACT.problems(config);
    }

    @Test
    void aWrongTypeFails() throws Exception {
        // The value docs/data-pipeline.md once promised; PostgreSQLInputPlugin.java:48-50 declares a boolean.
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("in")).put("ssl", "verify")))
                .singleElement().asString().contains("in.ssl: expected boolean, got string \"verify\"", "pg:48");
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("in")).put("fetch_rows", "10000")))
                .singleElement().asString().contains("in.fetch_rows: expected integer");
    }

    @Test
    void anUnknownKeyFails() throws Exception {
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("out")).put("path_prefx", "x")))
                .singleElement().asString().contains("out.path_prefx: unknown key");
        assertThat(problemsAfter(c -> ((ObjectNode) c.at("/out/type_options/timestamp/logical_type")).put("unit", "MILLIS")))
                .singleElement().asString().contains("out.type_options.timestamp.logical_type.unit: unknown key");
        assertThat(problemsAfter(c -> ((ObjectNode) c.at("/in/options")).put("sslmodee", "verify-full")))
                .singleElement().asString().contains("not a pgjdbc connection property");
    }

    @Test
    void aValueOutsideItsEnumerationFails() throws Exception {
        assertThat(problemsAfter(c -> ((ObjectNode) c.at("/out/type_options/timestamp/logical_type")).put("time_unit", "MICRO")))
                .singleElement().asString().contains("'MICRO' is not one of [MICROS, MILLIS, NANOS]");
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("out")).put("compression_codec", "snapy")))
                .singleElement().asString().contains("compression_codec");
        assertThat(problemsAfter(c -> ((ObjectNode) c.at("/in/options")).put("sslmode", "verify")))
                .singleElement().asString().contains("'verify' is not one of");
    }

    @Test
    void theLoadTimeRulesOfThePluginsFail() throws Exception {
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("in")).put("table", "drivers")))
                .anySatisfy(p -> assertThat(p).contains("exactly one of 'query' and 'table'"));
        assertThat(problemsAfter(c -> ((ArrayNode) c.at("/in/last_record")).remove(1)))
                .anySatisfy(p -> assertThat(p).contains("one value per incremental column"));
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("in")).put("query", "SELECT 1")))
                .anySatisfy(p -> assertThat(p).contains("has no ':embulk_wm_updated_at' placeholder"));
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("filters").get(0)).putArray("keep").add("id")))
                .anySatisfy(p -> assertThat(p).contains("exactly one of 'remove' and 'keep'"));
        assertThat(problemsAfter(c -> ((ObjectNode) c.get("out")).put("type", "parquet")))
                .anySatisfy(p -> assertThat(p).contains("not a plugin of the image"));
    }

    @Test
    void everyContractEntryCitesItsSource() {
        for (String plugin : List.of("embulk-input-postgresql", "remove_columns", "embulk-output-s3_parquet")) {
            JsonNode p = CONTRACT.plugin(plugin);
            List<JsonNode> entries = new ArrayList<>();
            p.get("keys").forEach(entries::add);
            p.get("objects").forEach(o -> o.forEach(entries::add));
            for (JsonNode entry : entries) {
                String source = entry.get("source").asText();
                String file = source.substring(0, source.indexOf(':'));
                assertThat(p.get("sources").has(file)).as(plugin + " " + source).isTrue();
                assertThat(source).as(plugin + " " + source).matches("[A-Za-z0-9]+:\\d+.*");
            }
        }
    }
}
