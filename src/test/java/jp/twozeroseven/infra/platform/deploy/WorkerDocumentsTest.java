package jp.twozeroseven.infra.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.iam.PolicyDocument;
import jp.twozeroseven.infra.iam.Statement;
import jp.twozeroseven.infra.platform.containers.AppContainer;
import jp.twozeroseven.infra.platform.containers.ContainerDefinitions;
import jp.twozeroseven.infra.platform.containers.ImageRef;
import jp.twozeroseven.infra.platform.containers.SecretRef;
import jp.twozeroseven.infra.platform.containers.ServiceTask;
import jp.twozeroseven.infra.platform.containers.ServiceTaskFixtures;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated documents of a worker (docs/workers.md), as pure functions: its container, taskdef.json and IAM. */
class WorkerDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLES = "arn:aws:iam::123456789012:role/";
    private static final String SERVICE_ARN = "arn:aws:ecs:ap-northeast-1:123456789012:service/prod-cluster/prod-jobs";
    private static final List<String> COMMAND = List.of("bundle", "exec", "sidekiq");

    static ServiceTask workerTask() {
        AppContainer app = new AppContainer(ImageRef.tagged(ServiceTaskFixtures.ACCOUNT
                + ".dkr.ecr.ap-northeast-1.amazonaws.com/jobs", "release-1"), OptionalInt.empty(), Optional.empty(),
                Map.of("RAILS_ENV", "production"), List.of(SecretRef.whole("SENTRY_DSN", ServiceTaskFixtures.SENTRY_ARN)),
                true, List.of("/rails/tmp"), "1000", COMMAND);
        return ServiceTaskFixtures.task(app);
    }

    @Test
    void aWorkersAppContainerRunsItsCommandWithoutPortOrProbe() {
        JsonNode app = ContainerDefinitions.generate(workerTask()).containerDefinitions().get(0);
        assertThat(app.path("command")).extracting(JsonNode::asText).containsExactlyElementsOf(COMMAND);
        assertThat(app.has("portMappings")).isFalse();
        assertThat(app.has("healthCheck")).isFalse();
        assertThat(app.path("essential").asBoolean()).isTrue();
        // A web app keeps its port and probe, and runs its image's CMD.
        JsonNode web = ContainerDefinitions.generate(ServiceTaskFixtures.railsTask()).containerDefinitions().get(0);
        assertThat(web.has("command")).isFalse();
        assertThat(web.path("portMappings").get(0).path("containerPort").asInt()).isEqualTo(3000);
        assertThat(web.has("healthCheck")).isTrue();
    }

    @Test
    void aListeningAppNeedsAProbe() {
        assertThatThrownBy(() -> new AppContainer(ImageRef.codeDeployPlaceholder(), OptionalInt.of(3000),
                Optional.empty(), Map.of(), List.of(), true, List.of(), "1000", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("health check is missing");
    }

    @Test
    void aWorkerPublishesItsTaskdefOnlyWithTheImagePlaceholder() throws Exception {
        ServiceDeployDocuments documents = ServiceDeployDocuments.of("jobs", CpuArchitecture.ARM64,
                OptionalInt.empty(), "prod-jobs", ROLES + "prod-jobs-execution", ROLES + "prod-jobs-task",
                workerTask(), null);
        assertThat(documents.rolling()).isTrue();
        assertThat(documents.files()).containsOnlyKeys(ServiceDeployDocuments.TASKDEF_FILE);
        JsonNode taskdef = JSON.readTree(documents.taskDefinitionJson());
        assertThat(taskdef.path("family").asText()).isEqualTo("prod-jobs");
        assertThat(taskdef.path("containerDefinitions").get(0).path("image").asText()).isEqualTo("<IMAGE1_NAME>");
        assertThat(taskdef.path("containerDefinitions").get(0).path("command")).hasSize(3);
        // The same inputs give the same bytes.
        assertThat(ServiceDeployDocuments.of("jobs", CpuArchitecture.ARM64, OptionalInt.empty(), "prod-jobs",
                ROLES + "prod-jobs-execution", ROLES + "prod-jobs-task", workerTask(), null)).isEqualTo(documents);
    }

    @Test
    void aWorkersReleaseRoleUpdatesOnlyItsServiceAndNeverCodeDeploy() {
        PolicyDocument doc = DeployPolicies.rollingDeploy("arn:aws:s3:::artifacts/jobs/*", "arn:key",
                "ap-northeast-1", SERVICE_ARN, ROLES + "exec", ROLES + "task",
                "arn:aws:ecr:ap-northeast-1:123456789012:repository/prod-jobs");
        assertThat(doc.statements()).flatExtracting(Statement::actions).noneMatch(a -> a.startsWith("codedeploy:"))
                .noneMatch(a -> a.endsWith(":*"));
        assertThat(doc.statements()).filteredOn(s -> s.actions().contains("ecs:UpdateService")).singleElement()
                .satisfies(s -> {
                    assertThat(s.actions()).containsExactlyInAnyOrder("ecs:UpdateService", "ecs:DescribeServices");
                    assertThat(s.resources()).containsExactly(SERVICE_ARN);
                });
        assertThat(doc.statements()).filteredOn(s -> s.actions().contains("iam:PassRole")).singleElement()
                .satisfies(s -> {
                    assertThat(s.resources()).containsExactly(ROLES + "exec", ROLES + "task");
                    assertThat(s.conditions()).singleElement()
                            .satisfies(c -> assertThat(c.values()).containsExactly("ecs-tasks.amazonaws.com"));
                });
        // Only the actions without resource-level permissions take "*".
        assertThat(doc.statements()).filteredOn(s -> s.resources().contains("*")).flatExtracting(Statement::actions)
                .containsExactlyInAnyOrder("ecr:GetAuthorizationToken", "ecs:RegisterTaskDefinition",
                        "ecs:TagResource");
        assertThat(doc.statements()).filteredOn(s -> s.actions().contains("s3:GetObject")).singleElement()
                .satisfies(s -> assertThat(s.resources()).containsExactly("arn:aws:s3:::artifacts/jobs/*"));
    }
}
