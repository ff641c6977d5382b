package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs hand-written synth documents through the REAL policy pack over the Analyzer protocol. */
class PolicyCheckTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    private static final Path PACK = ROOT.resolve("policy");
    private static final Path STG_CONFIG = PACK.resolve("config/stg.json");
    /** One policy per file in policy/policies, besides the index that lists them: all of them must load. */
    private static final int POLICIES_IN_PACK = countPolicyFiles();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void packIsInstalledAndBuilt() {
        // Fails (never skips) with the install hint when the pack is not installed.
        PolicyPackProcess.requireInstalled(PACK);
    }

    @Test
    void compliantStackHasNoViolations() throws IOException {
        PolicyReport report = PolicyCheck.run(PACK, STG_CONFIG, fixture("compliant-stg.json"), out);

        assertThat(report.violations()).isEmpty();
        assertThat(report.failed()).isFalse();
        assertThat(report.policies()).isEqualTo(POLICIES_IN_PACK);
        assertThat(report.resources()).isEqualTo(16);
        assertThat(output()).isEqualTo("policies: " + POLICIES_IN_PACK + ", resources: 16, mandatory violations: 0, advisory: 0\n");
    }

    @Test
    void bucketWithoutPublicAccessBlockIsAMandatoryViolation() throws IOException {
        PolicyReport report = PolicyCheck.run(PACK, STG_CONFIG, fixture("public-bucket-stg.json"), out);

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.policyName()).isEqualTo("s3-public-access-blocked");
            assertThat(v.enforcementLevel()).isEqualTo("mandatory");
            assertThat(v.urn()).endsWith("aws:s3/bucketV2:BucketV2::stg-data-lake");
            assertThat(v.resourceType()).isEqualTo("aws:s3/bucketV2:BucketV2");
            assertThat(v.message()).contains("[S3.8]", "Fix:");
        });
        assertThat(report.failed()).isTrue();
        assertThat(output()).contains("[mandatory]  platform-207 v1.0.0  s3-public-access-blocked  (aws:s3/bucketV2:BucketV2: ")
                .endsWith("policies: " + POLICIES_IN_PACK + ", resources: 15, mandatory violations: 1, advisory: 0\n");
    }

    @Test
    void secretInTaskEnvironmentIsReportedOnTheTaskDefinition() throws IOException {
        PolicyReport report = PolicyCheck.run(PACK, STG_CONFIG, fixture("secret-in-task-env-stg.json"), out);

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.policyName()).isEqualTo("ecs-no-secrets-in-environment");
            assertThat(v.resourceType()).isEqualTo("aws:ecs/taskDefinition:TaskDefinition");
            assertThat(v.urn()).endsWith("::stg-api");
            assertThat(v.message()).contains("NEW_RELIC_LICENSE_KEY", "secrets");
        });
        assertThat(output()).endsWith("policies: " + POLICIES_IN_PACK + ", resources: 16, mandatory violations: 1, advisory: 0\n");
    }

    @Test
    void environmentTagMustMatchTheConfiguredStack() throws IOException {
        Path config = resource("environment-mismatch-policy-config.json");
        PolicyReport report = PolicyCheck.run(PACK, config, fixture("environment-mismatch-prod.json"), out);

        assertThat(report.violations()).hasSize(5).allSatisfy(v -> {
            assertThat(v.policyName()).isEqualTo("required-tags");
            assertThat(v.mandatory()).isTrue();
            assertThat(v.message()).contains("Environment=stg but belongs to stack 'prod'");
        });
        assertThat(report.violations()).extracting(PolicyViolation::resourceType).containsExactlyInAnyOrder(
                "aws:ecs/cluster:Cluster", "aws:cloudwatch/logGroup:LogGroup", "aws:ecs/taskDefinition:TaskDefinition",
                "aws:s3/bucketV2:BucketV2", "aws:s3/bucketV2:BucketV2");
        assertThat(output()).endsWith("policies: " + POLICIES_IN_PACK + ", resources: 16, mandatory violations: 5, advisory: 0\n");
    }

    @Test
    void advisoryLevelFromConfigDoesNotFailTheCheck(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("advisory.json"), "{\"all\": \"advisory\"}");
        PolicyReport report = PolicyCheck.run(PACK, config, fixture("public-bucket-stg.json"), out);

        assertThat(report.failed()).isFalse();
        assertThat(output()).endsWith("policies: " + POLICIES_IN_PACK + ", resources: 15, mandatory violations: 0, advisory: 1\n");
    }

    @Test
    void missingPackInstallationNamesTheInstallCommand(@TempDir Path emptyPack) {
        assertThatThrownBy(() -> PolicyCheck.run(emptyPack, STG_CONFIG, new ObjectMapper().createObjectNode(), out))
                .isInstanceOf(PolicyCheckUnavailable.class)
                .hasMessageContaining("cd policy && npm ci && npm run build");
    }

    @Test
    void missingNodeNamesTheInstallCommand() {
        assertThatThrownBy(() -> PolicyCheck.run(PACK, STG_CONFIG, new ObjectMapper().createObjectNode(), out, "no-such-node-207"))
                .isInstanceOf(PolicyCheckUnavailable.class)
                .hasMessageContaining("Node.js")
                .hasMessageContaining("cd policy && npm ci && npm run build");
    }

    @Test
    void unknownPolicyInConfigIsRejectedWithItsName(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("typo.json"), "{\"s3-public-acess-blocked\": \"advisory\"}");
        assertThatThrownBy(() -> PolicyCheck.run(PACK, config, fixture("compliant-stg.json"), out))
                .isInstanceOf(PolicyConfigException.class)
                .hasMessageContaining("s3-public-acess-blocked");
    }

    @Test
    void anUnknownBucketPolicyInAPreviewIsAdvisoryNotAViolation() throws IOException {
        // A first preview: the bucket policies are built from bucket and role ARNs that do not exist yet.
        JsonNode document = fixture("compliant-stg.json");
        document.path("resources").forEach(r -> {
            if (r.path("type").asText().equals("aws:s3/bucketPolicy:BucketPolicy")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) r.path("inputs")).put("policy", ProtoStructs.UNKNOWN_MARKER);
            }
        });
        PolicyReport report = PolicyCheck.run(PACK, STG_CONFIG, document, out);

        assertThat(report.failed()).isFalse();
        assertThat(report.violations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.enforcementLevel()).isEqualTo("advisory");
            assertThat(v.message()).contains("cannot decide in preview");
        });
        assertThat(report.violations()).extracting(PolicyViolation::policyName).contains("s3-tls-only");
    }

    @Test
    void unknownPropertyInAPolicysConfigIsRejectedWithItsNameAndTheKnownOnes(@TempDir Path dir) throws IOException {
        // `minimumDay` for `minimumDays`: without the check the policy would silently use its default.
        Path config = Files.writeString(dir.resolve("typo.json"),
                "{\"all\": \"mandatory\", \"rds-backup-retention\": {\"enforcementLevel\": \"mandatory\", \"minimumDay\": 14}}");
        assertThatThrownBy(() -> PolicyCheck.run(PACK, config, fixture("compliant-stg.json"), out))
                .isInstanceOf(PolicyConfigException.class)
                .hasMessageContaining("'rds-backup-retention' has unknown property 'minimumDay'")
                .hasMessageContaining("minimumDays");
    }

    @Test
    void aBadEnforcementLevelOrBrokenJsonIsRejectedBeforeThePackStarts(@TempDir Path dir) throws IOException {
        Path level = Files.writeString(dir.resolve("level.json"), "{\"required-tags\": {\"enforcementLevel\": \"sometimes\"}}");
        assertThatThrownBy(() -> PolicyCheck.checkConfigReadable(level)).isInstanceOf(PolicyConfigException.class)
                .hasMessageContaining("'required-tags' has enforcement level 'sometimes'")
                .hasMessageContaining("use advisory, mandatory, remediate or disabled");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"all\": \"mandatory\"");
        assertThatThrownBy(() -> PolicyCheck.checkConfigReadable(broken)).isInstanceOf(PolicyConfigException.class)
                .hasMessageContaining("is not valid JSON at line");
        assertThatThrownBy(() -> PolicyCheck.checkConfigReadable(dir.resolve("missing.json")))
                .isInstanceOf(PolicyConfigException.class).hasMessageContaining("no policy config at");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = Files.newInputStream(resource(name))) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Path resource(String name) {
        return ROOT.resolve("src/test/resources/policycheck").resolve(name);
    }

    private static int countPolicyFiles() {
        try (var files = java.nio.file.Files.list(PACK.resolve("policies"))) {
            return (int) files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".ts") && !n.equals("index.ts")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
