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
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.aws.lb.TargetGroup;
import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.support.FormerParent;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Optional;

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
    private final CustomResourceOptions childOptions;

    /**
     * What one service's scaling acts on.
     *
     * @param clusterName           the ECS cluster's name
     * @param serviceName           the ECS service's name
     * @param loadBalancerArnSuffix the load balancer's ARN suffix (request-count labels); empty for a service the
     *                              load balancer does not reach
     * @param targetGroupsByColour  colour → target group whose requests per target drive scale-out; empty for a
     *                              service the load balancer does not reach (CPU tracking only)
     */
    public record Scaled(Output<String> clusterName, Output<String> serviceName,
                         Optional<Output<String>> loadBalancerArnSuffix, Map<String, TargetGroup> targetGroupsByColour) {
        public Scaled {
            Required.components(Scaled.class, clusterName, serviceName, loadBalancerArnSuffix, targetGroupsByColour);
            if (!targetGroupsByColour.isEmpty() && loadBalancerArnSuffix.isEmpty()) {
                throw new IllegalArgumentException("request-count tracking of target groups needs the load "
                        + "balancer's ARN suffix");
            }
            targetGroupsByColour = Collections.unmodifiableMap(new LinkedHashMap<>(targetGroupsByColour));
        }
    }

    /**
     * @param name    the component's name ({@code <service>-scaling} under its service; part of every child's URN)
     * @param props   what to build
     * @param options the component's own options: its parent (the service), and an alias to its URN under
     *                {@code props.formerParent()} when it moved
     */
    public ScheduledScaling(String name, ScheduledScalingProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String service = props.service();
        ScalingSettings scaling = props.scaling();
        Scaled scaled = props.scaled();
        Scope scope = props.scope().forService(service).child(this);
        FormerParent childrenFormerParent = props.formerParent()
                .map(former -> new FormerParent(former.typeChain() + "$" + TYPE, name)).orElse(null);
        childOptions = childOptions(scope, childrenFormerParent).build();
        String id = scope.name(service);
        Output<String> resourceId = Output.tuple(scaled.clusterName(), scaled.serviceName())
                .applyValue(t -> "service/" + t.t1 + "/" + t.t2);
        target = new Target(id, TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension(DIMENSION)
                .resourceId(resourceId)
                .minCapacity(scaling.floorMin())
                .maxCapacity(scaling.peakMax())
                .tags(scope.tags(id))
                .build(), childOptions(scope, childrenFormerParent).ignoreChanges(OWNED_BY_SCHEDULE).build());
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
                    .build(), childOptions));
        }
        tracking(id + "-cpu", "ECSServiceAverageCPUUtilization", Output.of(""),
                scaling.cpuTargetPercent(), false);
        // A request-count label names one target group, and CodeDeploy swaps which one is live. One policy per
        // group keeps request-based scale-out working after every swap: the idle group reads zero and never asks
        // for more. Neither may scale in (the idle one would always vote for it); CPU tracking does that.
        scaled.targetGroupsByColour().forEach((colour, group) -> {
            Output<String> label = Output.tuple(scaled.loadBalancerArnSuffix().orElseThrow(), group.arnSuffix())
                    .applyValue(t -> t.t1 + "/" + t.t2);
            tracking(id + "-requests-" + colour, "ALBRequestCountPerTarget", label,
                    scaling.requestsPerTarget(), true);
        });
        this.registerOutputs(Map.of("resourceId", resourceId));
    }

    private CustomResourceOptions.Builder childOptions(Scope scope, FormerParent childrenFormerParent) {
        var options = CustomResourceOptions.builder().parent(this).provider(scope.aws());
        if (childrenFormerParent != null) {
            options.aliases(childrenFormerParent.alias());
        }
        return options;
    }

    private void tracking(String name, String metric, Output<String> resourceLabel, int targetValue,
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
                .build(), childOptions);
    }

    public Target target() {
        return target;
    }

    public List<ScheduledAction> actions() {
        return actions;
    }
}
