package jp.twozeroseven.infra.platform.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.platform.deploy.DeployPolicies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryGuardTest {

    private static final String ACCOUNT = "123456789012";
    private static final String RELEASE = "arn:aws:iam::123456789012:role/platform-207-prod-api-release-push";
    private static final String DEPLOY = "arn:aws:iam::123456789012:role/platform-207-prod-pulumi-deploy";
    private static final String BREAK_GLASS = "arn:aws:iam::123456789012:role/platform-207-prod-break-glass";

    private static JsonNode guard() throws Exception {
        return new ObjectMapper().readTree(RepositoryGuard.document(RELEASE, DEPLOY, BREAK_GLASS, ACCOUNT).toJson());
    }

    /**
     * Amazon ECR User Guide, repository-policies.html / repository-policy-examples.html: repository policy
     * statements name a Principal and no Resource (the repository is implied).
     */
    @Test
    void everyStatementDeniesEveryoneButNamedRolesAndNamesNoResource() throws Exception {
        JsonNode policy = guard();
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.path("Statement")).hasSize(3).allSatisfy(st -> {
            assertThat(st.path("Effect").asText()).isEqualTo("Deny");
            assertThat(st.path("Principal").asText()).isEqualTo("*");
            assertThat(st.has("Resource")).isFalse();
            assertThat(st.path("Condition").path("ArnNotEquals").has("aws:PrincipalArn")).isTrue();
        });
    }

    @Test
    void onlyTheReleaseRoleAndBreakGlassPushOnlyBreakGlassDeletesTheDeployerAndRootKeepTheSettings() throws Exception {
        JsonNode st = guard().path("Statement");
        assertThat(texts(st.get(0).path("Action"))).containsExactly("ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload", "ecr:PutImage");
        assertThat(texts(st.get(0).at("/Condition/ArnNotEquals/aws:PrincipalArn"))).containsExactly(RELEASE, BREAK_GLASS);
        assertThat(texts(st.get(1).path("Action"))).containsExactly("ecr:BatchDeleteImage");
        assertThat(st.get(1).at("/Condition/ArnNotEquals/aws:PrincipalArn").asText()).isEqualTo(BREAK_GLASS);
        assertThat(texts(st.get(2).path("Action"))).contains("ecr:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy",
                "ecr:PutLifecyclePolicy", "ecr:PutImageTagMutability");
        assertThat(texts(st.get(2).at("/Condition/ArnNotEquals/aws:PrincipalArn")))
                .containsExactly(DEPLOY, BREAK_GLASS, "arn:aws:iam::123456789012:root");
    }

    /** Pulls stay open: a deny on a read would stop ECS, CodePipeline's ECR source and the scanners. */
    @Test
    void noReadIsDenied() throws Exception {
        List<String> denied = new ArrayList<>();
        guard().path("Statement").forEach(st -> denied.addAll(texts(st.path("Action"))));
        assertThat(denied).doesNotContain("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages");
        // every write of a push the release role is granted is denied to others
        assertThat(DeployPolicies.PUSH_ACTIONS).containsAll(RepositoryGuard.IMAGE_WRITES);
    }

    @Test
    void theEtlRepositoryWhoseReleaseRoleIsTheDeployerListsItOnce() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(RepositoryGuard.document(DEPLOY, DEPLOY, BREAK_GLASS, ACCOUNT).toJson());
        assertThat(texts(policy.at("/Statement/0/Condition/ArnNotEquals/aws:PrincipalArn")))
                .containsExactly(DEPLOY, BREAK_GLASS);
    }

    @Test
    void aRoleOfAnotherAccountOrAMalformedArnIsRefused() {
        assertThatThrownBy(() -> RepositoryGuard.document("arn:aws:iam::999999999999:role/x", DEPLOY, BREAK_GLASS,
                ACCOUNT)).hasMessageContaining("is not a role of account 123456789012");
        assertThatThrownBy(() -> RepositoryGuard.document(RELEASE, "platform-207-prod-pulumi-deploy", BREAK_GLASS,
                ACCOUNT)).hasMessageContaining("is not a role of account");
        assertThatThrownBy(() -> RepositoryGuard.document(RELEASE, DEPLOY, BREAK_GLASS, "1234"))
                .hasMessageContaining("12 digits");
    }

    static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
