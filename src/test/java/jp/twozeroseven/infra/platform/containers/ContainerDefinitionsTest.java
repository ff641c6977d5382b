package jp.twozeroseven.infra.platform.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerDefinitionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode render(ServiceTask task) throws Exception {
        // Parse the string form: that is what ECS receives.
        return MAPPER.readTree(ContainerDefinitions.generate(task).containerDefinitionsJson());
    }

    private static JsonNode container(JsonNode all, String name) {
        return StreamSupport.stream(all.spliterator(), false).filter(c -> c.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + name + " in " + all));
    }

    private static Map<String, String> pairs(JsonNode array, String valueField) {
        Map<String, String> map = new HashMap<>();
        array.forEach(n -> map.put(n.path("name").asText(), n.path(valueField).asText()));
        return map;
    }

    @Test
    void generatesAppLogRouterAndInfraAgent() throws Exception {
        JsonNode all = render(ServiceTaskFixtures.railsTask());
        assertThat(all).extracting(c -> c.path("name").asText()).containsExactly("api", "log-router", "newrelic-infra");
    }

    @Test
    void appContainerHasPortHealthCheckAndNewRelicNaming() throws Exception {
        JsonNode app = container(render(ServiceTaskFixtures.railsTask()), "api");

        assertThat(app.path("image").asText()).endsWith("/api:2024-05-01-abc1234");
        assertThat(app.path("essential").asBoolean()).isTrue();
        assertThat(app.path("portMappings").get(0).path("containerPort").asInt()).isEqualTo(3000);
        // The app's own runtime probes it, not curl (HealthCheck: the image contract is ruby / node).
        assertThat(app.path("healthCheck").path("command").get(0).asText()).isEqualTo("CMD");
        assertThat(app.path("healthCheck").path("command").get(1).asText()).isEqualTo("ruby");
        assertThat(app.path("healthCheck").path("command").toString()).contains("http://localhost:3000/up")
                .doesNotContain("curl");
        Map<String, String> env = pairs(app.path("environment"), "value");
        assertThat(env).containsEntry("NEW_RELIC_APP_NAME", "api-prod")
                .containsEntry("NEW_RELIC_DISTRIBUTED_TRACING_ENABLED", "true")
                .containsEntry("RAILS_ENV", "production");
        assertThat(app.path("cpu").asInt() + 64 + 64).isEqualTo(1024);
        assertThat(app.path("memory").asInt() + 128 + 128).isEqualTo(2048);
    }

    @Test
    void appSecretsComeOnlyFromSecretsManager() throws Exception {
        JsonNode app = container(render(ServiceTaskFixtures.railsTask()), "api");
        Map<String, String> secrets = pairs(app.path("secrets"), "valueFrom");

        assertThat(secrets).containsEntry("DATABASE_PASSWORD", ServiceTaskFixtures.DB_ARN + ":password::")
                .containsEntry("SENTRY_DSN", ServiceTaskFixtures.SENTRY_ARN)
                .containsEntry("NEW_RELIC_LICENSE_KEY", ServiceTaskFixtures.LICENSE_ARN + ":license_key::");
        assertThat(pairs(app.path("environment"), "value"))
                .doesNotContainKeys("DATABASE_PASSWORD", "SENTRY_DSN", "NEW_RELIC_LICENSE_KEY");
    }

    @Test
    void readOnlyAppGetsWritableTmpAndDeclaredVolumes() throws Exception {
        GeneratedContainers generated = ContainerDefinitions.generate(ServiceTaskFixtures.railsTask());
        JsonNode app = container(MAPPER.readTree(generated.containerDefinitionsJson()), "api");

        assertThat(app.path("readonlyRootFilesystem").asBoolean()).isTrue();
        assertThat(app.path("mountPoints")).extracting(m -> m.path("containerPath").asText())
                .containsExactly("/tmp", "/rails/tmp");
        assertThat(app.path("mountPoints")).allSatisfy(m -> assertThat(m.path("readOnly").asBoolean()).isFalse());
        assertThat(generated.volumeNames()).containsExactly("api-tmp", "api-rails-tmp");
        assertThat(app.path("mountPoints")).extracting(m -> m.path("sourceVolume").asText())
                .containsExactlyElementsOf(generated.volumeNames());
    }

    @Test
    void appThatNeedsWritableRootKeepsItAndStillGetsOnlyDeclaredPaths() throws Exception {
        ServiceTask task = ServiceTaskFixtures.task(ServiceTaskFixtures.railsApi(
                ImageRef.codeDeployPlaceholder(), false, Map.of()));
        GeneratedContainers generated = ContainerDefinitions.generate(task);
        JsonNode app = container(MAPPER.readTree(generated.containerDefinitionsJson()), "api");

        assertThat(app.path("readonlyRootFilesystem").asBoolean()).isFalse();
        assertThat(app.path("image").asText()).isEqualTo("<IMAGE1_NAME>");
        assertThat(generated.volumeNames()).containsExactly("api-rails-tmp");
    }

    @Test
    void appLogsGoThroughFireLensToNewRelicWithSecretLicense() throws Exception {
        JsonNode app = container(render(ServiceTaskFixtures.railsTask()), "api");
        JsonNode logging = app.path("logConfiguration");

        assertThat(logging.path("logDriver").asText()).isEqualTo("awsfirelens");
        assertThat(logging.path("options").path("Name").asText()).isEqualTo("newrelic");
        assertThat(logging.path("options").path("endpoint").asText()).isEqualTo("https://log-api.newrelic.com/log/v1");
        assertThat(logging.path("options").has("licenseKey")).isFalse();
        assertThat(pairs(logging.path("secretOptions"), "valueFrom"))
                .containsEntry("licenseKey", ServiceTaskFixtures.LICENSE_ARN + ":license_key::");
        assertThat(app.path("dependsOn")).extracting(d -> d.path("containerName").asText())
                .containsExactlyInAnyOrder("log-router", "newrelic-infra");
    }

    @Test
    void euAccountUsesTheEuEndpoint() throws Exception {
        ServiceTask us = ServiceTaskFixtures.railsTask();
        ServiceTask eu = new ServiceTask(us.serviceName(), us.stack(), us.region(), us.clusterName(), us.app(), us.size(),
                ServiceTaskFixtures.newRelic(us.newRelic().licenseKey(), NewRelicAccountRegion.EU),
                us.logGroups(), us.tags());
        assertThat(container(render(eu), "api").path("logConfiguration").path("options").path("endpoint").asText())
                .isEqualTo("https://log-api.eu.newrelic.com/log/v1");
    }

    @Test
    void appRunsAsNonRootWithoutPrivilege() throws Exception {
        JsonNode app = container(render(ServiceTaskFixtures.railsTask()), "api");
        assertThat(app.path("user").asText()).isEqualTo("1000:1000");
        assertThat(app.path("privileged").asBoolean()).isFalse();
        assertThat(app.path("linuxParameters").path("capabilities").path("drop").get(0).asText()).isEqualTo("ALL");
    }

    @Test
    void logRouterIsFluentBitFireLensLoggingToCloudWatch() throws Exception {
        JsonNode router = container(render(ServiceTaskFixtures.railsTask()), "log-router");

        assertThat(router.path("image").asText()).isEqualTo(ServiceTaskFixtures.LOG_ROUTER_IMAGE);
        assertThat(router.path("firelensConfiguration").path("type").asText()).isEqualTo("fluentbit");
        assertThat(router.path("essential").asBoolean()).isTrue();
        assertThat(router.path("logConfiguration").path("logDriver").asText()).isEqualTo("awslogs");
        assertThat(router.path("logConfiguration").path("options").path("awslogs-group").asText())
                .isEqualTo("/ecs/prod/api/log-router");
        assertThat(router.path("logConfiguration").path("options").path("awslogs-region").asText())
                .isEqualTo("ap-northeast-1");
    }

    @Test
    void infraAgentRunsInFargateForwardOnlyMode() throws Exception {
        JsonNode agent = container(render(ServiceTaskFixtures.railsTask()), "newrelic-infra");
        Map<String, String> env = pairs(agent.path("environment"), "value");

        assertThat(agent.path("image").asText()).isEqualTo(ServiceTaskFixtures.INFRA_AGENT_IMAGE);
        assertThat(agent.path("essential").asBoolean()).isFalse();
        assertThat(env).containsEntry("NRIA_IS_FORWARD_ONLY", "true").containsEntry("FARGATE", "true")
                .containsEntry("ENABLE_NRI_ECS", "true")
                .containsEntry("NRIA_PASSTHROUGH_ENVIRONMENT", "ECS_CONTAINER_METADATA_URI,ECS_CONTAINER_METADATA_URI_V4,FARGATE");
        assertThat(MAPPER.readTree(env.get("NRIA_CUSTOM_ATTRIBUTES")).path("clusterName").asText()).isEqualTo("prod-cluster");
        assertThat(pairs(agent.path("secrets"), "valueFrom")).containsEntry("NRIA_LICENSE_KEY",
                ServiceTaskFixtures.LICENSE_ARN + ":license_key::");
        assertThat(agent.path("logConfiguration").path("options").path("awslogs-group").asText())
                .isEqualTo("/ecs/prod/api/newrelic-infra");
    }

    @Test
    void everyContainerDecidesEssentialPrivilegeReadOnlyRootAndLogging() throws Exception {
        JsonNode all = render(ServiceTaskFixtures.railsTask());
        assertThat(all).allSatisfy(c -> {
            assertThat(c.path("essential").isBoolean()).as("essential of %s", c.path("name")).isTrue();
            assertThat(c.path("privileged").isBoolean() && !c.path("privileged").asBoolean()).isTrue();
            assertThat(c.path("readonlyRootFilesystem").isBoolean()).isTrue();
            assertThat(c.path("logConfiguration").path("logDriver").asText()).isNotEmpty();
            assertThat(c.path("dockerLabels").path("Stack").asText()).isEqualTo("prod");
        });
    }

    @Test
    void noEnvironmentValueAnywhereLooksSecret() throws Exception {
        JsonNode all = render(ServiceTaskFixtures.railsTask());
        for (JsonNode container : all) {
            for (JsonNode variable : container.path("environment")) {
                assertThat(SecretLookingValues.reason(variable.path("name").asText(), variable.path("value").asText()))
                        .as("%s in %s", variable, container.path("name")).isEmpty();
                assertThat(variable.path("value").asText()).doesNotContain("arn:aws:secretsmanager");
            }
        }
    }

    @Test
    void secretLookingEnvironmentIsRefusedWithNameAndFix() {
        for (Map.Entry<String, String> bad : List.of(
                Map.entry("SECRET_KEY_BASE", "abc"),
                Map.entry("DATABASE_URL", "postgres://app:hunter2@db.internal/app"),
                Map.entry("NEW_RELIC_KEY_COPY", "0123456789abcdef0123456789abcdef0123NRAL"),
                Map.entry("AWS_ID", "AKIAABCDEFGHIJKLMNOP"))) {
            ServiceTask task = ServiceTaskFixtures.task(ServiceTaskFixtures.railsApi(
                    ImageRef.codeDeployPlaceholder(), true, Map.of(bad.getKey(), bad.getValue())));
            assertThatThrownBy(() -> ContainerDefinitions.generate(task))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.getKey()).hasMessageContaining("SecretRef");
        }
    }

    @Test
    void harmlessEnvironmentIsAccepted() {
        assertThat(SecretLookingValues.reason("DATABASE_HOST", "db.internal")).isEmpty();
        assertThat(SecretLookingValues.reason("API_BASE_URL", "https://api.example.jp/v1")).isEmpty();
    }

    @Test
    void reservedOrDuplicateVariablesAreRefused() {
        ServiceTask reserved = ServiceTaskFixtures.task(ServiceTaskFixtures.railsApi(
                ImageRef.codeDeployPlaceholder(), true, Map.of("NEW_RELIC_APP_NAME", "other")));
        assertThatThrownBy(() -> ContainerDefinitions.generate(reserved)).hasMessageContaining("NEW_RELIC_APP_NAME");

        ServiceTask duplicate = ServiceTaskFixtures.task(ServiceTaskFixtures.railsApi(
                ImageRef.codeDeployPlaceholder(), true, Map.of("DATABASE_USERNAME", "app")));
        assertThatThrownBy(() -> ContainerDefinitions.generate(duplicate))
                .hasMessageContaining("DATABASE_USERNAME").hasMessageContaining("twice");
    }

    @Test
    void badInputsNameTheValueAndTheFix() {
        assertThatThrownBy(() -> ImageRef.tagged("repo/api", "latest")).hasMessageContaining("'latest'");
        assertThatThrownBy(() -> SecretRef.whole("SENTRY_DSN", "https://sentry.io/123"))
                .hasMessageContaining("SENTRY_DSN").hasMessageContaining("Secrets Manager");
        assertThatThrownBy(() -> TaskSize.withDefaultSidecars(1024, 1024)).hasMessageContaining("1024 MiB");
        assertThatThrownBy(() -> TaskSize.withDefaultSidecars(256, 1536)).hasMessageContaining("1536");
        assertThatThrownBy(() -> new TaskSize(256, 512, 64, 200, 64, 128)).hasMessageContaining("raise the task size");
        assertThatThrownBy(() -> ServiceTaskFixtures.railsApi(ImageRef.codeDeployPlaceholder(), true, Map.of())
                .withImage(null)).hasMessageContaining("image");
        assertThatThrownBy(() -> new AppContainer(ImageRef.codeDeployPlaceholder(), 3000, HealthCheck.httpGet(HttpProbe.RUBY, 3000, "/up"),
                Map.of(), List.of(), true, List.of(), "root")).hasMessageContaining("root");
        SecretRef license = SecretRef.whole("L", ServiceTaskFixtures.LICENSE_ARN);
        String mirror = ServiceTaskFixtures.ACCOUNT + ".dkr.ecr.ap-northeast-1.amazonaws.com/platform-207-prod-sidecar-log-router";
        // Floating, unpinned, or Docker Hub's implicit registry (newrelic/... is docker.io/newrelic/...): refused.
        for (String image : List.of(mirror + ":latest", mirror, mirror + "@sha256:abc",
                "newrelic/newrelic-fluentbit-output:2.0.0", "newrelic/nri-ecs@sha256:" + "0a".repeat(32))) {
            assertThatThrownBy(() -> new NewRelicSidecars(license, NewRelicAccountRegion.US, image,
                    ServiceTaskFixtures.INFRA_AGENT_IMAGE)).as(image).hasMessageContaining("pinned")
                    .hasMessageContaining("registry");
        }
    }
}
