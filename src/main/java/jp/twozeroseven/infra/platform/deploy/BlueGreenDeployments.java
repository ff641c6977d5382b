package jp.twozeroseven.infra.platform.deploy;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.codedeploy.Application;
import com.pulumi.aws.codedeploy.ApplicationArgs;
import com.pulumi.aws.codedeploy.DeploymentGroup;
import com.pulumi.aws.codedeploy.DeploymentGroupArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAlarmConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAutoRollbackConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupDeploymentStyleArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupEcsServiceArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRouteArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTestTrafficRouteArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.platform.loadbalancer.PublicLoadBalancer;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.settings.DeploySettings;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blue/green through CodeDeploy: one ECS application, and per service a deployment group that shifts the HTTPS
 * listener between the blue and green target groups (the test listener first), with the deployment config and
 * termination wait from settings, and automatic rollback on failure and on its alarms.
 */
public final class BlueGreenDeployments extends ComponentResource {

    public static final String TYPE = "platform207:deploy:BlueGreenDeployments";
    /**
     * AWS's managed policy for CodeDeploy on ECS, no longer used: it allows ecs:CreateTaskSet on every service and
     * iam:PassRole on every role passed to ECS tasks, so a deployment could run another task definition (the
     * ETL's) with its secrets. Each service's CodeDeploy role has {@link CodeDeployPolicies#forService} instead.
     */
    public static final String CODEDEPLOY_ECS_POLICY = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS";
    public static final List<String> ROLLBACK_EVENTS = List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM");

    private final Application application;
    private final String applicationName;
    private final Map<String, Role> serviceRoles = new LinkedHashMap<>();
    private final Map<String, DeploymentGroup> groups = new LinkedHashMap<>();
    private final Map<String, String> groupNames = new LinkedHashMap<>();

    public BlueGreenDeployments(String name, Scope parentScope, Map<String, AppService> services, Cluster cluster,
                                PublicLoadBalancer loadBalancer) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        Scope scope = parentScope.child(this);
        DeploySettings deploy = scope.settings().deploy();
        applicationName = scope.name("services");
        application = new Application(applicationName, ApplicationArgs.builder()
                .name(applicationName)
                .computePlatform("ECS")
                .tags(scope.tags(applicationName))
                .build(), scope.options());
        services.forEach((serviceName, service) -> {
            Scope serviceScope = scope.forService(serviceName);
            String groupName = scope.name(serviceName);
            String roleName = scope.name(serviceName + "-codedeploy");
            Role serviceRole = ServiceRoles.create(scope, roleName, "codedeploy.amazonaws.com",
                    "CodeDeploy shifts ECS traffic between blue and green for " + groupName);
            serviceRoles.put(serviceName, serviceRole);
            Map<String, com.pulumi.aws.lb.TargetGroup> colours = new LinkedHashMap<>();
            colours.put("blue", service.blue());
            colours.put("green", service.green());
            List<MetricAlarm> alarms = DeploymentAlarms.forTargetGroups(serviceScope, groupName,
                    loadBalancer.alb().arnSuffix(), colours);
            Output<List<String>> alarmNames = Output.all(alarms.stream().map(MetricAlarm::name).toList());
            // cluster and service names, the two listeners, the two roles, then the service's rules and alarms
            List<Output<String>> arns = new ArrayList<>(List.of(cluster.name(),
                    service.service().name(), loadBalancer.https().arn(), loadBalancer.test().arn(),
                    service.executionRole().arn(), service.taskRole().arn()));
            service.listenerRules().forEach(rule -> arns.add(rule.arn()));
            alarms.forEach(alarm -> arns.add(alarm.arn()));
            var attachment = new RolePolicy(roleName, RolePolicyArgs.builder()
                    .role(serviceRole.id())
                    .policy(Output.all(arns).applyValue(a -> CodeDeployPolicies.forService(
                            new CodeDeployPolicies.Target(scope.settings().region(), scope.settings().accountId(),
                                    a.get(0), a.get(1), List.of(a.get(2), a.get(3)), a.subList(6, 8),
                                    a.subList(8, a.size()), List.of(a.get(4), a.get(5)))).toJson()))
                    .build(), scope.options());
            groups.put(serviceName, new DeploymentGroup(groupName, DeploymentGroupArgs.builder()
                    .appName(application.name())
                    .deploymentGroupName(groupName)
                    .serviceRoleArn(serviceRole.arn())
                    .deploymentConfigName(deploy.deploymentConfig())
                    .deploymentStyle(DeploymentGroupDeploymentStyleArgs.builder()
                            .deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL").build())
                    .blueGreenDeploymentConfig(DeploymentGroupBlueGreenDeploymentConfigArgs.builder()
                            .deploymentReadyOption(DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs
                                    .builder().actionOnTimeout("CONTINUE_DEPLOYMENT").build())
                            .terminateBlueInstancesOnDeploymentSuccess(
                                    DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs
                                            .builder().action("TERMINATE")
                                            .terminationWaitTimeInMinutes(deploy.terminationWaitMinutes()).build())
                            .build())
                    .ecsService(DeploymentGroupEcsServiceArgs.builder()
                            .clusterName(cluster.name()).serviceName(service.service().name()).build())
                    .loadBalancerInfo(DeploymentGroupLoadBalancerInfoArgs.builder()
                            .targetGroupPairInfo(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoArgs.builder()
                                    .prodTrafficRoute(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRouteArgs
                                            .builder().listenerArns(loadBalancer.https().arn().applyValue(List::of))
                                            .build())
                                    .testTrafficRoute(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTestTrafficRouteArgs
                                            .builder().listenerArns(loadBalancer.test().arn().applyValue(List::of))
                                            .build())
                                    .targetGroups(targetGroup(service.blue()), targetGroup(service.green()))
                                    .build())
                            .build())
                    .autoRollbackConfiguration(DeploymentGroupAutoRollbackConfigurationArgs.builder()
                            .enabled(true).events(ROLLBACK_EVENTS).build())
                    .alarmConfiguration(DeploymentGroupAlarmConfigurationArgs.builder()
                            .enabled(true).alarms(alarmNames).build())
                    .tags(serviceScope.tags(groupName))
                    .build(), com.pulumi.resources.CustomResourceOptions.builder().parent(this)
                    .provider(scope.aws()).dependsOn(attachment).build()));
            groupNames.put(serviceName, groupName);
        });
        this.registerOutputs(Map.of("application", application.name()));
    }

    private static DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs targetGroup(
            com.pulumi.aws.lb.TargetGroup tg) {
        return DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs.builder().name(tg.name()).build();
    }

    public Application application() {
        return application;
    }

    /** The application's name, known before it exists (IAM policies need it). */
    public String applicationName() {
        return applicationName;
    }

    /** Service name → the role CodeDeploy deploys it with (one per service, see {@link CodeDeployPolicies}). */
    public Map<String, Role> serviceRoles() {
        return serviceRoles;
    }

    public Map<String, DeploymentGroup> groups() {
        return groups;
    }

    /** Service name → deployment group name, known before the groups exist. */
    public Map<String, String> groupNames() {
        return groupNames;
    }
}
