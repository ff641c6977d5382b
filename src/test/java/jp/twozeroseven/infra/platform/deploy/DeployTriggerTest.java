package jp.twozeroseven.infra.platform.deploy;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.platform.service.AppService;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static jp.twozeroseven.infra.testsupport.SynthedStacks.json;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.named;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.ofType;
import static jp.twozeroseven.infra.platform.deploy.BlueGreenDeploymentsTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

class DeployTriggerTest {

    private static final String PIPELINE = "aws:codepipeline/pipeline:Pipeline";
    private static final String OBJECT = "aws:s3/bucketObjectv2:BucketObjectv2";

    @Test
    void pipelineModeStartsAV2PipelinePerServiceOnAReleaseTagPush() {
        assertThat(ofType("prod", PIPELINE)).hasSize(SynthedStacks.settings("prod").services().size());
        JsonNode pipeline = named("prod", PIPELINE, "platform-207-prod-api-release").inputs();
        assertThat(pipeline.at("/pipelineType").asText()).isEqualTo("V2");
        assertThat(pipeline.at("/artifactStores/0/location").asText()).isEqualTo("platform-207-prod-deploy-artifacts");
        assertThat(pipeline.at("/artifactStores/0/encryptionKey/type").asText()).isEqualTo("KMS");
        JsonNode sources = pipeline.at("/stages/0/actions");
        assertThat(texts(sources, "provider")).containsExactly("ECR", "S3");
        assertThat(sources.at("/0/configuration/RepositoryName").asText()).isEqualTo("platform-207-prod-api");
        assertThat(sources.at("/1/configuration/S3ObjectKey").asText()).isEqualTo("api/deploy-bundle.zip");
        assertThat(sources.at("/1/configuration/PollForSourceChanges").asText()).isEqualTo("false");
        JsonNode deploy = pipeline.at("/stages/1/actions/0");
        assertThat(deploy.at("/provider").asText()).isEqualTo("CodeDeployToECS");
        assertThat(deploy.at("/configuration/ApplicationName").asText()).isEqualTo("platform-207-prod-services");
        assertThat(deploy.at("/configuration/DeploymentGroupName").asText()).isEqualTo("platform-207-prod-api");
        assertThat(deploy.at("/configuration/Image1ContainerName").asText()).isEqualTo("IMAGE1_NAME");

        JsonNode rule = named("prod", "aws:cloudwatch/eventRule:EventRule", "platform-207-prod-api-release-pushed").inputs();
        JsonNode pattern = json(rule.at("/eventPattern"));
        assertThat(pattern.at("/detail/repository-name/0").asText()).isEqualTo("platform-207-prod-api");
        assertThat(pattern.at("/detail/image-tag/0/prefix").asText()).isEqualTo("release-");
        assertThat(pattern.at("/detail/result/0").asText()).isEqualTo("SUCCESS");
        JsonNode target = named("prod", "aws:cloudwatch/eventTarget:EventTarget", "platform-207-prod-api-release-pushed").inputs();
        assertThat(target.at("/arn").asText()).endsWith(":platform-207-prod-api-release");
        assertThat(json(target.at("/inputTransformer/inputTemplate")).at("/sourceRevisions/0/revisionType").asText())
                .isEqualTo("IMAGE_DIGEST");

        assertThat(ofType("prod", "aws:iam/openIdConnectProvider:OpenIdConnectProvider")).isEmpty();
    }

    @Test
    void pipelineBundleHoldsTheGeneratedTaskdefAndAppspec() throws Exception {
        SynthesizedResource bundle = named("prod", OBJECT, "platform-207-prod-api-release-bundle");
        assertThat(bundle.inputs().at("/key").asText()).isEqualTo("api/deploy-bundle.zip");
        Map<String, String> files = DeployBundle.unzip(Base64.getDecoder().decode(bundle.inputs().at("/contentBase64").asText()));
        assertThat(files.keySet()).containsExactly("appspec.yaml", "taskdef.json");

        JsonNode taskdef = new ObjectMapper().readTree(files.get("taskdef.json"));
        assertThat(taskdef.at("/family").asText()).isEqualTo("platform-207-prod-api");
        assertThat(taskdef.at("/executionRoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/platform-207-prod-api-execution");
        assertThat(taskdef.at("/runtimePlatform/cpuArchitecture").asText()).isEqualTo("ARM64");
        JsonNode app = null;
        for (JsonNode c : taskdef.at("/containerDefinitions")) {
            if (c.path("name").asText().equals("api")) {
                app = c;
            }
        }
        assertThat(app).isNotNull();
        assertThat(app.path("image").asText()).isEqualTo("<IMAGE1_NAME>");
        // Same generator as the Pulumi-managed task definition: identical containers but for the app image.
        JsonNode managed = json(named("prod", "aws:ecs/taskDefinition:TaskDefinition", "platform-207-prod-api")
                .inputs().at("/containerDefinitions"));
        assertThat(taskdef.at("/containerDefinitions").size()).isEqualTo(managed.size());

        JsonNode appspec = new YAMLMapper().readTree(files.get("appspec.yaml"));
        JsonNode props = appspec.at("/Resources/0/TargetService/Properties");
        assertThat(props.at("/TaskDefinition").asText()).isEqualTo("<TASK_DEFINITION>");
        assertThat(props.at("/LoadBalancerInfo/ContainerName").asText()).isEqualTo("api");
        assertThat(props.at("/LoadBalancerInfo/ContainerPort").asInt()).isEqualTo(3000);
    }

    @Test
    void pipelineRoleMayDeployOnlyItsOwnService() {
        JsonNode policy = json(named("prod", "aws:iam/rolePolicy:RolePolicy", "platform-207-prod-api-release").inputs().at("/policy"));
        JsonNode passRole = statement(policy, "PassTaskRoles");
        assertThat(texts(passRole.at("/Resource"), null)).containsExactly(
                "arn:aws:iam::123456789012:role/platform-207-prod-api-execution",
                "arn:aws:iam::123456789012:role/platform-207-prod-api-task");
        assertThat(passRole.at("/Condition/StringEquals/iam:PassedToService").asText()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(statement(policy, "CreateDeployment").at("/Resource/0").asText()).isEqualTo(
                "arn:aws:codedeploy:ap-northeast-1:123456789012:deploymentgroup:platform-207-prod-services/platform-207-prod-api");
        assertThat(statement(policy, "ReadReleaseImage").at("/Resource/0").asText()).endsWith(":repository/platform-207-prod-api");
        // Neither release pipeline may rewrite a deploy bundle, its own or the other service's: Pulumi writes them.
        JsonNode guard = statement(policy, "DeployDocumentsAreWrittenByPulumiOnly");
        assertThat(guard.at("/Effect").asText()).isEqualTo("Deny");
        assertThat(texts(guard.at("/Resource"), null)).containsExactlyElementsOf(SynthedStacks.settings("prod")
                .services().stream().map(s -> "arn:aws:s3:::platform-207-prod-deploy-artifacts/" + s.name() + "/*")
                .sorted().toList());
        JsonNode events = json(named("prod", "aws:iam/rolePolicy:RolePolicy", "platform-207-prod-release-events").inputs().at("/policy"));
        assertThat(texts(events.at("/Statement/0/Resource"), null)).hasSize(ofType("prod", PIPELINE).size())
                .allSatisfy(arn -> assertThat(arn).startsWith("arn:aws:codepipeline:ap-northeast-1:123456789012:"));
    }

    @Test
    void codedeployModeHasNoPipelineButAGithubRolePerServiceWithExactlyTheDeployActions() {
        assertThat(ofType("stg", PIPELINE)).isEmpty();
        // (the observability component's deploy-marker rules listen to CodeDeploy, they start nothing)
        assertThat(ofType("stg", "aws:cloudwatch/eventRule:EventRule"))
                .filteredOn(r -> !r.name().endsWith("-deploy-marker")).isEmpty();
        assertThat(ofType("stg", "aws:iam/openIdConnectProvider:OpenIdConnectProvider")).singleElement()
                .satisfies(p -> assertThat(p.inputs().at("/url").asText()).isEqualTo("https://token.actions.githubusercontent.com"));

        JsonNode role = named("stg", "aws:iam/role:Role", "platform-207-stg-web-ci-deploy").inputs();
        JsonNode trust = json(role.at("/assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Principal/Federated/0").asText())
                .isEqualTo("arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com");
        assertThat(trust.at("/Statement/0/Condition/StringEquals/token.actions.githubusercontent.com:sub").asText())
                .isEqualTo("repo:two-zero-seven/delivery-admin-web:environment:stg");

        JsonNode policy = json(named("stg", "aws:iam/rolePolicy:RolePolicy", "platform-207-stg-web-ci-deploy").inputs().at("/policy"));
        Set<String> actions = new TreeSet<>();
        policy.at("/Statement").forEach(s -> s.at("/Action").forEach(a -> actions.add(a.asText())));
        assertThat(actions).containsExactlyInAnyOrder("ecs:RegisterTaskDefinition", "ecs:TagResource", "iam:PassRole",
                "codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:GetDeploymentConfig",
                "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision", "s3:GetObject",
                "kms:Decrypt",
                // CI builds and pushes the image (ECR User Guide, "Required IAM permissions for pushing an image")
                "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
                "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage");
        assertThat(statement(policy, "PushServiceImage").at("/Resource/0").asText())
                .isEqualTo("arn:aws:ecr:ap-northeast-1:210987654321:repository/platform-207-stg-web");
        assertThat(statement(policy, "ReadDeployDocuments").at("/Resource/0").asText())
                .isEqualTo("arn:aws:s3:::platform-207-stg-deploy-artifacts/web/*");
        assertThat(statement(policy, "DecryptDeployDocuments").at("/Condition/StringEquals/kms:ViaService").asText())
                .isEqualTo("s3.ap-northeast-1.amazonaws.com");
        assertThat(statement(policy, "CreateDeployment").at("/Resource/0").asText()).endsWith(
                ":deploymentgroup:platform-207-stg-services/platform-207-stg-web");
        assertThat(statement(policy, "DeploymentConfig").at("/Resource/0").asText()).endsWith(
                ":deploymentconfig:CodeDeployDefault.ECSAllAtOnce");
    }

    @Test
    void codedeployModePublishesTheSameDocumentsWhereCiReadsThem() throws Exception {
        // Each service publishes its two documents from its own component, under its own folder.
        List<String> keys = SynthedStacks.synth("stg").ofType(OBJECT, AppService.TYPE).stream()
                .map(o -> o.inputs().at("/key").asText()).sorted().toList();
        assertThat(keys).containsExactlyElementsOf(SynthedStacks.settings("stg").services().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.name() + "/appspec.yaml", s.name() + "/taskdef.json"))
                .sorted().toList());
        SynthesizedResource taskdef = SynthedStacks.synth("stg").ofType(OBJECT, AppService.TYPE).stream()
                .filter(o -> o.inputs().at("/key").asText().equals("web/taskdef.json")).findFirst().orElseThrow();
        JsonNode doc = new ObjectMapper().readTree(taskdef.inputs().at("/content").asText());
        assertThat(doc.at("/family").asText()).isEqualTo("platform-207-stg-web");
        assertThat(doc.toString()).contains("<IMAGE1_NAME>");
        assertThat(taskdef.inputs().at("/bucket").asText()).isEqualTo("platform-207-stg-deploy-artifacts");
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode s : policy.at("/Statement")) {
            if (s.path("Sid").asText().equals(sid)) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }
}
