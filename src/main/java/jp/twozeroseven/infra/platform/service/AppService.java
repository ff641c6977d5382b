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
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.platform.containers.HealthCheck;
import jp.twozeroseven.infra.platform.containers.NewRelicAccountRegion;
import jp.twozeroseven.infra.platform.deploy.BlueGreenDeployments;
import jp.twozeroseven.infra.platform.deploy.DeployTrigger;
import jp.twozeroseven.infra.platform.deploy.ServiceBlueGreen;
import jp.twozeroseven.infra.platform.deploy.ServiceDeployDocuments;
import jp.twozeroseven.infra.platform.deploy.ServiceRelease;
import jp.twozeroseven.infra.platform.loadbalancer.PublicLoadBalancer;
import jp.twozeroseven.infra.platform.origin.CloudFrontOnly;
import jp.twozeroseven.infra.platform.registry.Registries;
import jp.twozeroseven.infra.platform.scaling.ScheduledScaling;
import jp.twozeroseven.infra.platform.scaling.ScheduledScalingProps;
import jp.twozeroseven.infra.platform.secrets.AppSecrets;
import jp.twozeroseven.infra.platform.security.SecurityGroups;
import jp.twozeroseven.infra.settings.CdnOriginSecret;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.settings.Routing;
import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.support.FormerParent;
import jp.twozeroseven.infra.platform.registry.SidecarMirrors;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import jp.twozeroseven.infra.support.Required;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import java.util.function.Supplier;

/**
 * One application service and its whole slice of the platform, like CDK's ApplicationLoadBalancedFargateService:
 * its ECR repository, security group and the load balancer's way in, its Sentry DSN secret, its task definition
 * (app, FireLens log router and New Relic sidecar), roles and log groups, the blue and green target groups and
 * listener rules, the ECS service under the CODE_DEPLOY controller, its scheduled scaling, its CodeDeploy
 * deployment group and what starts its deploys.
 *
 * <p>A service without {@link Props#loadBalanced()} (a worker, like CDK's QueueProcessingFargateService) has none of
 * the load balancer's pieces: no target groups, listener rules or CodeDeploy group, no inbound rule, no port. Its
 * ECS service uses the rolling-update (ECS) deployment controller with the deployment circuit breaker and rollback
 * on, and scales on CPU only; its release registers task definition revisions and updates that one service
 * (docs/workers.md). What the services share (cluster, load balancer, database, the
 * shared secrets, the CodeDeploy application, the artifact bucket) comes in through {@link Platform}.
 *
 * <p>Everything it creates is named from {@link Props#name()}; a third service of an existing shape is a stack-file
 * entry only. Resources that lived elsewhere before issue 17 keep their names and carry aliases to their old
 * parents ({@link FormerParents}).
 */
public final class AppService extends ComponentResource {

    public static final String TYPE = "platform207:service:AppService";

    /**
     * Fields CodeDeploy and Application Auto Scaling own once the service exists. Pulumi must not fight a
     * deployment by writing them back (docs/blue-green.md).
     */
    public static final List<String> OWNED_BY_DEPLOYMENTS = jp.twozeroseven.infra.contracts.SharedContracts.CODEDEPLOY_OWNED_SERVICE_FIELDS;
    /**
     * Fields of a worker's (ECS-controller) service that its releases and Application Auto Scaling own: each
     * release registers a task definition revision and points the service at it, autoscaling sets the desired
     * count (docs/workers.md).
     */
    public static final List<String> OWNED_BY_ROLLING_DEPLOYMENTS =
            jp.twozeroseven.infra.contracts.SharedContracts.ECS_OWNED_SERVICE_FIELDS;
    /** The one capacity provider strategy of every service, in the service and in its AppSpec. */
    public static final AppSpecSpec.CapacityProvider CAPACITY_PROVIDER_STRATEGY =
            new AppSpecSpec.CapacityProvider("FARGATE", 1, 1);
    /** CodeDeploy rewrites the forward action of the production and test rules when it shifts traffic. */
    public static final List<String> LISTENER_FIELDS_OWNED_BY_CODEDEPLOY = jp.twozeroseven.infra.contracts.SharedContracts.CODEDEPLOY_OWNED_LISTENER_RULE_FIELDS;

    /**
     * Everything one service is, as values; built from the stack settings in one place
     * ({@code composition.ServicePropsFrom}).
     *
     * @param name         the service's name (services.&lt;name&gt;): names every resource
     *                     ({@code <prefix>-<name>...}), its app container, log groups and secrets
     * @param task         its task: size, image contract, environment
     * @param loadBalanced how the load balancer reaches it; empty for a worker, which no load balancer reaches
     * @param scaling      its day of capacity windows and tracking targets (services.*.scaling)
     * @param release      how its images are kept and its deploys started (registry.*, deploy.*)
     * @param stack        the facts of the stack it runs in
     * @param scope        where its children are created: the platform's scope (provider, naming, tags); the
     *                     service's own {@code Service} tag is derived from {@code name}
     * @param platform     what it uses of the shared platform (cluster, load balancer, database, shared secrets,
     *                     deployments)
     */
    public record Props(String name, Task task, Optional<LoadBalanced> loadBalanced, ScalingSettings scaling,
                        Release release, Stack stack, Scope scope, Platform platform) {
        public Props {
            Required.components(Props.class, name, task, loadBalanced, scaling, release, stack, scope, platform);
            if (loadBalanced.isPresent() != task.containerPort().isPresent()) {
                throw new IllegalArgumentException("service " + name + ": a service behind the load balancer has a "
                        + "container port, and a worker has none");
            }
        }
    }

    /**
     * The service's task.
     *
     * @param cpu                    task CPU units (services.*.cpu)
     * @param memory                 task memory in MiB (services.*.memory)
     * @param architecture           arm64 or x86_64 (services.*.architecture; default arm64)
     * @param containerPort          the app container's port (services.*.containerPort); empty for a worker
     * @param environment            non-secret environment of the app container (services.*.environment)
     * @param readOnlyRootFilesystem whether the app's root filesystem is read-only (default true)
     * @param writablePaths          the paths the app writes to, each a task volume (with a read-only root):
     *                               default by kind, Rails {@code /tmp, /rails/tmp}, Next.js
     *                               {@code /tmp, /app/.next/cache}
     * @param healthCheck            the container's own health probe: default by kind, an HTTP GET of
     *                               services.*.healthCheckPath by the app's runtime (ruby, node); empty for a
     *                               worker, which answers no probe
     * @param command                the container's command (services.*.command of a worker); empty runs the
     *                               image's CMD
     */
    public record Task(int cpu, int memory, CpuArchitecture architecture, OptionalInt containerPort,
                       Map<String, String> environment, boolean readOnlyRootFilesystem, List<String> writablePaths,
                       Optional<HealthCheck> healthCheck, List<String> command) {
        public Task {
            environment = Map.copyOf(environment);
            writablePaths = List.copyOf(writablePaths);
            command = List.copyOf(command);
        }
    }

    /**
     * @param routing            the listener rules' host headers, path patterns and priority (services.*.routing)
     * @param healthCheckPath    what the target groups' health check calls (services.*.healthCheckPath)
     * @param cloudFrontOnly     the values of CloudFront's X-Origin-Verify header its production rule requires
     *                           (secret cdnOriginSecret, 'new,old' while rotating), with a 403 rule right after it
     *                           (platform/origin/CloudFrontOnly, docs/cdn.md): set for the service whose host is
     *                           cdn.albOriginDomain; @default empty (the rule forwards without the header)
     */
    public record LoadBalanced(Routing routing, String healthCheckPath, List<String> cloudFrontOnly) {
        public LoadBalanced {
            cloudFrontOnly = List.copyOf(cloudFrontOnly);
        }

        /** A service that answers whoever reaches the load balancer. */
        public LoadBalanced(Routing routing, String healthCheckPath) {
            this(routing, healthCheckPath, List.of());
        }
    }

    /**
     * @param releaseTagPrefix       the tag prefix of release images (deploy.releaseTagPrefix; default release-)
     * @param keepReleaseImages      how many release images the repository keeps (registry.keepReleaseImages)
     * @param mode                   what starts a deploy: pipeline or codedeploy (deploy.mode)
     * @param deploymentConfig       the CodeDeploy deployment config (deploy.deploymentConfig)
     * @param terminationWaitMinutes how long the old tasks stay after a shift (deploy.terminationWaitMinutes)
     * @param githubRepository       {@code org/repo} whose GitHub Actions, in the GitHub environment named after
     *                               the stack, release it (deploy.githubRepositories.&lt;name&gt;): through its CI
     *                               deploy role in codedeploy mode, through its release role in pipeline mode
     * @param deployRoleArn          the role Pulumi deploys with: the only one that may rewrite the repository's
     *                               policy and lifecycle (dataPipeline.access.deployRoleArn)
     * @param breakGlassRoleArn      the emergency role, which may push, delete images and rewrite the repository's
     *                               settings too (dataPipeline.access.breakGlassRoleArn)
     */
    public record Release(String releaseTagPrefix, int keepReleaseImages, DeployMode mode, String deploymentConfig,
                          int terminationWaitMinutes, String githubRepository, String deployRoleArn,
                          String breakGlassRoleArn) {
        public Release {
            Objects.requireNonNull(githubRepository, "githubRepository: every service's release role trusts one");
            Objects.requireNonNull(deployRoleArn, "deployRoleArn");
            Objects.requireNonNull(breakGlassRoleArn, "breakGlassRoleArn");
        }
    }

    /**
     * @param project          the Pulumi project, and {@code stack} the stack (log group names, task tags)
     * @param region           the stack's region, and {@code accountId} its account
     * @param namePrefix       the prefix of physical names ({@code platform-207-prod}); secrets' names start with it
     * @param newRelicRegion   where the sidecars send telemetry (observability.newRelic.region)
     * @param logRetentionDays how long its log groups keep logs (logRetentionDays)
     * @param production       whether its repository is protected and its secrets recoverable for 30 days
     */
    public record Stack(String project, String stack, String region, String accountId, String namePrefix,
                        NewRelicAccountRegion newRelicRegion, int logRetentionDays, boolean production) {
    }

    /**
     * What the service uses of the shared platform. A worker touches neither {@code loadBalancer} nor
     * {@code loadBalancerGroup}.
     */
    public record Platform(Cluster cluster, Resource capacityProviders, Output<String> vpcId,
                           Output<List<String>> privateSubnetIds, PublicLoadBalancer loadBalancer,
                           SecurityGroup loadBalancerGroup, SecurityGroup databaseGroup, Output<String> kmsKeyArn,
                           Output<String> licenseKeySecretArn, Output<String> databaseSecretArn,
                           BlueGreenDeployments deployments, DeployTrigger deployTrigger) {
    }

    /**
     * What the service hands to observability: the names and dimensions its alerts, dashboards and deploy markers
     * query, so observability never reaches into the service's resources.
     *
     * @param targetGroupArnSuffixes colour → target group ARN suffix (CloudWatch's TargetGroup dimension); empty
     *                               for a worker
     * @param loadBalancerArnSuffix  the load balancer's ARN suffix (CloudWatch's LoadBalancer dimension); empty for
     *                               a worker
     * @param deploymentGroupName    its CodeDeploy deployment group, whose deployments become deploy markers; empty
     *                               for a worker, which CodeDeploy does not deploy
     */
    public record Observed(String service, Output<String> serviceName, Output<String> clusterName,
                           Map<String, Output<String>> targetGroupArnSuffixes,
                           Optional<Output<String>> loadBalancerArnSuffix, Optional<String> deploymentGroupName) {
        public Observed {
            targetGroupArnSuffixes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targetGroupArnSuffixes));
        }
    }

    private final Props props;
    private final Repository repository;
    private final Secret sentryDsn;
    private final Service service;
    /** The production and test rules; empty for a worker. */
    private final List<ListenerRule> listenerRules = new ArrayList<>();
    /** Colour → target group (blue, green); empty for a worker. */
    private final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    private final Optional<ServiceBlueGreen.Created> blueGreen;
    private final ServiceRelease.Created release;
    private final Observed observed;

    /**
     * @param name    the service's name, {@code props.name()}: part of the URN of every child
     * @param props   the service and the platform it runs on
     * @param options its parent (the app platform)
     */
    public AppService(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.props = props;
        Platform platform = props.platform();
        Scope scope = props.scope().forService(props.name()).child(this);
        // Resources that moved here keep the Service tag they had in the shared component they came from.
        Scope shared = scope.forService(StackTags.SHARED_SERVICE);
        Stack stack = props.stack();
        Task taskProps = props.task();
        String id = scope.name(props.name());

        repository = Registries.repository(scope, props.name(), platform.kmsKeyArn(),
                props.release().releaseTagPrefix(), props.release().keepReleaseImages(),
                moved(scope, FormerParents.REGISTRIES).protect(stack.production())
                        .retainOnDelete(stack.production()).build(),
                moved(scope, FormerParents.REGISTRIES).build());
        // A worker takes no inbound traffic: its group has no rule from the load balancer.
        SecurityGroup securityGroup = SecurityGroups.forService(shared, props.name(),
                props.loadBalanced().map(balanced -> new SecurityGroups.LoadBalancerIngress(
                        platform.loadBalancerGroup(), taskProps.containerPort().getAsInt())),
                platform.vpcId(), platform.databaseGroup(), moved(scope, FormerParents.SECURITY_GROUPS).build());
        sentryDsn = AppSecrets.secret(shared, stack.namePrefix(), props.name() + "/sentry-dsn",
                "Sentry DSN of " + props.name(), platform.kmsKeyArn(), stack.production(),
                moved(scope, FormerParents.SECRETS).build());

        LogGroup routerLogs = logGroup(scope, id, "log-router");
        LogGroup agentLogs = logGroup(scope, id, "newrelic-infra");
        Role executionRole = role(scope, id + "-execution", "Pulls the image, writes logs and reads secrets for " + id);
        Role taskRole = role(scope, id + "-task", "What the " + props.name() + " app itself may call (nothing yet)");
        new RolePolicy(id + "-execution", RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(Output.all(repository.arn(), routerLogs.arn(), agentLogs.arn(),
                        platform.licenseKeySecretArn(), sentryDsn.arn(), platform.databaseSecretArn(),
                        platform.kmsKeyArn()).applyValue(a -> TaskRoles.executionPolicy(a.get(0),
                        List.of(a.get(1), a.get(2)), List.of(a.get(3), a.get(4), a.get(5)), a.get(6)).toJson()))
                .build(), scope.options());
        SidecarMirrors.grantPull(id + "-execution-sidecars", executionRole, scope);

        String initialTag = Registries.initialReleaseTag(props.release().releaseTagPrefix());
        Output<ServiceTask> task = Output.all(repository.repositoryUrl(), platform.cluster().name(),
                        platform.licenseKeySecretArn(), sentryDsn.arn(), platform.databaseSecretArn(),
                        routerLogs.name(), agentLogs.name())
                .applyValue(a -> ServiceTasks.of(props, new ServiceTasks.Resolved(a.get(0),
                        a.get(1), a.get(2), a.get(3), a.get(4), new LogGroups(a.get(5), a.get(6))),
                        ImageRef.tagged(a.get(0), initialTag)));
        Output<GeneratedContainers> containers = task.applyValue(ContainerDefinitions::generate);
        TaskDefinition taskDefinition = new TaskDefinition(id, TaskDefinitionArgs.builder()
                .family(id)
                .cpu(String.valueOf(taskProps.cpu()))
                .memory(String.valueOf(taskProps.memory()))
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .cpuArchitecture(taskProps.architecture().name())
                        .operatingSystemFamily("LINUX").build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .containerDefinitions(containers.applyValue(GeneratedContainers::containerDefinitionsJson))
                .volumes(containers.applyValue(c -> c.volumeNames().stream()
                        .map(v -> TaskDefinitionVolumeArgs.builder().name(v).build()).toList()))
                .tags(scope.tags(id))
                .build(), scope.options());

        PublicLoadBalancer loadBalancer = platform.loadBalancer();
        // A worker touches no load balancer (its platform need not have one): only a balanced service reads it.
        props.loadBalanced().ifPresent(balanced -> {
            PublicLoadBalancer.TrafficListeners listeners = loadBalancer.listeners();
            targetGroups.put("blue", targetGroup(scope, id + "-blue", platform.vpcId(), balanced));
            targetGroups.put("green", targetGroup(scope, id + "-green", platform.vpcId(), balanced));
            listenerRules.add(listenerRule(scope, id + "-production", listeners.production(), balanced, true));
            listenerRules.add(listenerRule(scope, id + "-test", listeners.test(), balanced, false));
            Routing routing = balanced.routing();
            CloudFrontOnly.denyWithoutHeader(scope, id + "-cloudfront-only", listeners.production(), routing,
                    CdnOriginSecret.denyPriority(routing.priority()), balanced.cloudFrontOnly());
        });
        boolean balanced = props.loadBalanced().isPresent();

        var serviceArgs = ServiceArgs.builder()
                .name(id)
                .cluster(platform.cluster().arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(props.scaling().windowAt(0).min())
                .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                        .capacityProvider(CAPACITY_PROVIDER_STRATEGY.capacityProvider())
                        .weight(CAPACITY_PROVIDER_STRATEGY.weight())
                        .base(CAPACITY_PROVIDER_STRATEGY.base()).build());
        if (balanced) {
            serviceArgs.deploymentController(ServiceDeploymentControllerArgs.builder().type("CODE_DEPLOY").build())
                    .loadBalancers(ServiceLoadBalancerArgs.builder()
                            .targetGroupArn(targetGroups.get("blue").arn()).containerName(props.name())
                            .containerPort(taskProps.containerPort().getAsInt()).build());
        } else {
            // Rolling updates (the ECS controller): the circuit breaker fails a deployment whose tasks cannot reach
            // a steady state, and rollback returns the service to the last deployment that completed (ECS API
            // reference, DeploymentCircuitBreaker; developer guide, "Rolling update"). The circuit breaker can only
            // be used with the ECS deployment type.
            serviceArgs.deploymentController(ServiceDeploymentControllerArgs.builder().type("ECS").build())
                    .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                            .enable(true).rollback(true).build());
        }
        serviceArgs.networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(platform.privateSubnetIds())
                        .securityGroups(securityGroup.id().applyValue(List::of))
                        .assignPublicIp(false).build());
        if (balanced) {
            // The grace period delays the load balancer's (and container) health checks; a worker has none, and
            // then it is unused (ECS API reference, CreateService healthCheckGracePeriodSeconds).
            serviceArgs.healthCheckGracePeriodSeconds(60);
        }
        List<Resource> before = new ArrayList<>(listenerRules);
        // ECS refuses a target group that no listener uses yet, and a capacity provider the cluster does not have
        // yet: both must exist before the service.
        before.add(platform.capacityProviders());
        service = new Service(id, serviceArgs
                .enableEcsManagedTags(true)
                .propagateTags("SERVICE")
                .tags(scope.tags(id))
                .build(), CustomResourceOptions.builder().parent(this).provider(scope.aws())
                .ignoreChanges(balanced ? OWNED_BY_DEPLOYMENTS : OWNED_BY_ROLLING_DEPLOYMENTS)
                .dependsOn(before).build());
        Output<AppSpecSpec.Network> network = Output.tuple(platform.privateSubnetIds(), securityGroup.id())
                .applyValue(t -> new AppSpecSpec.Network(t.t1, List.of(t.t2), false));

        // Without target groups only CPU tracking scales it (ALBRequestCountPerTarget names a target group).
        // It lived under the app platform before each service became one component: it and its children keep
        // aliases to their URNs there.
        new ScheduledScaling(props.name() + "-scaling", new ScheduledScalingProps(scope, props.name(),
                props.scaling(), new ScheduledScaling.Scaled(platform.cluster().name(), service.name(),
                        props.loadBalanced().map(b -> loadBalancer.alb().arnSuffix()), targetGroups),
                Optional.of(FormerParents.PLATFORM)), ComponentResourceOptions.builder().parent(this)
                .aliases(FormerParents.PLATFORM.alias()).build());

        Optional<String> groupName = props.loadBalanced().map(b -> platform.deployments().groupName(props.name()));
        blueGreen = groupName.map(group -> ServiceBlueGreen.create(scope, new ServiceBlueGreen.Props(props.name(),
                        group, props.release().deploymentConfig(), props.release().terminationWaitMinutes(),
                        stack.region(), stack.accountId()),
                new ServiceBlueGreen.Target(platform.deployments().application().name(), platform.cluster().name(),
                        service.name(), loadBalancer.listeners().production(), loadBalancer.listeners().test(),
                        loadBalancer.alb().arnSuffix(),
                        targetGroups.get("blue"), targetGroups.get("green"), listenerRules, executionRole, taskRole),
                () -> moved(scope, FormerParents.BLUE_GREEN)));

        Output<ServiceDeployDocuments> documents = Output.tuple(task, taskDefinition.family(), executionRole.arn(),
                        taskRole.arn(), network)
                .applyValue(t -> ServiceDeployDocuments.of(props.name(), taskProps.architecture(),
                        taskProps.containerPort(), t.t2, t.t3, t.t4, t.t1, t.t5));
        ServiceRelease.Props releaseProps = new ServiceRelease.Props(props.name(), props.release().mode(),
                props.release().releaseTagPrefix(), props.release().deploymentConfig(),
                platform.deployments().applicationName(), groupName,
                props.release().githubRepository(), stack.region(), stack.accountId(), stack.stack(),
                props.release().deployRoleArn(), props.release().breakGlassRoleArn());
        ServiceRelease.Target releaseTarget = new ServiceRelease.Target(platform.deployTrigger(), platform.kmsKeyArn(),
                repository, executionRole, taskRole, documents);
        release = balanced
                ? ServiceRelease.create(scope, releaseProps, releaseTarget, () -> moved(scope, FormerParents.DEPLOY_TRIGGER))
                : ServiceRelease.rolling(scope, releaseProps, releaseTarget, platform.cluster().name()
                        .applyValue(cluster -> ServiceRelease.ecsServiceArn(stack.region(), stack.accountId(),
                                cluster, id)));

        Map<String, Output<String>> suffixes = new LinkedHashMap<>();
        targetGroups.forEach((colour, group) -> suffixes.put(colour, group.arnSuffix()));
        observed = new Observed(props.name(), service.name(), platform.cluster().name(), suffixes,
                props.loadBalanced().map(b -> loadBalancer.alb().arnSuffix()), groupName);
        this.registerOutputs(Map.of("serviceName", service.name()));
    }

    /** Options of a resource that moved here from {@code from}: this parent, the provider, an alias to its old URN. */
    private CustomResourceOptions.Builder moved(Scope scope, FormerParent from) {
        return CustomResourceOptions.builder().parent(this).provider(scope.aws()).aliases(from.alias());
    }

    private LogGroup logGroup(Scope scope, String id, String container) {
        String name = "/" + props.stack().project() + "/" + props.stack().stack() + "/" + scope.service() + "/"
                + container;
        return new LogGroup(id + "-" + container, LogGroupArgs.builder()
                .name(name).retentionInDays(props.stack().logRetentionDays()).tags(scope.tags(name)).build(),
                scope.options());
    }

    private Role role(Scope scope, String name, String description) {
        return ServiceRoles.create(scope, name, "ecs-tasks.amazonaws.com", description);
    }

    private TargetGroup targetGroup(Scope scope, String name, Output<String> vpcId, LoadBalanced balanced) {
        return new TargetGroup(name, TargetGroupArgs.builder()
                .name(name)
                .port(props.task().containerPort().getAsInt())
                .protocol("HTTP")
                .targetType("ip")
                .vpcId(vpcId)
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .path(balanced.healthCheckPath()).matcher("200").interval(15).healthyThreshold(2)
                        .unhealthyThreshold(3).timeout(5).build())
                .tags(scope.tags(name))
                .build(), scope.options());
    }

    /** @param production the production listener's rule: the one that answers CloudFront only, if any */
    private ListenerRule listenerRule(Scope scope, String name, Listener listener, LoadBalanced balanced,
                                      boolean production) {
        Routing routing = balanced.routing();
        List<ListenerRuleConditionArgs> conditions = new ArrayList<>(CloudFrontOnly.routingConditions(routing));
        if (production) {
            conditions.addAll(CloudFrontOnly.originConditions(balanced.cloudFrontOnly()));
        }
        return new ListenerRule(name, ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(routing.priority())
                .conditions(conditions)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroups.get("blue").arn())
                        .build())
                .tags(scope.tags(name))
                .build(), CustomResourceOptions.builder().parent(this).provider(scope.aws())
                .ignoreChanges(LISTENER_FIELDS_OWNED_BY_CODEDEPLOY).build());
    }

    public Props props() {
        return props;
    }

    public Repository repository() {
        return repository;
    }

    public Secret sentryDsn() {
        return sentryDsn;
    }

    public Service service() {
        return service;
    }

    /** Its CodeDeploy deployment group and role; empty for a worker. */
    public Optional<ServiceBlueGreen.Created> blueGreen() {
        return blueGreen;
    }

    /** Its release pipeline or CI role, and where its deploy documents live. */
    public ServiceRelease.Created release() {
        return release;
    }

    /** What observability consumes of this service. */
    public Observed observed() {
        return observed;
    }

}
