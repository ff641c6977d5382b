package jp.twozeroseven.infra.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDocumentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(PolicyDocument document) throws Exception {
        return MAPPER.readTree(document.toJson());
    }

    @Test
    void identityStatementRendersVersionActionsAndResources() throws Exception {
        JsonNode json = parse(PolicyDocument.of(Statement.allow("ReadExports",
                List.of("s3:GetObject", "s3:ListBucket"), List.of("arn:aws:s3:::exports", "arn:aws:s3:::exports/*"))));

        assertThat(json.path("Version").asText()).isEqualTo("2012-10-17");
        JsonNode statement = json.path("Statement").get(0);
        assertThat(statement.path("Sid").asText()).isEqualTo("ReadExports");
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action")).extracting(JsonNode::asText).containsExactly("s3:GetObject", "s3:ListBucket");
        assertThat(statement.path("Resource")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:s3:::exports", "arn:aws:s3:::exports/*");
        assertThat(statement.has("Principal")).isFalse();
        assertThat(statement.has("Condition")).isFalse();
    }

    @Test
    void wildcardActionIsRefusedWithTheStatementName() {
        assertThatThrownBy(() -> Statement.allow("Everything", List.of("*"), List.of("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Everything").hasMessageContaining("'*'");
    }

    @Test
    void identityStatementWithoutResourcesIsRefused() {
        assertThatThrownBy(() -> Statement.allow("NoResources", List.of("s3:GetObject"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NoResources").hasMessageContaining("no resources");
    }

    @Test
    void statementWithoutActionsIsRefused() {
        assertThatThrownBy(() -> Statement.allow("Nothing", List.of(), List.of("arn:aws:s3:::b")))
                .hasMessageContaining("no actions");
    }

    @Test
    void emptyDocumentIsRefused() {
        assertThatThrownBy(() -> new PolicyDocument(List.of())).hasMessageContaining("no statements");
    }

    @Test
    void serviceTrustPinsTheSourceAccount() throws Exception {
        JsonNode statement = parse(PolicyDocuments.serviceTrust("ecs-tasks.amazonaws.com", "123456789012"))
                .path("Statement").get(0);

        assertThat(statement.path("Principal").path("Service")).extracting(JsonNode::asText)
                .containsExactly("ecs-tasks.amazonaws.com");
        assertThat(statement.path("Action")).extracting(JsonNode::asText).containsExactly("sts:AssumeRole");
        assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                .isEqualTo("123456789012");
        assertThat(statement.has("Resource")).isFalse();
    }

    @Test
    void serviceTrustRefusesBadAccountAndPrincipal() {
        assertThatThrownBy(() -> PolicyDocuments.serviceTrust("ecs-tasks.amazonaws.com", "1234"))
                .hasMessageContaining("'1234'").hasMessageContaining("12 digits");
        assertThatThrownBy(() -> PolicyDocuments.serviceTrust("ecs-tasks", "123456789012"))
                .hasMessageContaining("ecs-tasks");
    }

    @Test
    void githubTrustLimitsAudienceAndSubjects() throws Exception {
        String provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        PolicyDocument policy = PolicyDocuments.githubOidcTrust(provider, List.of(
                PolicyDocuments.githubBranchSubject("207inc", "infra", "main"),
                PolicyDocuments.githubEnvironmentSubject("207inc", "infra", "prod")));

        JsonNode statement = parse(policy).path("Statement").get(0);
        assertThat(statement.path("Principal").path("Federated").get(0).asText()).isEqualTo(provider);
        assertThat(statement.path("Action").get(0).asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        JsonNode equals = statement.path("Condition").path("StringEquals");
        assertThat(equals.path("token.actions.githubusercontent.com:aud").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(equals.path("token.actions.githubusercontent.com:sub")).extracting(JsonNode::asText)
                .containsExactly("repo:207inc/infra:ref:refs/heads/main", "repo:207inc/infra:environment:prod");
    }

    @Test
    void githubTrustUsesStringLikeOnlyForPatterns() throws Exception {
        String provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        JsonNode condition = parse(PolicyDocuments.githubOidcTrust(provider, List.of("repo:207inc/infra:environment:*")))
                .path("Statement").get(0).path("Condition");
        assertThat(condition.path("StringLike").path("token.actions.githubusercontent.com:sub").asText())
                .isEqualTo("repo:207inc/infra:environment:*");
    }

    @Test
    void githubTrustRefusesAnyRepositoryAndEmptySubjects() {
        String provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        assertThatThrownBy(() -> PolicyDocuments.githubOidcTrust(provider, List.of("repo:*")))
                .hasMessageContaining("repo:*");
        assertThatThrownBy(() -> PolicyDocuments.githubOidcTrust(provider, List.of()))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> PolicyDocuments.githubOidcTrust("arn:aws:iam::123456789012:oidc-provider/example.com",
                List.of("repo:207inc/infra:environment:prod"))).hasMessageContaining("example.com");
        assertThatThrownBy(() -> PolicyDocuments.githubBranchSubject("207inc", "infra", "*"))
                .hasMessageContaining("exact branch");
    }

    @Test
    void tlsOnlyBucketPolicyDeniesPlainHttpForBucketAndObjects() throws Exception {
        JsonNode statement = parse(PolicyDocuments.tlsOnlyBucketPolicy("arn:aws:s3:::data-lake-prod"))
                .path("Statement").get(0);

        assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.path("Principal").asText()).isEqualTo("*");
        assertThat(statement.path("Resource")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:s3:::data-lake-prod", "arn:aws:s3:::data-lake-prod/*");
        assertThat(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void tlsOnlyBucketPolicyRefusesObjectArn() {
        assertThatThrownBy(() -> PolicyDocuments.tlsOnlyBucketPolicy("arn:aws:s3:::bucket/path"))
                .hasMessageContaining("arn:aws:s3:::bucket/path");
    }

    @Test
    void duplicateConditionKeyIsRefused() {
        Statement statement = Statement.allow("Dup", List.of("s3:GetObject"), List.of("arn:aws:s3:::b/*"))
                .withConditions(List.of(Condition.of("StringEquals", "aws:SourceAccount", "1"),
                        Condition.of("StringEquals", "aws:SourceAccount", "2")));
        assertThatThrownBy(() -> PolicyDocument.of(statement).toJson()).hasMessageContaining("given twice");
    }
}
