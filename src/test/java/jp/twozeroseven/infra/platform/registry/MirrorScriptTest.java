package jp.twozeroseven.infra.platform.registry;

import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * images/sidecars/mirror.sh run by the real bash and jq, with the program's real plan (SidecarImages.main), against
 * a model of the two CLIs it drives: {@code aws} (sts get-caller-identity, ecr get-login-password,
 * describe-repositories, describe-images) and {@code skopeo} (inspect --raw prints an index; copy --all
 * --preserve-digests stores it under the destination tag, so the mirror's digest is the index's, as ECR reports
 * it). The model logs every call; the test reads what was copied from where.
 */
class MirrorScriptTest {

    private static final String BOTH = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
            {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%1$s","size":1,"platform":{"architecture":"amd64","os":"linux"}},
            {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%1$s","size":1,"platform":{"architecture":"arm64","os":"linux"}}]}
            """.formatted("11".repeat(32));
    private static final String AMD64_ONLY = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
            {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%1$s","size":1,"platform":{"architecture":"amd64","os":"linux"}}]}
            """.formatted("11".repeat(32));

    @TempDir
    Path root;
    Path bin;
    Path state;

    @BeforeEach
    void layOut() throws Exception {
        Files.createDirectories(root.resolve("images/sidecars"));
        Files.copy(SynthedStacks.PROJECT.resolve("images/sidecars/mirror.sh"), root.resolve("images/sidecars/mirror.sh"));
        Files.copy(SynthedStacks.PROJECT.resolve("images/sidecars/versions.properties"),
                root.resolve("images/sidecars/versions.properties"));
        Files.copy(SynthedStacks.PROJECT.resolve("Pulumi.yaml"), root.resolve("Pulumi.yaml"));
        bin = Files.createDirectories(root.resolve("bin"));
        state = Files.createDirectories(root.resolve("state"));
        script("aws", """
                echo "aws $*" >> "$STATE/calls"
                case "$1 $2" in
                  "sts get-caller-identity") echo 123456789012 ;;
                  "ecr get-login-password") echo ecr-token ;;
                  "ecr describe-repositories") [ -e "$STATE/repo-$4" ] || exit 254 ;;
                  "ecr describe-images") tag="${6#imageTag=}"; [ -e "$STATE/image-$4-$tag" ] || exit 254; cat "$STATE/image-$4-$tag" ;;
                  *) echo "unexpected aws $*" >&2; exit 1 ;;
                esac
                """);
        script("skopeo", """
                echo "skopeo $*" >> "$STATE/calls"
                case "$1" in
                  inspect) cat "$STATE/index.json" ;;
                  copy) dest="${@: -1}"; dest="${dest#docker://*/}"; repo="${dest%%:*}"; tag="${dest##*:}"
                        echo "sha256:$(sha256sum "$STATE/index.json" | cut -d' ' -f1)" > "$STATE/image-$repo-$tag" ;;
                esac
                """);
        index(BOTH);
    }

    private void script(String name, String body) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\nset -euo pipefail\n" + body);
        file.toFile().setExecutable(true);
    }

    private void index(String json) throws Exception {
        Files.writeString(state.resolve("index.json"), json);
    }

    private String digestOfIndex() throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(state.resolve("index.json"))));
    }

    private void repositories() throws Exception {
        for (String name : List.of("log-router", "newrelic-infra")) {
            Files.writeString(state.resolve("repo-platform-207-stg-sidecar-" + name), "");
        }
    }

    private void pin(String name, String digest) throws Exception {
        Path file = root.resolve("images/sidecars/versions.properties");
        Files.writeString(file, Files.readString(file).replace(name + ".digest=UNPINNED", name + ".digest=" + digest));
    }

    private record Run(int exit, String output, String calls) {
    }

    private Run run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "images/sidecars/mirror.sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("STATE", state.toString());
        pb.environment().put("AWS_REGION", "ap-northeast-1");
        pb.environment().put("INFRA_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().remove("DOCKERHUB_USERNAME");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path calls = state.resolve("calls");
        return new Run(p.exitValue(), output, Files.exists(calls) ? Files.readString(calls) : "");
    }

    @Test
    void beforeTheFirstUpTheMissingMirrorsAreSkippedAndAfterItTheyAreRequired() throws Exception {
        Run before = run("stg", "--only-existing");
        assertThat(before.exit()).as(before.output()).isZero();
        assertThat(before.output()).contains("platform-207-stg-sidecar-log-router does not exist yet");
        assertThat(before.calls()).doesNotContain("skopeo");
        Run after = run("stg");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.output()).contains("::error::platform-207-stg-sidecar-newrelic-infra does not exist");
    }

    @Test
    void unpinnedImagesAreCopiedByTagWithEveryPlatformAndAWarningNamesTheDigestToPin() throws Exception {
        repositories();
        Run run = run("stg");
        assertThat(run.exit()).as(run.output()).isZero();
        String digest = digestOfIndex();
        // New Relic's ECR takes the caller's ECR token; Docker Hub is pulled anonymously (no DOCKERHUB_USERNAME).
        assertThat(run.calls()).contains("skopeo copy --all --preserve-digests --src-creds AWS:ecr-token --dest-creds "
                + "AWS:ecr-token docker://533243300146.dkr.ecr.ap-northeast-1.amazonaws.com/newrelic/"
                + "logging-firelens-fluentbit:3.7.0 docker://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/"
                + "platform-207-stg-sidecar-log-router:3.7.0");
        assertThat(run.calls()).contains("skopeo copy --all --preserve-digests --dest-creds AWS:ecr-token "
                + "docker://docker.io/newrelic/nri-ecs:1.15.6 docker://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/"
                + "platform-207-stg-sidecar-newrelic-infra:1.15.6");
        assertThat(run.output()).contains("::warning file=images/sidecars/versions.properties::log-router is not pinned")
                .contains("write newrelic-infra.digest=" + digest);
        // A second run finds both versions mirrored and copies nothing (the mirrors' tags are immutable).
        Files.delete(state.resolve("calls"));
        Run again = run("stg");
        assertThat(again.exit()).isZero();
        assertThat(again.calls()).doesNotContain("skopeo copy");
    }

    @Test
    void anIndexWithoutArm64IsRefusedBeforeAnythingIsCopied() throws Exception {
        repositories();
        index(AMD64_ONLY);
        Run run = run("stg");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("log-router: 533243300146.dkr.ecr.ap-northeast-1.amazonaws.com/newrelic/"
                + "logging-firelens-fluentbit:3.7.0 holds [linux/amd64], not linux/arm64");
        assertThat(run.calls()).doesNotContain("skopeo copy");
    }

    @Test
    void aPinnedImageIsCopiedByItsDigestAndNothingElseIsAccepted() throws Exception {
        repositories();
        String digest = digestOfIndex();
        pin("log-router", digest);
        pin("newrelic-infra", "sha256:" + "99".repeat(32));
        Run run = run("stg");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.calls()).contains("docker://533243300146.dkr.ecr.ap-northeast-1.amazonaws.com/newrelic/"
                + "logging-firelens-fluentbit@" + digest + " docker://");
        assertThat(run.output()).contains("platform-207-stg-sidecar-log-router:3.7.0 is " + digest + ", as pinned")
                .contains("newrelic-infra: docker://docker.io/newrelic/nri-ecs@sha256:" + "99".repeat(32)
                        + " has digest " + digest + ", not the pinned");
        assertThat(run.calls()).doesNotContain("platform-207-stg-sidecar-newrelic-infra:1.15.6");
    }

    @Test
    void aMirroredTagHoldingAnotherImageThanThePinIsAnError() throws Exception {
        repositories();
        String digest = digestOfIndex();
        pin("log-router", digest);
        pin("newrelic-infra", digest);
        Files.writeString(state.resolve("image-platform-207-stg-sidecar-newrelic-infra-1.15.6"), "sha256:" + "77".repeat(32));
        Run run = run("stg");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("newrelic-infra: platform-207-stg-sidecar-newrelic-infra:1.15.6 holds sha256:"
                + "77".repeat(32) + ", not the pinned " + digest);
    }

    @Test
    void aBrokenVersionsFileStopsTheScript() throws Exception {
        repositories();
        Path file = root.resolve("images/sidecars/versions.properties");
        Files.writeString(file, Files.readString(file).replace("newrelic-infra.platforms=linux/amd64,linux/arm64",
                "newrelic-infra.platforms=linux/amd64"));
        Run run = run("stg");
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("'newrelic-infra.platforms' = 'linux/amd64' lacks linux/arm64");
        assertThat(run.calls()).doesNotContain("skopeo");
    }
}
