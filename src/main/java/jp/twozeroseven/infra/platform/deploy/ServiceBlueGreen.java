package jp.twozeroseven.infra.platform.deploy;

import com.pulumi.aws.cloudwatch.MetricAlarm;
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
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One service's blue/green deployment group in the shared CodeDeploy application: it shifts the HTTPS listener
 * between the blue and green target groups (the test listener first), with the deployment config and termination
 * wait from settings, and rolls back automatically on failure and on its alarms ({@link DeploymentAlarms}). Its
 * role may deploy this service only ({@link CodeDeployPolicies#forService}).
 */
public final class ServiceBlueGreen {

    /**
     * What the deployment group deploys and how.
     *
     * @param service                the service's name
     * @param groupName              its deployment group's name ({@link BlueGreenDeployments#groupName})
     * @param deploymentConfig       the CodeDeploy deployment config (deploy.deploymentConfig)
     * @param terminationWaitMinutes how long the old tasks stay after a successful shift (deploy.terminationWaitMinutes)
     * @param region                 the stack's region, and {@code accountId} its account (for ARNs in the policy)
     */
    public record Props(String service, String groupName, String deploymentConfig, int terminationWaitMinutes,
                        String region, String accountId) {
    }

    /** The service's resources the group shifts between. */
    public record Target(Output<String> applicationName, Output<String> clusterName, Output<String> serviceName,
                         Listener productionListener, Listener testListener, Output<String> loadBalancerArnSuffix,
                         TargetGroup blue, TargetGroup green, List<ListenerRule> listenerRules, Role executionRole,
                         Role taskRole) {
    }

    /** @param role CodeDeploy's role for this service */
    public record Created(DeploymentGroup group, Role role) {
    }

    private ServiceBlueGreen() {
    }

    /**
     * @param scope   the service's scope: resources land under its parent and are tagged with its service
     * @param options a fresh builder of the created resources' options each call: parent, provider and any
     *                aliases to where they lived before
     */
    public static Created create(Scope scope, Props props, Target target,
                                 Supplier<CustomResourceOptions.Builder> options) {
        String groupName = props.groupName();
        String roleName = scope.name(props.service() + "-codedeploy");
        // The role and its policy carry the shared Service tag they had before they moved into the service.
        Scope shared = scope.forService(StackTags.SHARED_SERVICE);
        Role serviceRole = ServiceRoles.create(shared, roleName, "codedeploy.amazonaws.com",
                "CodeDeploy shifts ECS traffic between blue and green for " + groupName, options.get().build());
        Map<String, TargetGroup> colours = new LinkedHashMap<>();
        colours.put("blue", target.blue());
        colours.put("green", target.green());
        List<MetricAlarm> alarms = DeploymentAlarms.forTargetGroups(scope, groupName, target.loadBalancerArnSuffix(),
                colours, options.get().build());
        Output<List<String>> alarmNames = Output.all(alarms.stream().map(MetricAlarm::name).toList());
        // cluster and service names, the two listeners, the two roles, then the service's rules and alarms
        List<Output<String>> arns = new ArrayList<>(List.of(target.clusterName(), target.serviceName(),
                target.productionListener().arn(), target.testListener().arn(), target.executionRole().arn(),
                target.taskRole().arn()));
        int rules = target.listenerRules().size();
        target.listenerRules().forEach(rule -> arns.add(rule.arn()));
        alarms.forEach(alarm -> arns.add(alarm.arn()));
        var attachment = new RolePolicy(roleName, RolePolicyArgs.builder()
                .role(serviceRole.id())
                .policy(Output.all(arns).applyValue(a -> CodeDeployPolicies.forService(
                        new CodeDeployPolicies.Target(props.region(), props.accountId(), a.get(0), a.get(1),
                                List.of(a.get(2), a.get(3)), a.subList(6, 6 + rules), a.subList(6 + rules, a.size()),
                                List.of(a.get(4), a.get(5)))).toJson()))
                .build(), options.get().build());
        DeploymentGroup group = new DeploymentGroup(groupName, DeploymentGroupArgs.builder()
                .appName(target.applicationName())
                .deploymentGroupName(groupName)
                .serviceRoleArn(serviceRole.arn())
                .deploymentConfigName(props.deploymentConfig())
                .deploymentStyle(DeploymentGroupDeploymentStyleArgs.builder()
                        .deploymentType("BLUE_GREEN").deploymentOption("WITH_TRAFFIC_CONTROL").build())
                .blueGreenDeploymentConfig(DeploymentGroupBlueGreenDeploymentConfigArgs.builder()
                        .deploymentReadyOption(DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs
                                .builder().actionOnTimeout("CONTINUE_DEPLOYMENT").build())
                        .terminateBlueInstancesOnDeploymentSuccess(
                                DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs
                                        .builder().action("TERMINATE")
                                        .terminationWaitTimeInMinutes(props.terminationWaitMinutes()).build())
                        .build())
                .ecsService(DeploymentGroupEcsServiceArgs.builder()
                        .clusterName(target.clusterName()).serviceName(target.serviceName()).build())
                .loadBalancerInfo(DeploymentGroupLoadBalancerInfoArgs.builder()
                        .targetGroupPairInfo(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoArgs.builder()
                                .prodTrafficRoute(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRouteArgs
                                        .builder().listenerArns(target.productionListener().arn().applyValue(List::of))
                                        .build())
                                .testTrafficRoute(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTestTrafficRouteArgs
                                        .builder().listenerArns(target.testListener().arn().applyValue(List::of))
                                        .build())
                                .targetGroups(targetGroup(target.blue()), targetGroup(target.green()))
                                .build())
                        .build())
                .autoRollbackConfiguration(DeploymentGroupAutoRollbackConfigurationArgs.builder()
                        .enabled(true).events(BlueGreenDeployments.ROLLBACK_EVENTS).build())
                .alarmConfiguration(DeploymentGroupAlarmConfigurationArgs.builder()
                        .enabled(true).alarms(alarmNames).build())
                .tags(scope.tags(groupName))
                .build(), options.get().dependsOn(attachment).build());
        return new Created(group, serviceRole);
    }

    private static DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs targetGroup(TargetGroup tg) {
        return DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs.builder().name(tg.name()).build();
    }
}
