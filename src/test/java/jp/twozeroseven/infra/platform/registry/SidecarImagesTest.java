package jp.twozeroseven.infra.platform.registry;

import jp.twozeroseven.infra.platform.containers.ContainerDefinitions;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** images/sidecars/versions.properties is the one source of the sidecar images; its pins are well-formed. */
class SidecarImagesTest {

    private static final Path VERSIONS = SynthedStacks.PROJECT.resolve(SidecarImages.FILE);

    private static Properties file() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(VERSIONS)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theJarCarriesTheRepositorysVersionsFile() throws Exception {
        assertThat(SidecarImages.parse(file())).isEqualTo(SidecarImages.pinned());
        assertThat(SidecarImages.pinned().images()).extracting(SidecarImage::name)
                .containsExactly(ContainerDefinitions.LOG_ROUTER, ContainerDefinitions.INFRA_AGENT);
    }

    @Test
    void everyPinIsWellFormedAndHoldsBothFargateArchitectures() {
        for (SidecarImage image : SidecarImages.pinned().images()) {
            assertThat(image.source()).as(image.name()).matches("[a-z0-9.-]+\\.[a-z]{2,}/[a-z0-9._/-]+");
            assertThat(image.version()).as(image.name()).matches("[0-9]+\\.[0-9]+\\.[0-9]+").isNotEqualTo("latest");
            image.digest().ifPresent(d -> assertThat(d).as(image.name()).matches("sha256:[0-9a-f]{64}"));
            // Fargate pulls linux/amd64 for X86_64 and linux/arm64 for ARM64 (prod's api and web are arm64).
            assertThat(image.platforms()).as(image.name()).contains("linux/amd64", "linux/arm64");
        }
    }

    @Test
    void theLogRouterIsNewRelicsFireLensImageFromItsEcrAndTheAgentIsNriEcs() {
        // docs.newrelic.com, "AWS FireLens plugin for log forwarding": ap-northeast-1's image is
        // 533243300146.dkr.ecr.ap-northeast-1.amazonaws.com/newrelic/logging-firelens-fluentbit; nri-ecs is published
        // on Docker Hub only (newrelic/nri-ecs README, .github/workflows/release.yml).
        assertThat(SidecarImages.pinned().image("log-router").source())
                .isEqualTo("533243300146.dkr.ecr.ap-northeast-1.amazonaws.com/newrelic/logging-firelens-fluentbit");
        assertThat(SidecarImages.pinned().image("newrelic-infra").source()).isEqualTo("docker.io/newrelic/nri-ecs");
    }

    @Test
    void tasksNameTheStacksMirrorByDigestOncePinnedElseByItsImmutableVersionTag() {
        SidecarImage tagged = new SidecarImage("newrelic-infra", "docker.io/newrelic/nri-ecs", "1.15.6",
                Optional.empty(), List.of("linux/amd64", "linux/arm64"));
        String digest = "sha256:" + "ab".repeat(32);
        SidecarImage pinned = new SidecarImage("newrelic-infra", "docker.io/newrelic/nri-ecs", "1.15.6",
                Optional.of(digest), List.of("linux/amd64", "linux/arm64"));
        assertThat(tagged.reference("ap-northeast-1", "123456789012", "platform-207-prod")).isEqualTo(
                "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-prod-sidecar-newrelic-infra:1.15.6");
        assertThat(pinned.reference("ap-northeast-1", "123456789012", "platform-207-prod")).isEqualTo(
                "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-prod-sidecar-newrelic-infra@" + digest);
        assertThat(pinned.repositoryArn("ap-northeast-1", "123456789012", "platform-207-prod")).isEqualTo(
                "arn:aws:ecr:ap-northeast-1:123456789012:repository/platform-207-prod-sidecar-newrelic-infra");
        assertThat(SidecarImage.platformOf(CpuArchitecture.ARM64)).isEqualTo("linux/arm64");
        assertThat(SidecarImage.platformOf(CpuArchitecture.X86_64)).isEqualTo("linux/amd64");
    }

    @Test
    void aBrokenVersionsFileNamesTheKeyAndTheFix() throws Exception {
        Properties dockerHubImplicit = file();
        dockerHubImplicit.setProperty("newrelic-infra.source", "newrelic/nri-ecs");
        assertThatThrownBy(() -> SidecarImages.parse(dockerHubImplicit))
                .hasMessageContaining("'newrelic-infra.source' = 'newrelic/nri-ecs'").hasMessageContaining("registry host");
        Properties latest = file();
        latest.setProperty("log-router.version", "latest");
        assertThatThrownBy(() -> SidecarImages.parse(latest)).hasMessageContaining("log-router.version");
        Properties badDigest = file();
        badDigest.setProperty("log-router.digest", "sha256:ABC");
        assertThatThrownBy(() -> SidecarImages.parse(badDigest))
                .hasMessageContaining("'log-router.digest' = 'sha256:ABC'").hasMessageContaining("UNPINNED");
        Properties amd64Only = file();
        amd64Only.setProperty("newrelic-infra.platforms", "linux/amd64");
        assertThatThrownBy(() -> SidecarImages.parse(amd64Only))
                .hasMessageContaining("'newrelic-infra.platforms' = 'linux/amd64' lacks linux/arm64")
                .hasMessageContaining("arm64");
        Properties unknown = file();
        unknown.setProperty("log-routr.version", "1.0.0");
        assertThatThrownBy(() -> SidecarImages.parse(unknown)).hasMessageContaining("unknown key(s) [log-routr.version]");
    }

    @Test
    void mainPrintsWhatMirrorShCopiesAndTheScriptReadsItThatWay() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            SidecarImages.main(new String[] {"platform-207-stg"});
        } finally {
            System.setOut(out);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        SidecarImage router = SidecarImages.pinned().image("log-router");
        assertThat(lines.get(0)).isEqualTo(String.join(" ", "log-router", router.source(), router.version(),
                router.digest().orElse("UNPINNED"), "linux/amd64,linux/arm64", "platform-207-stg-sidecar-log-router"));
        String script = Files.readString(SynthedStacks.PROJECT.resolve("images/sidecars/mirror.sh"));
        assertThat(script).contains("while read -r name source version digest platforms repository")
                .contains("jp.twozeroseven.infra.platform.registry.SidecarImages")
                .contains("\"$project-$stack\" \"$root/images/sidecars/versions.properties\"")
                .contains("skopeo copy --all --preserve-digests");
        String deploy = Files.readString(SynthedStacks.PROJECT.resolve(".github/workflows/deploy.yml"));
        assertThat(deploy).contains("images/sidecars/mirror.sh ${{ matrix.stack }} --only-existing")
                .contains("images/sidecars/mirror.sh ${{ matrix.stack }}\n");
        assertThat(deploy.indexOf("--only-existing")).isLessThan(deploy.indexOf("command: up"));
        assertThat(deploy.lastIndexOf("images/sidecars/mirror.sh")).isGreaterThan(deploy.indexOf("command: up"));
    }
}
