package jp.twozeroseven.infra.platform.deploy.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.twozeroseven.infra.platform.containers.ContainerDefinitions;
import jp.twozeroseven.infra.platform.containers.ImageRef;
import jp.twozeroseven.infra.platform.containers.ServiceTaskFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployDocumentsTest {

    private static final String EXEC = "arn:aws:iam::123456789012:role/prod-api-execution";
    private static final String TASK = "arn:aws:iam::123456789012:role/prod-api-task";

    private static TaskDefinitionSpec spec(CpuArchitecture arch) {
        return new TaskDefinitionSpec("prod-api", EXEC, TASK, arch, ServiceTaskFixtures.railsTask());
    }

    @Test
    void taskdefParsesBackWithFargateSettings() throws Exception {
        JsonNode taskdef = new ObjectMapper().readTree(TaskDefinitionDocument.renderJson(spec(CpuArchitecture.ARM64)));

        assertThat(taskdef.path("family").asText()).isEqualTo("prod-api");
        assertThat(taskdef.path("executionRoleArn").asText()).isEqualTo(EXEC);
        assertThat(taskdef.path("taskRoleArn").asText()).isEqualTo(TASK);
        assertThat(taskdef.path("networkMode").asText()).isEqualTo("awsvpc");
        assertThat(taskdef.path("requiresCompatibilities")).extracting(JsonNode::asText).containsExactly("FARGATE");
        assertThat(taskdef.path("cpu").isTextual()).isTrue();
        assertThat(taskdef.path("cpu").asText()).isEqualTo("1024");
        assertThat(taskdef.path("memory").asText()).isEqualTo("2048");
        assertThat(taskdef.path("runtimePlatform").path("cpuArchitecture").asText()).isEqualTo("ARM64");
        assertThat(taskdef.path("runtimePlatform").path("operatingSystemFamily").asText()).isEqualTo("LINUX");
        assertThat(taskdef.path("volumes")).extracting(v -> v.path("name").asText()).containsExactly("api-tmp", "api-rails-tmp");
    }

    @Test
    void taskdefUsesTheSameGeneratorWithTheImagePlaceholder() throws Exception {
        JsonNode taskdef = TaskDefinitionDocument.render(spec(CpuArchitecture.X86_64));
        JsonNode expected = ContainerDefinitions.generate(
                ServiceTaskFixtures.railsTask().withAppImage(ImageRef.codeDeployPlaceholder())).containerDefinitions();

        assertThat(taskdef.path("containerDefinitions")).isEqualTo(expected);
        assertThat(taskdef.path("containerDefinitions").get(0).path("image").asText()).isEqualTo("<IMAGE1_NAME>");
        assertThat(taskdef.toString()).doesNotContain("2024-05-01-abc1234");
    }

    @Test
    void taskdefRefusesBadRoleArn() {
        assertThatThrownBy(() -> new TaskDefinitionSpec("prod-api", "prod-api-execution", TASK, CpuArchitecture.ARM64,
                ServiceTaskFixtures.railsTask())).hasMessageContaining("execution role").hasMessageContaining("'prod-api-execution'");
    }

    @Test
    void appspecParsesBackWithTargetServiceAndPlaceholder() throws Exception {
        String yaml = AppSpecDocument.renderYaml(new AppSpecSpec("api", 3000, "1.4.0", List.of()));
        JsonNode appspec = new YAMLMapper().readTree(yaml);

        assertThat(yaml).startsWith("version: 0.0");
        assertThat(appspec.path("version").asDouble()).isEqualTo(0.0);
        JsonNode target = appspec.path("Resources").get(0).path("TargetService");
        assertThat(target.path("Type").asText()).isEqualTo("AWS::ECS::Service");
        assertThat(target.path("Properties").path("TaskDefinition").asText()).isEqualTo("<TASK_DEFINITION>");
        assertThat(target.path("Properties").path("LoadBalancerInfo").path("ContainerName").asText()).isEqualTo("api");
        assertThat(target.path("Properties").path("LoadBalancerInfo").path("ContainerPort").asInt()).isEqualTo(3000);
        assertThat(target.path("Properties").path("PlatformVersion").asText()).isEqualTo("1.4.0");
        assertThat(appspec.has("Hooks")).isFalse();
    }

    @Test
    void appspecHooksComeInLifecycleOrder() throws Exception {
        JsonNode appspec = new YAMLMapper().readTree(AppSpecDocument.renderYaml(new AppSpecSpec("web", 3000, null, List.of(
                new AppSpecHook("AfterAllowTestTraffic", "prod-web-smoke-test"),
                new AppSpecHook("BeforeInstall", "prod-web-pre")))));

        assertThat(appspec.path("Resources").get(0).path("TargetService").path("Properties").has("PlatformVersion")).isFalse();
        assertThat(appspec.path("Hooks").get(0).path("BeforeInstall").asText()).isEqualTo("prod-web-pre");
        assertThat(appspec.path("Hooks").get(1).path("AfterAllowTestTraffic").asText()).isEqualTo("prod-web-smoke-test");
    }

    @Test
    void appspecRefusesUnknownHookAndBadPlatformVersion() {
        assertThatThrownBy(() -> new AppSpecHook("ApplicationStart", "f")).hasMessageContaining("ApplicationStart");
        assertThatThrownBy(() -> new AppSpecSpec("api", 3000, "v1.4", List.of())).hasMessageContaining("v1.4");
    }
}
