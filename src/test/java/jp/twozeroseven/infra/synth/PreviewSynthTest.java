package jp.twozeroseven.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.settings.StackFiles;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first {@code pulumi preview} of a new stack: nothing exists, so what a provider computes is unknown and every
 * input derived from it reaches the engine as the unknown sentinel. The preview-mode synth must render exactly
 * that: the same resources, with unknowns where the full run has ARNs and ids, and nothing unknown otherwise.
 */
class PreviewSynthTest {

    private static final Map<String, SynthResult> PREVIEWS = new ConcurrentHashMap<>();

    static synchronized SynthResult preview(String stack) {
        return PREVIEWS.computeIfAbsent(stack, s -> {
            var raw = StackFiles.read(SynthedStacks.PROJECT, s);
            return Synthesizer.synth(raw, StackSettingsParser.parse(raw), SynthMode.PREVIEW);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void previewRegistersTheSameResourcesAsAFullRun(String stack) {
        assertThat(preview(stack).resources()).extracting(SynthesizedResource::urn)
                .containsExactlyElementsOf(SynthedStacks.synth(stack).resources().stream()
                        .map(SynthesizedResource::urn).toList());
        assertThat(preview(stack).toJson().path("preview").asBoolean()).isTrue();
        assertThat(SynthedStacks.synth(stack).toJson().has("preview")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void providerComputedValuesAreUnknownInPreviewAndKnownInAFullRun(String stack) {
        String full = SynthedStacks.synth(stack).toJsonText();
        assertThat(full).doesNotContain(StructJson.UNKNOWN_MARKER);

        // The ECS service names its task definition by ARN, which only exists after the task definition is created.
        SynthesizedResource api = preview(stack).ofType("aws:ecs/service:Service").stream()
                .filter(r -> r.name().endsWith("-api")).findFirst().orElseThrow();
        assertThat(api.inputs().path("taskDefinition").asText()).isEqualTo(StructJson.UNKNOWN_MARKER);
        assertThat(api.inputs().path("name").asText()).isEqualTo("platform-207-" + stack + "-api");
        // Values given as inputs stay known: a resource's own name, its tags.
        SynthesizedResource cluster = preview(stack).ofType("aws:ecs/cluster:Cluster").get(0);
        assertThat(cluster.inputs().toString()).doesNotContain(StructJson.UNKNOWN_MARKER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void bucketCompanionsNameTheirBucketByNameSoAFirstPreviewCanJudgeThem(String stack) throws Exception {
        // S3 bucket ARNs are arn:aws:s3:::<name> (IAM User Guide, "Amazon S3 resource ARNs"), so the TLS-only policy
        // can be written before the bucket exists; only statements naming other new resources stay unknown.
        for (SynthesizedResource policy : preview(stack).ofType("aws:s3/bucketPolicy:BucketPolicy")) {
            assertThat(policy.inputs().path("bucket").asText()).as(policy.urn()).isEqualTo(policy.name());
            if (!policy.name().endsWith("-static-files")) {
                JsonNode document = new ObjectMapper().readTree(policy.inputs().path("policy").asText());
                assertThat(document.toString()).as(policy.urn()).contains("arn:aws:s3:::" + policy.name() + "/*");
            }
        }
    }
}
