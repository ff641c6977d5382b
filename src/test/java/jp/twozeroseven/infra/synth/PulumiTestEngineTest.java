package jp.twozeroseven.infra.synth;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.support.FormerParent;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins down what the synth relies on in the SDK's internal test API. If an SDK upgrade changes it, this test,
 * and only the one adapter class, has to change.
 */
class PulumiTestEngineTest {

    @Test
    void recordsEveryRegistrationWithItsOptionsAndHidesSecrets() {
        var run = PulumiTestEngine.run("demo", "dev", Map.of("demo:greeting", "hello"), Set.of(),
                new OfflineMocks("123456789012", "ap-northeast-1"), ctx -> {
                    var first = new BucketV2("first", BucketV2Args.builder().bucket("first-bucket").build());
                    new BucketV2("second", BucketV2Args.builder()
                            .bucket("second-bucket")
                            .tags(Output.ofSecret(Map.of("Token", "s3cr3t")))
                            .build(), CustomResourceOptions.builder()
                            .protect(true).retainOnDelete(true).ignoreChanges("tags").dependsOn(first).build());
                    ctx.export("greeting", Output.of(ctx.config().require("greeting")));
                    ctx.export("hidden", Output.ofSecret("s3cr3t"));
                });

        assertThat(run.exceptions()).isEmpty();
        SynthesizedResource second = run.resources().stream().filter(r -> r.name().equals("second"))
                .findFirst().orElseThrow();
        assertThat(second.urn()).isEqualTo("urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::second");
        assertThat(second.options().protect()).isTrue();
        assertThat(second.options().retainOnDelete()).isTrue();
        assertThat(second.options().ignoreChanges()).containsExactly("tags");
        assertThat(second.options().dependsOn()).containsExactly("urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::first");
        assertThat(second.inputs().get("tags").asText()).isEqualTo("[secret]");
        assertThat(second.inputs().toString()).doesNotContain("s3cr3t");
        assertThat(run.outputs().get("greeting").getValueNullable()).isEqualTo("hello");
        assertThat(run.outputs().get("hidden").isSecret()).isTrue();
        assertThat(run.resources()).extracting(SynthesizedResource::type).contains("pulumi:pulumi:Stack");
    }

    /**
     * A moved resource's alias names its former parent; the engine turns that spec into the URN the state holds
     * (the former parent's type chain, the resource's own type and name). The synth records that URN, so the
     * upgrade test can match it against the baseline rendering.
     */
    @Test
    void anAliasToAFormerParentIsRecordedAsTheUrnTheEngineComputes() {
        var run = PulumiTestEngine.run("demo", "dev", Map.of(), Set.of(),
                new OfflineMocks("123456789012", "ap-northeast-1"), ctx -> {
                    var outer = new ComponentResource("demo:index:Outer", "outer");
                    var inner = new ComponentResource("demo:index:Inner", "inner",
                            ComponentResourceOptions.builder().parent(outer).build());
                    new BucketV2("moved", BucketV2Args.builder().bucket("moved-bucket").build(),
                            CustomResourceOptions.builder().parent(inner).aliases(
                                    new FormerParent("demo:index:Outer$demo:index:Old", "old").alias(),
                                    new FormerParent("demo:index:Top", "top").alias()).build());
                    new BucketV2("renamed", BucketV2Args.builder().bucket("renamed-bucket").build(),
                            CustomResourceOptions.builder().parent(outer)
                                    .aliases(Alias.builder().name("before").build(),
                                            Alias.builder().noParent().build()).build());
                });

        assertThat(run.exceptions()).isEmpty();
        SynthesizedResource moved = run.resources().stream().filter(r -> r.name().equals("moved")).findFirst()
                .orElseThrow();
        assertThat(moved.urn()).isEqualTo(
                "urn:pulumi:dev::demo::demo:index:Outer$demo:index:Inner$aws:s3/bucketV2:BucketV2::moved");
        assertThat(moved.options().aliases()).containsExactlyInAnyOrder(
                "urn:pulumi:dev::demo::demo:index:Outer$demo:index:Old$aws:s3/bucketV2:BucketV2::moved",
                "urn:pulumi:dev::demo::demo:index:Top$aws:s3/bucketV2:BucketV2::moved",
                // the provider SDK's own alias from the type BucketV2 replaced: same parent, old type
                "urn:pulumi:dev::demo::demo:index:Outer$demo:index:Inner$aws:s3/bucket:Bucket::moved");
        SynthesizedResource renamed = run.resources().stream().filter(r -> r.name().equals("renamed")).findFirst()
                .orElseThrow();
        assertThat(renamed.options().aliases()).containsExactlyInAnyOrder(
                "urn:pulumi:dev::demo::demo:index:Outer$aws:s3/bucketV2:BucketV2::before",
                "urn:pulumi:dev::demo::aws:s3/bucketV2:BucketV2::renamed",
                "urn:pulumi:dev::demo::demo:index:Outer$aws:s3/bucket:Bucket::renamed");
    }

    @Test
    void aFailingProgramIsReportedNotHidden() {
        var run = PulumiTestEngine.run("demo", "dev", Map.of(), Set.of(), new OfflineMocks("123456789012",
                "ap-northeast-1"), ctx -> {
            throw new IllegalStateException("boom");
        });
        assertThat(run.exceptions()).isNotEmpty();
        assertThat(List.copyOf(run.exceptions()).get(0)).hasRootCauseMessage("boom");
    }
}
