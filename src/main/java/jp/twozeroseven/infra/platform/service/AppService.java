package jp.twozeroseven.infra.platform.service;

import jp.twozeroseven.infra.platform.deploy.documents.AppSpecSpec;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentControllerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.platform.containers.ContainerDefinitions;
import jp.twozeroseven.infra.platform.containers.GeneratedContainers;
import jp.twozeroseven.infra.platform.containers.ImageRef;
import jp.twozeroseven.infra.platform.containers.LogGroups;
import jp.twozeroseven.infra.platform.containers.ServiceTask;
import jp.twozeroseven.infra.platform.origin.CloudFrontOnly;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application service: its task definition (app, FireLens log router and New Relic sidecar), roles, log
 * groups, the blue and green target groups, listener rules, and the ECS service under the CODE_DEPLOY controller.
 */
public final class AppService extends ComponentResource {

    public static final String TYPE = "platform207:service:AppService";

    /**
     * Fields CodeDeploy and Application Auto Scaling own once the service exists. Pulumi must not fight a
     * deployment by writing them back (docs/blue-green.md).
     */
    public static final List<String> OWNED_BY_DEPLOYMENTS = List.of("taskDefinition", "loadBalancers", "desiredCount",
            // UpdateService rejects changes to these under the CODE_DEPLOY controller (they change through a
            // deployment), and CodeDeploy rewrites them from the AppSpec: hashicorp/terraform-provider-aws#8005,
            // pulumi/pulumi-aws#1961, aws/containers-roadmap#1752. The AppSpec repeats the values below.
            "capacityProviderStrategies", "networkConfiguration", "platformVersion");
    /** The one capacity provider strategy of every service, in the service and in its AppSpec. */
    public static final AppSpecSpec.CapacityProvider CAPACITY_PROVIDER_STRATEGY =
            new AppSpecSpec.CapacityProvider("FARGATE", 1, 1);
    /** CodeDeploy rewrites the forward action of the production and test rules when it shifts traffic. */
    public static final List<String> LISTENER_FIELDS_OWNED_BY_CODEDEPLOY = List.of("actions");

    private final Service service;
    private final ListenerRule productionRule;
    private final ListenerRule testRule;
    private final Output<AppSpecSpec.Network> network;
    private final TaskDefinition taskDefinition;
    private final TargetGroup blue;
    private final TargetGroup green;
    private final Role executionRole;
    private final Role taskRole;
    private final ServiceSettings settings;
    private final Output<ServiceTask> task;

    /** What a service needs from the rest of the platform. */
    public record Wiring(Cluster cluster, Repository repository, Output<String> securityGroupId,
                         Output<List<String>> privateSubnetIds, Output<String> vpcId, Listener productionListener,
                         Listener testListener, Output<String> licenseKeySecretArn, Output<String> sentryDsnSecretArn,
                         Output<String> databaseSecretArn, Output<String> kmsKeyArn,
                         com.pulumi.resources.Resource capacityProviders) {
    }

    public AppService(ServiceSettings settings, Scope parentScope, Wiring wiring) {
        super(TYPE, settings.name(), ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        this.settings = settings;
        Scope scope = parentScope.forService(settings.name()).child(this);
        String id = scope.name(settings.name());
        int retention = scope.settings().logRetentionDays();
        LogGroup routerLogs = logGroup(scope, id, "log-router", retention);
        LogGroup agentLogs = logGroup(scope, id, "newrelic-infra", retention);

        executionRole = role(scope, id + "-execution", "Pulls the image, writes logs and reads secrets for " + id);
        taskRole = role(scope, id + "-task", "What the " + settings.name() + " app itself may call (nothing yet)");
        new RolePolicy(id + "-execution", RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(Output.all(wiring.repository().arn(), routerLogs.arn(), agentLogs.arn(),
                        wiring.licenseKeySecretArn(), wiring.sentryDsnSecretArn(), wiring.databaseSecretArn(),
                        wiring.kmsKeyArn()).applyValue(a -> TaskRoles.executionPolicy(a.get(0),
                        List.of(a.get(1), a.get(2)), List.of(a.get(3), a.get(4), a.get(5)), a.get(6)).toJson()))
                .build(), scope.options());

        task = Output.all(wiring.repository().repositoryUrl(), wiring.cluster().name(),
                        wiring.licenseKeySecretArn(), wiring.sentryDsnSecretArn(), wiring.databaseSecretArn(),
                        routerLogs.name(), agentLogs.name())
                .applyValue(a -> ServiceTasks.of(scope.settings(), settings, new ServiceTasks.Resolved(a.get(0),
                        a.get(1), a.get(2), a.get(3), a.get(4), new LogGroups(a.get(5), a.get(6))),
                        ImageRef.tagged(a.get(0), initialImageTag(scope))));
        Output<GeneratedContainers> containers = task.applyValue(ContainerDefinitions::generate);
        taskDefinition = new TaskDefinition(id, TaskDefinitionArgs.builder()
                .family(id)
                .cpu(String.valueOf(settings.cpu()))
                .memory(String.valueOf(settings.memory()))
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .cpuArchitecture(settings.architecture().name())
                        .operatingSystemFamily("LINUX").build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .containerDefinitions(containers.applyValue(GeneratedContainers::containerDefinitionsJson))
                .volumes(containers.applyValue(c -> c.volumeNames().stream()
                        .map(v -> TaskDefinitionVolumeArgs.builder().name(v).build()).toList()))
                .tags(scope.tags(id))
                .build(), scope.options());

        blue = targetGroup(scope, id + "-blue", wiring.vpcId());
        green = targetGroup(scope, id + "-green", wiring.vpcId());
        productionRule = listenerRule(scope, id + "-production", wiring.productionListener(), true);
        testRule = listenerRule(scope, id + "-test", wiring.testListener(), false);
        CloudFrontOnly.denyWithoutHeader(scope, id + "-cloudfront-only", wiring.productionListener(), settings);

        service = new Service(id, ServiceArgs.builder()
                .name(id)
                .cluster(wiring.cluster().arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(settings.scaling().windowAt(0).min())
                .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                        .capacityProvider(CAPACITY_PROVIDER_STRATEGY.capacityProvider())
                        .weight(CAPACITY_PROVIDER_STRATEGY.weight())
                        .base(CAPACITY_PROVIDER_STRATEGY.base()).build())
                .deploymentController(ServiceDeploymentControllerArgs.builder().type("CODE_DEPLOY").build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(blue.arn()).containerName(settings.name())
                        .containerPort(settings.containerPort()).build())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(wiring.privateSubnetIds())
                        .securityGroups(wiring.securityGroupId().applyValue(List::of))
                        .assignPublicIp(false).build())
                .healthCheckGracePeriodSeconds(60)
                .enableEcsManagedTags(true)
                .propagateTags("SERVICE")
                .tags(scope.tags(id))
                .build(), CustomResourceOptions.builder().parent(this).provider(scope.aws())
                .ignoreChanges(OWNED_BY_DEPLOYMENTS)
                // ECS refuses a target group that no listener uses yet, and a capacity provider the cluster
                // does not have yet: both must exist before the service.
                .dependsOn(productionRule, testRule, wiring.capacityProviders()).build());
        network = Output.tuple(wiring.privateSubnetIds(), wiring.securityGroupId())
                .applyValue(t -> new AppSpecSpec.Network(t.t1, List.of(t.t2), false));
        this.registerOutputs(Map.of("serviceName", service.name()));
    }

    /** The service's awsvpc placement, as its AppSpec repeats it. */
    public Output<AppSpecSpec.Network> network() {
        return network;
    }

    /** The tag a first {@code pulumi up} expects in ECR before any deploy (docs/blue-green.md). */
    public static String initialImageTag(Scope scope) {
        return jp.twozeroseven.infra.platform.registry.Registries.initialReleaseTag(
                scope.settings().deploy().releaseTagPrefix());
    }

    private static LogGroup logGroup(Scope scope, String id, String container, int retention) {
        String name = "/" + scope.settings().project() + "/" + scope.settings().stack() + "/" + scope.service() + "/"
                + container;
        return new LogGroup(id + "-" + container, LogGroupArgs.builder()
                .name(name).retentionInDays(retention).tags(scope.tags(name)).build(), scope.options());
    }

    private static Role role(Scope scope, String name, String description) {
        return ServiceRoles.create(scope, name, "ecs-tasks.amazonaws.com", description);
    }

    private TargetGroup targetGroup(Scope scope, String name, Output<String> vpcId) {
        return new TargetGroup(name, TargetGroupArgs.builder()
                .name(name)
                .port(settings.containerPort())
                .protocol("HTTP")
                .targetType("ip")
                .vpcId(vpcId)
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .path(settings.healthCheckPath()).matcher("200").interval(15).healthyThreshold(2)
                        .unhealthyThreshold(3).timeout(5).build())
                .tags(scope.tags(name))
                .build(), scope.options());
    }

    private ListenerRule listenerRule(Scope scope, String name, Listener listener, boolean production) {
        List<ListenerRuleConditionArgs> conditions = new ArrayList<>(CloudFrontOnly.routingConditions(settings.routing()));
        if (production) {
            conditions.addAll(CloudFrontOnly.originConditions(scope.settings(), settings));
        }
        return new ListenerRule(name, ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(settings.routing().priority())
                .conditions(conditions)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(blue.arn()).build())
                .tags(scope.tags(name))
                .build(), CustomResourceOptions.builder().parent(this).provider(scope.aws())
                .ignoreChanges(LISTENER_FIELDS_OWNED_BY_CODEDEPLOY).build());
    }

    /** The listener rules CodeDeploy rewrites when it shifts production and test traffic. */
    public List<ListenerRule> listenerRules() {
        return List.of(productionRule, testRule);
    }

    public Service service() {
        return service;
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public TargetGroup blue() {
        return blue;
    }

    public TargetGroup green() {
        return green;
    }

    public Role executionRole() {
        return executionRole;
    }

    public Role taskRole() {
        return taskRole;
    }

    public ServiceSettings settings() {
        return settings;
    }

    /** The generator input behind the task definition; the deploy's taskdef.json is rendered from it too. */
    public Output<ServiceTask> task() {
        return task;
    }
}
