package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.settings.StackFiles;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.StructJson;
import jp.twozeroseven.infra.synth.SynthMode;
import jp.twozeroseven.infra.synth.Synthesizer;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack sees unknowns as unknowns: the engine's analyzer client marshals properties with KeepUnknowns
 * (pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go), so an unknown arrives as the sentinel
 * 04da6b54-80e4-46f7-96ec-b56ff0331ba9, and @pulumi/policy turns a policy's read of it into "can't run policy ...
 * during preview" instead of letting the policy compare the text "[unknown]".
 */
class PreviewPolicyCheckTest {

    private static final Path PACK = SynthedStacks.PROJECT.resolve("policy");

    @Test
    void unknownMarkersGoOverTheWireAsTheEngineSentinel() throws Exception {
        JsonNode props = new ObjectMapper().readTree("{\"a\":\"[unknown]\",\"b\":[\"x\",\"[unknown]\"],\"c\":{\"d\":\"[unknown]\"}}");
        var struct = ProtoStructs.of(props);
        assertThat(struct.getFieldsOrThrow("a").getStringValue()).isEqualTo(StructJson.UNKNOWN_SENTINEL);
        assertThat(struct.getFieldsOrThrow("b").getListValue().getValues(0).getStringValue()).isEqualTo("x");
        assertThat(struct.getFieldsOrThrow("b").getListValue().getValues(1).getStringValue())
                .isEqualTo(StructJson.UNKNOWN_SENTINEL);
        assertThat(struct.getFieldsOrThrow("c").getStructValue().getFieldsOrThrow("d").getStringValue())
                .isEqualTo(StructJson.UNKNOWN_SENTINEL);
    }

    @Test
    void thePackReportsUndecidablePoliciesInPreviewAndNoneInAFullRun() {
        var raw = StackFiles.read(SynthedStacks.PROJECT, "stg");
        var preview = Synthesizer.synth(raw, StackSettingsParser.parse(raw), SynthMode.PREVIEW);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        PolicyReport inPreview = PolicyCheck.run(PACK, PACK.resolve("config/stg.json"), preview.toJson(), quiet);
        PolicyReport inFull = PolicyCheck.run(PACK, PACK.resolve("config/stg.json"),
                SynthedStacks.synth("stg").toJson(), quiet);

        assertThat(inPreview.violations()).extracting(PolicyViolation::message)
                .anyMatch(m -> m.contains("can't be known during preview"))
                .noneMatch(m -> m.contains(StructJson.UNKNOWN_MARKER));
        // What a first preview cannot decide is advisory, never a mandatory violation (docs/policies.md).
        assertThat(inPreview.violations()).filteredOn(PolicyViolation::mandatory).extracting(PolicyViolation::message).isEmpty();
        assertThat(inPreview.mandatoryViolations()).isZero();
        assertThat(inFull.violations()).extracting(PolicyViolation::message)
                .noneMatch(m -> m.contains("during preview"));
        assertThat(inFull.mandatoryViolations()).isZero();
    }
}
