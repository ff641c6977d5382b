package jp.twozeroseven.infra.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.iam.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployDocumentsPureTest {

    @Test
    void bundleBytesDependOnlyOnTheFiles() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("taskdef.json", "{}");
        files.put("appspec.yaml", "version: 0.0\n");
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("appspec.yaml", "version: 0.0\n");
        reversed.put("taskdef.json", "{}");
        byte[] first = DeployBundle.zip(files);
        assertThat(DeployBundle.zip(reversed)).isEqualTo(first);
        Thread.sleep(1100);
        assertThat(DeployBundle.zip(files)).isEqualTo(first);
        assertThat(DeployBundle.zip(Map.of("taskdef.json", "{ }", "appspec.yaml", "version: 0.0\n"))).isNotEqualTo(first);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(e.getTime()).isEqualTo(DeployBundle.FIXED_TIME.toMillis());
            }
        }
        assertThat(DeployBundle.unzip(first)).containsExactly(Map.entry("appspec.yaml", "version: 0.0\n"),
                Map.entry("taskdef.json", "{}"));
    }

    @Test
    void anEmptyBundleIsRefused() {
        assertThatThrownBy(() -> DeployBundle.zip(Map.of())).hasMessageContaining("at least one file");
    }

    @Test
    void releasePatternMatchesTagPrefixOfOneRepository() throws Exception {
        JsonNode pattern = new ObjectMapper().readTree(ReleaseEvents.ecrPushPattern("platform-207-prod-api", "release-"));
        assertThat(pattern.at("/source/0").asText()).isEqualTo("aws.ecr");
        assertThat(pattern.at("/detail/action-type/0").asText()).isEqualTo("PUSH");
        assertThat(pattern.at("/detail/image-tag/0/prefix").asText()).isEqualTo("release-");
        JsonNode input = new ObjectMapper().readTree(ReleaseEvents.sourceOverrideTemplate("Image"));
        assertThat(input.at("/sourceRevisions/0/actionName").asText()).isEqualTo("Image");
        assertThat(input.at("/sourceRevisions/0/revisionValue").asText()).isEqualTo("<digest>");
        assertThat(ReleaseEvents.inputPaths()).containsEntry("digest", "$.detail.image-digest");
    }

    @Test
    void codeDeployArnsFollowTheServiceFormat() {
        CodeDeployArns arns = new CodeDeployArns("ap-northeast-1", "123456789012");
        assertThat(arns.application("app")).isEqualTo("arn:aws:codedeploy:ap-northeast-1:123456789012:application:app");
        assertThat(arns.deploymentGroup("app", "api"))
                .isEqualTo("arn:aws:codedeploy:ap-northeast-1:123456789012:deploymentgroup:app/api");
        assertThat(arns.deploymentConfig("CodeDeployDefault.ECSAllAtOnce"))
                .isEqualTo("arn:aws:codedeploy:ap-northeast-1:123456789012:deploymentconfig:CodeDeployDefault.ECSAllAtOnce");
    }

    @Test
    void deployPoliciesNeverGrantWholeServicesAndOnlyPassRolesToEcsTasks() {
        DeployPolicies.DeployTarget target = new DeployPolicies.DeployTarget("arn:app", "arn:group", "arn:config",
                "arn:aws:iam::123456789012:role/exec", "arn:aws:iam::123456789012:role/task");
        for (PolicyDocument doc : new PolicyDocument[]{
                DeployPolicies.pipelineRole("arn:aws:s3:::b", "arn:key", "arn:repo", target),
                DeployPolicies.ciDeployRole("arn:aws:s3:::b/api/*", "arn:key", "ap-northeast-1", target)}) {
            doc.statements().forEach(s -> assertThat(s.actions()).noneMatch(a -> a.endsWith(":*")));
            assertThat(doc.statements()).filteredOn(s -> s.actions().contains("iam:PassRole")).singleElement()
                    .satisfies(s -> assertThat(s.conditions()).singleElement()
                            .satisfies(c -> assertThat(c.values()).containsExactly("ecs-tasks.amazonaws.com")));
            // Only the two ECS actions without resource-level permissions take "*", and tagging only on register.
            assertThat(doc.statements()).filteredOn(s -> s.resources().contains("*"))
                    .flatExtracting(s -> s.actions()).containsExactlyInAnyOrder("ecs:RegisterTaskDefinition",
                            "ecs:TagResource");
            assertThat(doc.statements()).filteredOn(s -> s.actions().contains("ecs:TagResource")).singleElement()
                    .satisfies(s -> assertThat(s.conditions()).singleElement()
                            .satisfies(c -> assertThat(c.values()).containsExactly("RegisterTaskDefinition")));
        }
    }
}
