package jp.twozeroseven.infra.platform.deploy;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alarms that stop a blue/green deployment and roll it back: per target group, the share of requests the
 * tasks answer with 5xx, and unhealthy targets. Both colours are watched because either can be the new one.
 */
public final class DeploymentAlarms {

    /** Percent of requests answered 5xx by the targets, over a minute. */
    public static final double TARGET_5XX_PERCENT = 5.0;
    private static final String NAMESPACE = "AWS/ApplicationELB";

    private DeploymentAlarms() {
    }

    public static List<MetricAlarm> forTargetGroups(Scope scope, String group, Output<String> loadBalancerSuffix,
                                                    Map<String, TargetGroup> targetGroupsByColour,
                                                    CustomResourceOptions options) {
        List<MetricAlarm> alarms = new ArrayList<>();
        targetGroupsByColour.forEach((colour, tg) -> {
            Output<Map<String, String>> dimensions = Output.tuple(loadBalancerSuffix, tg.arnSuffix())
                    .applyValue(t -> Map.of("LoadBalancer", t.t1, "TargetGroup", t.t2));
            alarms.add(errorRate(scope, group + "-" + colour + "-5xx-rate", dimensions, options));
            alarms.add(unhealthyHosts(scope, group + "-" + colour + "-unhealthy-hosts", dimensions, options));
        });
        return alarms;
    }

    private static MetricAlarm errorRate(Scope scope, String name, Output<Map<String, String>> dimensions,
                                         CustomResourceOptions options) {
        return new MetricAlarm(name, MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription("More than " + TARGET_5XX_PERCENT + "% of requests answered 5xx by the tasks; "
                        + "CodeDeploy stops and rolls back a running deployment")
                .comparisonOperator("GreaterThanThreshold")
                .threshold(TARGET_5XX_PERCENT)
                .evaluationPeriods(3)
                .datapointsToAlarm(2)
                // No traffic is not an outage: an idle colour must not block deployments.
                .treatMissingData("notBreaching")
                .metricQueries(
                        sum("errors", "HTTPCode_Target_5XX_Count", dimensions),
                        sum("requests", "RequestCount", dimensions),
                        MetricAlarmMetricQueryArgs.builder().id("rate").label("Target 5xx %")
                                .expression("IF(requests > 0, 100 * errors / requests, 0)").returnData(true).build())
                .tags(scope.tags(name))
                .build(), options);
    }

    private static MetricAlarm unhealthyHosts(Scope scope, String name, Output<Map<String, String>> dimensions,
                                              CustomResourceOptions options) {
        return new MetricAlarm(name, MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription("Targets failing the ALB health check for 3 minutes; CodeDeploy stops and rolls back")
                .namespace(NAMESPACE)
                .metricName("UnHealthyHostCount")
                .dimensions(dimensions)
                .statistic("Maximum")
                .period(60)
                .comparisonOperator("GreaterThanThreshold")
                .threshold(0.0)
                .evaluationPeriods(3)
                .datapointsToAlarm(3)
                .treatMissingData("notBreaching")
                .tags(scope.tags(name))
                .build(), options);
    }

    private static MetricAlarmMetricQueryArgs sum(String id, String metric, Output<Map<String, String>> dimensions) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace(NAMESPACE).metricName(metric)
                        .dimensions(dimensions).stat("Sum").period(60).build())
                .build();
    }
}
