package jp.twozeroseven.infra.platform.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.platform.containers.HealthCheck;
import jp.twozeroseven.infra.platform.containers.HttpProbe;
import jp.twozeroseven.infra.platform.containers.NewRelicAccountRegion;
import jp.twozeroseven.infra.platform.deploy.BlueGreenDeployments;
import jp.twozeroseven.infra.platform.deploy.BlueGreenDeploymentsProps;
import jp.twozeroseven.infra.platform.deploy.DeployTrigger;
import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.settings.Routing;
import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.settings.Tier;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.ComponentHarness;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A worker {@link AppService} on its own under the Pulumi test engine, from props alone: no load balancer in the
 * platform it is given (a null one would fail if it were touched), and none of the load balancer's pieces.
 */
class WorkerAppServiceTest {

    private static final String ID = ComponentHarness.PREFIX + "-jobs";
    private static final List<String> COMMAND = List.of("bundle", "exec", "sidekiq");

    @ParameterizedTest
    @EnumSource(DeployMode.class)
    void aWorkerHasNoLoadBalancerPiecesAndRollsOutUnderTheEcsController(DeployMode mode) {
        ComponentHarness.Built built = ComponentHarness.build(Tier.STAGING, scope -> new AppService("jobs",
                props(mode, scope, platform(scope, mode)), ComponentResourceOptions.builder().build()));

        for (String type : List.of("aws:lb/targetGroup:TargetGroup", "aws:lb/listenerRule:ListenerRule",
                "aws:codedeploy/deploymentGroup:DeploymentGroup", "aws:codepipeline/pipeline:Pipeline",
                "aws:cloudwatch/metricAlarm:MetricAlarm")) {
            assertThat(built.ofType(type)).as(type).noneMatch(r -> r.name().contains("-jobs"));
        }
        // Its group admits nothing: the only ingress rule naming it is Aurora's, from it.
        assertThat(built.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"))
                .extracting(SynthesizedResource::name).containsExactly(ComponentHarness.PREFIX + "-aurora-from-jobs");

        SynthesizedResource service = built.named("aws:ecs/service:Service", ID);
        assertThat(service.inputs().path("deploymentController").path("type").asText()).isEqualTo("ECS");
        assertThat(service.inputs().path("deploymentCircuitBreaker").path("rollback").asBoolean()).isTrue();
        assertThat(service.inputs().has("loadBalancers")).isFalse();
        assertThat(service.options().ignoreChanges()).containsExactly("taskDefinition", "desiredCount");

        // CPU tracking only: request-count tracking needs a target group.
        assertThat(built.ofType("aws:appautoscaling/policy:Policy")).extracting(SynthesizedResource::name)
                .containsExactly(ID + "-cpu");
        assertThat(built.ofType("aws:appautoscaling/scheduledAction:ScheduledAction")).hasSize(2);

        JsonNode containers = SynthedStacks.json(built.named("aws:ecs/taskDefinition:TaskDefinition", ID).inputs()
                .path("containerDefinitions"));
        JsonNode app = StreamSupport.stream(containers.spliterator(), false)
                .filter(c -> c.path("name").asText().equals("jobs")).findFirst().orElseThrow();
        assertThat(app.path("command")).extracting(JsonNode::asText).containsExactlyElementsOf(COMMAND);
        assertThat(app.has("portMappings")).isFalse();
        assertThat(app.has("healthCheck")).isFalse();

        String role = ID + (mode == DeployMode.PIPELINE ? "-release-push" : "-ci-deploy");
        built.named("aws:iam/role:Role", role);
        assertThat(built.named("aws:ecr/repositoryPolicy:RepositoryPolicy", ID + "-push-guard").inputs()
                .path("policy").asText()).contains(":role/" + role);
        built.named("aws:s3/bucketObjectv2:BucketObjectv2", ID + "-taskdef.json");
        assertThat(built.ofType("aws:s3/bucketObjectv2:BucketObjectv2")).noneMatch(o -> o.name().endsWith("appspec.yaml"));
    }

    @Test
    void aServiceBehindTheLoadBalancerHasAPortAndAWorkerNone() {
        AppService.Platform nothing = new AppService.Platform(null, null, null, null, null, null, null, null, null,
                null, null, null);
        AppService.Props worker = props(DeployMode.CODEDEPLOY, ComponentHarness.detachedScope(), nothing);
        AppService.LoadBalanced balanced = new AppService.LoadBalanced(new Routing(List.of("jobs.example.jp"),
                List.of(), 40), "/health");
        assertThatThrownBy(() -> new AppService.Props("jobs", worker.task(), Optional.of(balanced), worker.scaling(),
                worker.release(), worker.stack(), worker.scope(), nothing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has a container port");
        AppService.Task web = new AppService.Task(512, 1024, CpuArchitecture.ARM64, OptionalInt.of(3000), Map.of(),
                true, List.of("/tmp"), Optional.of(HealthCheck.httpGet(HttpProbe.RUBY, 3000, "/health")), List.of());
        assertThatThrownBy(() -> new AppService.Props("jobs", web, Optional.empty(), worker.scaling(),
                worker.release(), worker.stack(), worker.scope(), nothing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a worker has none");
        assertThatThrownBy(() -> new AppService.Props("jobs", null, Optional.empty(), worker.scaling(),
                worker.release(), worker.stack(), worker.scope(), nothing))
                .isInstanceOf(NullPointerException.class).hasMessage("AppService.Props.task is required");
    }

    private static AppService.Props props(DeployMode mode, Scope scope, AppService.Platform platform) {
        AppService.Task task = new AppService.Task(512, 1024, CpuArchitecture.ARM64, OptionalInt.empty(),
                Map.of("RAILS_ENV", "production"), true, List.of("/tmp", "/rails/tmp"), Optional.empty(), COMMAND);
        ScalingSettings scaling = new ScalingSettings(List.of(
                new CapacityWindow("day", LocalTime.of(8, 0), LocalTime.of(20, 0), 1, 4),
                new CapacityWindow("night", LocalTime.of(20, 0), LocalTime.of(8, 0), 1, 1)), 70, 1000);
        String roles = "arn:aws:iam::" + ComponentHarness.ACCOUNT + ":role/";
        AppService.Release release = new AppService.Release("release-", 10, mode, "CodeDeployDefault.ECSAllAtOnce",
                5, "two-zero-seven/delivery-api", roles + "deploy", roles + "break-glass");
        AppService.Stack stack = new AppService.Stack(ComponentHarness.PROJECT, ComponentHarness.STACK,
                ComponentHarness.REGION, ComponentHarness.ACCOUNT, ComponentHarness.PREFIX, NewRelicAccountRegion.US,
                30, false);
        return new AppService.Props("jobs", task, Optional.empty(), scaling, release, stack, scope, platform);
    }

    /** What a worker uses of the shared platform; the load balancer and its group are absent on purpose. */
    private static AppService.Platform platform(Scope scope, DeployMode mode) {
        Cluster cluster = new Cluster("cluster", ClusterArgs.builder().name(scope.name("cluster")).build(),
                scope.options());
        ClusterCapacityProviders providers = new ClusterCapacityProviders("cluster", ClusterCapacityProvidersArgs
                .builder().clusterName(cluster.name()).capacityProviders("FARGATE").build(), scope.options());
        SecurityGroup database = new SecurityGroup("aurora", SecurityGroupArgs.builder().vpcId("vpc-1")
                .description("Aurora").build(), scope.options());
        Output<String> kms = Output.of("arn:aws:kms:ap-northeast-1:123456789012:key/unit");
        var options = ComponentResourceOptions.builder().parent(scope.parent()).build();
        BlueGreenDeployments deployments = new BlueGreenDeployments("blue-green",
                new BlueGreenDeploymentsProps(scope, List.of()), options);
        DeployTrigger trigger = new DeployTrigger("deploy-trigger", new DeployTrigger.Props(scope, mode, true,
                ComponentHarness.ACCOUNT, List.of("jobs"), kms, Output.of("unit-207-access-logs")), options);
        return new AppService.Platform(cluster, providers, Output.of("vpc-1"), Output.of(List.of("subnet-a")), null,
                null, database, kms, Output.of("arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:nr"),
                Output.of("arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db"), deployments, trigger);
    }
}
