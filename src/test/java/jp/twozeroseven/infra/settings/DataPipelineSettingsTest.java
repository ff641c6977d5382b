package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.catalog.DataClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataPipelineSettingsTest {

    @TempDir
    Path temp;

    private SettingsException problemsAfter(Consumer<ObjectNode> edit) {
        RawConfig raw = StackFixture.edited("prod", temp, config -> edit.accept(StackFixture.at(config, "dataPipeline")));
        return org.junit.jupiter.api.Assertions.assertThrows(SettingsException.class, () -> StackSettingsParser.parse(raw));
    }

    private static ObjectNode access(ObjectNode pipeline) {
        return (ObjectNode) pipeline.get("access");
    }

    @Test
    void prodIsReadWithTheCatalogAndTheMatrix() {
        DataPipelineSettings prod = StackSettingsParser.parse(StackFixture.read("prod")).dataPipeline();
        assertThat(prod.catalog().tables()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(prod.nightlyAt()).isEqualTo(LocalTime.of(1, 30));
        assertThat(prod.task().architecture()).isEqualTo(CpuArchitecture.X86_64);
        assertThat(prod.task().capacity()).isEqualTo(EtlCapacity.SPOT_FIRST);
        assertThat(prod.task().timeoutMinutes()).isEqualTo(DataPipelineTask.DEFAULT_TIMEOUT_MINUTES);
        assertThat(prod.access().rawZoneReaders()).containsExactly("delivery-investigations");
        assertThat(prod.access().audience("analysts").orElseThrow().classes()).doesNotContain(DataClass.NAME, DataClass.SECRET);
        assertThat(prod.access().audience("analysts").orElseThrow().bytesScannedCutoffBytes()).isEqualTo(1024L * 1024 * 1024);
        DataPipelineSettings stg = StackSettingsParser.parse(StackFixture.read("stg")).dataPipeline();
        assertThat(stg.access().rawZoneReaders()).isEmpty();
        assertThat(stg.access().rawZoneTables()).isEmpty();
    }

    @Test
    void aBrokenCatalogIsReportedLikeASettingsProblemNamingTableAndColumn() throws Exception {
        Path catalog = temp.resolve("bad-catalog.yaml");
        Files.writeString(catalog, """
                version: 1
                tables:
                  - name: drivers
                    source: {schema: public, table: drivers}
                    run_group: nightly
                    columns:
                      - {name: id, type: bigint, class: internal}
                      - {name: phone, type: text}
                """);
        SettingsException e = problemsAfter(p -> {
            p.put("catalog", catalog.toString());
            ((ArrayNode) access(p).get("rawZoneTables")).removeAll();
            ((ArrayNode) access(p).get("rawZoneReaders")).removeAll();
            ((ObjectNode) access(p).get("audiences")).remove("delivery-investigations");
        });
        assertThat(e.getMessage()).contains("platform-207:dataPipeline.catalog", "table 'drivers'", "column 'phone'",
                "unclassified column");
    }

    @Test
    void aMissingCatalogFileIsReported() {
        SettingsException e = problemsAfter(p -> p.put("catalog", "data/no-such-catalog.yaml"));
        assertThat(e.getMessage()).contains("dataPipeline.catalog", "cannot read the file");
    }

    @Test
    void rawZoneNeedsTheAudienceListedAsAReaderToo() {
        SettingsException e = problemsAfter(p -> ((ArrayNode) access(p).get("rawZoneReaders")).removeAll());
        assertThat(e.getMessage()).contains("audiences.delivery-investigations.zones", "rawZoneReaders");
    }

    @Test
    void aListedReaderMustReadTheRawZone() {
        SettingsException e = problemsAfter(p -> ((ArrayNode) access(p).get("rawZoneReaders")).add("analysts"));
        assertThat(e.getMessage()).contains("rawZoneReaders = \"analysts\"", "zones do not include raw");
    }

    @Test
    void theGuardsExemptANamedDeployAndBreakGlassRole() {
        AccessMatrix prod = StackSettingsParser.parse(StackFixture.read("prod")).dataPipeline().access();
        assertThat(prod.guardianRoleArns()).containsExactly("arn:aws:iam::123456789012:role/platform-207-prod-pulumi-deploy",
                "arn:aws:iam::123456789012:role/platform-207-prod-break-glass");
        SettingsException missing = problemsAfter(p -> access(p).remove("breakGlassRoleArn"));
        assertThat(missing.getMessage()).contains("dataPipeline.access.breakGlassRoleArn", "required",
                "arn:aws:iam::<account>:role/platform-207-<stack>-break-glass");
        SettingsException malformed = problemsAfter(p -> access(p).put("deployRoleArn", "pulumi"));
        assertThat(malformed.getMessage()).contains("dataPipeline.access.deployRoleArn", "\"pulumi\"",
                "the IAM role ARN Pulumi deploys this stack with");
        SettingsException same = problemsAfter(p -> access(p).put("breakGlassRoleArn", access(p).get("deployRoleArn").asText()));
        assertThat(same.getMessage()).contains("breakGlassRoleArn", "must not be the deploying role");
    }

    @Test
    void aRawReaderIsAssumedOnlyWithItsExternalId() {
        assertThat(StackSettingsParser.parse(StackFixture.read("prod")).dataPipeline().access()
                .audience("delivery-investigations").orElseThrow().externalId()).isPresent();
        SettingsException missing = problemsAfter(p -> ((ObjectNode) access(p).get("audiences").get("delivery-investigations"))
                .remove("externalId"));
        assertThat(missing.getMessage()).contains("audiences.delivery-investigations.externalId", "sts:ExternalId",
                "Redash data source");
        SettingsException bad = problemsAfter(p -> ((ObjectNode) access(p).get("audiences").get("delivery-investigations"))
                .put("externalId", "a b"));
        assertThat(bad.getMessage()).contains("externalId", "2 to 1224 characters");
    }

    @Test
    void rawTablesMustBeCatalogTables() {
        SettingsException e = problemsAfter(p -> ((ArrayNode) access(p).get("rawZoneTables")).add("payroll"));
        assertThat(e.getMessage()).contains("rawZoneTables = \"payroll\"", "not a table of the catalog");
    }

    @Test
    void aRawReaderWhoseClassesFitNoRawTableIsRefused() {
        SettingsException e = problemsAfter(p -> {
            ArrayNode classes = (ArrayNode) ((ObjectNode) access(p).get("audiences").get("delivery-investigations")).get("classes");
            classes.removeAll();
            classes.add("public").add("internal");
        });
        assertThat(e.getMessage()).contains("may read none of the raw tables");
    }

    @Test
    void analystsAndDataEngineersAreRequired() {
        SettingsException e = problemsAfter(p -> ((ObjectNode) access(p).get("audiences")).remove("data-engineers"));
        assertThat(e.getMessage()).contains("audience 'data-engineers' is missing");
    }

    @Test
    void theExportRunsAtNightOnly() {
        SettingsException e = problemsAfter(p -> p.put("nightlyAt", "09:00"));
        assertThat(e.getMessage()).contains("dataPipeline.nightlyAt = \"09:00\"", "22:00-04:59");
    }

    @Test
    void badValuesAreNamedWithTheirFix() {
        SettingsException e = problemsAfter(p -> {
            p.put("maxConcurrency", 100);
            ((ObjectNode) p.get("embulkTask")).put("memory", 1024).put("imageTag", "embulk-0.11.5-1").put("timeoutMinutes", 5);
            ((ObjectNode) access(p).get("audiences").get("analysts")).put("bytesScannedCutoffMb", 5);
            ((ArrayNode) ((ObjectNode) access(p).get("audiences").get("analysts")).get("classes")).add("gossip");
            p.put("redashHostRoleArn", "redash");
        });
        assertThat(e.getMessage()).contains("dataPipeline.maxConcurrency", "embulkTask.memory", "Fargate does not offer",
                "derived from images/embulk/versions.properties", "embulkTask.timeoutMinutes", "analysts.bytesScannedCutoffMb", "unknown data class", "redashHostRoleArn");
    }

    @Test
    void anUnknownKeyIsRejected() {
        assertThatThrownBy(() -> StackSettingsParser.parse(StackFixture.edited("prod", temp,
                c -> StackFixture.at(c, "dataPipeline").put("maxConcurrancy", 3))))
                .hasMessageContaining("did you mean platform-207:dataPipeline.maxConcurrency");
    }
}
