package jp.twozeroseven.infra.platform.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.twozeroseven.infra.platform.release.RepositoryGuardTest.texts;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.named;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The release roles and push guards as the stacks render them: each service's in its own AppService (through
 * deploy/ServiceRelease), the ETL image's in the data pipeline (data/image/EtlRepository).
 */
class PushGuardsTest {

    private static final String POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
    private static final String APP_SERVICE = "platform207:service:AppService";
    private static final String DATA_PIPELINE = "platform207:data:DataPipeline";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prodGetsAReleaseRolePerServiceBoundToTheGithubEnvironmentProd() throws Exception {
        for (var service : List.of(List.of("api", "two-zero-seven/delivery-api"),
                List.of("web", "two-zero-seven/delivery-admin-web"))) {
            SynthesizedResource role = named("prod", "aws:iam/role:Role", "platform-207-prod-" + service.get(0)
                    + "-release-push");
            JsonNode trust = JSON.readTree(role.inputs().path("assumeRolePolicy").asText());
            // GitHub Docs, "About security hardening with OpenID Connect": a job bound to an environment presents
            // sub = repo:<org>/<repo>:environment:<name>; the account's existing provider (githubOidcProvider: existing)
            assertThat(trust.at("/Statement/0/Principal/Federated/0").asText())
                    .isEqualTo("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
            assertThat(trust.at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:sub").asText())
                    .isEqualTo("repo:" + service.get(1) + ":environment:prod");
            assertThat(trust.at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:aud").asText())
                    .isEqualTo("sts.amazonaws.com");
            JsonNode permissions = JSON.readTree(named("prod", "aws:iam/rolePolicy:RolePolicy", "platform-207-prod-"
                    + service.get(0) + "-release-push").inputs().path("policy").asText());
            String repository = "arn:aws:ecr:ap-northeast-1:123456789012:repository/platform-207-prod-" + service.get(0);
            assertThat(permissions.path("Statement")).allSatisfy(st -> {
                assertThat(texts(st.path("Action"))).allMatch(a -> a.startsWith("ecr:"));
                assertThat(texts(st.path("Resource"))).isSubsetOf("*", repository);
            });
            assertThat(permissions.at("/Statement/0/Resource/0").asText()).isEqualTo("*");
            assertThat(texts(permissions.at("/Statement/0/Action"))).containsExactly("ecr:GetAuthorizationToken");
            // the role is the service's own: its AppService is its parent
            assertThat(role.parent()).contains(APP_SERVICE + "::" + service.get(0));
        }
        assertThat(ofType("stg", "aws:iam/role:Role")).noneMatch(r -> r.name().endsWith("-release-push"));
    }

    @Test
    void everyRepositoryIsGuardedInBothModes() throws Exception {
        for (String stack : List.of("prod", "stg")) {
            // one guard per repository: the services', the ETL image's and the sidecar mirrors'
            assertThat(ofType(stack, POLICY)).extracting(p -> p.inputs().path("repository").asText())
                    .containsExactlyInAnyOrderElementsOf(ofType(stack, "aws:ecr/repository:Repository").stream()
                            .map(r -> r.inputs().path("name").asText()).toList())
                    .contains("platform-207-" + stack + "-api", "platform-207-" + stack + "-web",
                            "platform-207-" + stack + "-embulk", "platform-207-" + stack + "-sidecar-log-router");
            for (String service : List.of("api", "web")) {
                assertThat(named(stack, POLICY, "platform-207-" + stack + "-" + service + "-push-guard").parent())
                        .as(stack + " " + service).contains(APP_SERVICE + "::" + service);
            }
            assertThat(named(stack, POLICY, "platform-207-" + stack + "-etl-push-guard").parent())
                    .contains(DATA_PIPELINE);
        }
        JsonNode stgApi = JSON.readTree(named("stg", POLICY, "platform-207-stg-api-push-guard").inputs()
                .path("policy").asText());
        assertThat(texts(stgApi.at("/Statement/0/Condition/ArnNotEquals/aws:PrincipalArn")))
                .contains("arn:aws:iam::210987654321:role/platform-207-stg-api-ci-deploy");
        JsonNode etl = JSON.readTree(named("prod", POLICY, "platform-207-prod-etl-push-guard").inputs()
                .path("policy").asText());
        // .github/workflows/embulk-image.yml pushes with the deploy role (vars.AWS_DEPLOY_ROLE_ARN)
        assertThat(texts(etl.at("/Statement/0/Condition/ArnNotEquals/aws:PrincipalArn")))
                .containsExactly("arn:aws:iam::123456789012:role/platform-207-prod-pulumi-deploy",
                        "arn:aws:iam::123456789012:role/platform-207-prod-break-glass");
    }

    /** stg's service guards lived under DeployTrigger (codedeploy mode): the alias keeps them in place. */
    @Test
    void theServiceGuardsAliasTheComponentThatHeldThemBefore() {
        assertThat(named("stg", POLICY, "platform-207-stg-api-push-guard").options().aliases()).containsExactly(
                "urn:pulumi:stg::platform-207::platform207:app:AppPlatform$platform207:deploy:DeployTrigger"
                        + "$aws:ecr/repositoryPolicy:RepositoryPolicy::platform-207-stg-api-push-guard");
        assertThat(named("stg", POLICY, "platform-207-stg-etl-push-guard").options().aliases()).isEmpty();
        assertThat(named("prod", POLICY, "platform-207-prod-api-push-guard").options().aliases()).isEmpty();
    }

    @Test
    void theReleaseRoleTrustAndPermissionsRefuseBadInput() {
        assertThatThrownBy(() -> ReleaseRolePolicies.trust(
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "no-slash", "prod"))
                .hasMessageContaining("must be org/repository");
        assertThatThrownBy(() -> ReleaseRolePolicies.permissions("arn:aws:s3:::bucket"))
                .hasMessageContaining("not an ECR repository ARN");
    }
}
