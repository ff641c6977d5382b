package jp.twozeroseven.infra.platform.scaling;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.platform.service.AppService;
import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scheduled capacity for one service: the scalable target spans the whole day's range, one scheduled action per
 * window (Asia/Tokyo) sets that window's min/max, and target tracking on CPU and ALB requests per target moves
 * the task count inside it.
 */
public final class ScheduledScaling extends ComponentResource {

    public static final String TYPE = "platform207:scaling:ScheduledScaling";
    /** The scheduled actions own min/max once they run; {@code pulumi up} must not reset them to the day's span. */
    public static final List<String> OWNED_BY_SCHEDULE = List.of("minCapacity", "maxCapacity");
    static final String DIMENSION = "ecs:service:DesiredCount";

    private final Target target;
    private final List<ScheduledAction> actions = new ArrayList<>();

    public ScheduledScaling(String name, Scope parentScope, AppService service, Cluster cluster,
                            Output<String> loadBalancerArnSuffix) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        Scope scope = parentScope.forService(service.settings().name()).child(this);
        ScalingSettings scaling = service.settings().scaling();
        String id = scope.name(service.settings().name());
        Output<String> resourceId = Output.tuple(cluster.name(), service.service().name())
                .applyValue(t -> "service/" + t.t1 + "/" + t.t2);
        target = new Target(id, TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension(DIMENSION)
                .resourceId(resourceId)
                .minCapacity(scaling.floorMin())
                .maxCapacity(scaling.peakMax())
                .tags(scope.tags(id))
                .build(), CustomResourceOptions.builder().parent(this).provider(scope.aws())
                .ignoreChanges(OWNED_BY_SCHEDULE).build());
        for (CapacityWindow window : scaling.windows()) {
            String actionName = id + "-" + window.name();
            actions.add(new ScheduledAction(actionName, ScheduledActionArgs.builder()
                    .name(actionName)
                    .serviceNamespace(target.serviceNamespace())
                    .scalableDimension(target.scalableDimension())
                    .resourceId(target.resourceId())
                    .schedule(ScheduleExpressions.dailyAt(window.start()))
                    .timezone(ScheduleExpressions.TOKYO)
                    .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                            .minCapacity(window.min()).maxCapacity(window.max()).build())
                    .build(), scope.options()));
        }
        tracking(scope, id + "-cpu", "ECSServiceAverageCPUUtilization", Output.of(""),
                scaling.cpuTargetPercent(), false);
        // A request-count label names one target group, and CodeDeploy swaps which one is live. One policy per
        // group keeps request-based scale-out working after every swap: the idle group reads zero and never asks
        // for more. Neither may scale in (the idle one would always vote for it); CPU tracking does that.
        for (var color : List.of(java.util.Map.entry("blue", service.blue()), java.util.Map.entry("green", service.green()))) {
            Output<String> label = Output.tuple(loadBalancerArnSuffix, color.getValue().arnSuffix())
                    .applyValue(t -> t.t1 + "/" + t.t2);
            tracking(scope, id + "-requests-" + color.getKey(), "ALBRequestCountPerTarget", label,
                    scaling.requestsPerTarget(), true);
        }
        this.registerOutputs(Map.of("resourceId", resourceId));
    }

    private void tracking(Scope scope, String name, String metric, Output<String> resourceLabel, int targetValue,
                          boolean disableScaleIn) {
        var spec = PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                .predefinedMetricType(metric);
        if (metric.equals("ALBRequestCountPerTarget")) {
            spec.resourceLabel(resourceLabel);
        }
        new Policy(name, PolicyArgs.builder()
                .name(name)
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(spec.build())
                        .targetValue((double) targetValue)
                        .scaleOutCooldown(60)
                        .scaleInCooldown(300)
                        .disableScaleIn(disableScaleIn)
                        .build())
                .build(), scope.options());
    }

    public Target target() {
        return target;
    }

    public List<ScheduledAction> actions() {
        return actions;
    }
}
