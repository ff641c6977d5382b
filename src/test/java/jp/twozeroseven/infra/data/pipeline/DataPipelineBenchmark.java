package jp.twozeroseven.infra.data.pipeline;

import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.Synthesizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synth time and state-machine size for synthetic catalogs of 10, 100 and 500 tables (docs/performance.md).
 * Run with {@code ./mvnw -B -q test -Dtest=DataPipelineBenchmark -Dgroups=benchmark}.
 */
@Tag("benchmark")
class DataPipelineBenchmark {

    @TempDir
    Path temp;

    static String catalog(int tables) {
        StringBuilder yaml = new StringBuilder("version: 1\nentities:\n  driver: {form: id}\n  phone: {form: phone}\ntables:\n");
        for (int i = 0; i < tables; i++) {
            yaml.append("  - name: table_").append(i).append('\n')
                    .append("    source: {schema: public, table: table_").append(i).append("}\n")
                    .append("    run_group: nightly\n")
                    .append("    incremental_column: updated_at\n")
                    // A small table, so the forecast of 500 of them still fits the night.
                    .append("    size: {rows: 10000, row_bytes: 200, daily_rows: 1000, history_days: 365}\n")
                    .append("    columns:\n")
                    .append("      - {name: id, type: bigint, class: internal}\n")
                    .append("      - {name: driver_id, type: bigint, class: identifier, entity: driver}\n")
                    .append("      - {name: phone, type: text, class: contact, entity: phone}\n")
                    .append("      - {name: full_name, type: text, class: name}\n")
                    .append("      - {name: address, type: text, class: address}\n")
                    .append("      - {name: lat, type: double, class: location}\n")
                    .append("      - {name: status, type: text, class: internal}\n")
                    .append("      - {name: updated_at, type: timestamptz, class: internal}\n");
        }
        return yaml.toString();
    }

    @Test
    void synthTimeAndDefinitionSize() throws Exception {
        StringBuilder report = new StringBuilder("| tables | resources | synth (s) | state-machine definition (bytes) |\n|---|---|---|---|\n");
        Integer firstSize = null;
        for (int tables : new int[]{10, 100, 500}) {
            Path file = temp.resolve("catalog-" + tables + ".yaml");
            Files.writeString(file, catalog(tables), StandardCharsets.UTF_8);
            RawConfig raw = StackFixture.edited("prod", temp, config -> {
                var pipeline = StackFixture.at(config, "dataPipeline");
                pipeline.put("catalog", file.toString());
                // The most slots settings allow: 500 tables on prod's 6 would (rightly) not fit the night.
                pipeline.put("maxConcurrency", 40);
                var access = (com.fasterxml.jackson.databind.node.ObjectNode) pipeline.get("access");
                access.putArray("rawZoneReaders");
                access.putArray("rawZoneTables");
                ((com.fasterxml.jackson.databind.node.ObjectNode) access.get("audiences")).remove("delivery-investigations");
            });
            long start = System.nanoTime();
            SynthResult result = Synthesizer.synth(raw, StackSettingsParser.parse(raw));
            double seconds = (System.nanoTime() - start) / 1e9;
            int size = result.ofType("aws:sfn/stateMachine:StateMachine").stream()
                    .filter(m -> !m.name().endsWith("-heartbeat-check")).findFirst().orElseThrow().toJson().get("inputs").get("definition")
                    .asText().getBytes(StandardCharsets.UTF_8).length;
            firstSize = firstSize == null ? size : firstSize;
            assertThat(size).isEqualTo(firstSize);
            report.append("| ").append(tables).append(" | ").append(result.resources().size()).append(" | ")
                    .append(String.format("%.1f", seconds)).append(" | ").append(size).append(" |\n");
        }
        System.out.println(report);
    }
}
