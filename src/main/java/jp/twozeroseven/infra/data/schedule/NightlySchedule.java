package jp.twozeroseven.infra.data.schedule;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetDeadLetterConfigArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.data.access.PipelinePolicies;
import jp.twozeroseven.infra.settings.DataPipelineSettings;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.time.LocalTime;
import java.util.Map;

/** EventBridge Scheduler starts the export every night in Asia/Tokyo; undeliverable starts land in a KMS-encrypted DLQ. */
public final class NightlySchedule extends ComponentResource {

    public static final String TYPE = "platform207:data:NightlySchedule";

    /**
     * @param scope           provider, naming and tags of the schedule, its role and DLQ. Required.
     * @param at              when the export starts, Asia/Tokyo ({@code dataPipeline.nightlyAt}, 22:00-04:59). Required.
     * @param stateMachineArn the ETL state machine the schedule starts. Required.
     * @param executionInput  the execution's input (JSON, {@code EtlExecutionInput}): every table and zone. Required.
     * @param queueKeyArn     the KMS key of the dead-letter queue (the platform key). Required.
     */
    public record Props(Scope scope, LocalTime at, Output<String> stateMachineArn, String executionInput,
                        Output<String> queueKeyArn) {
        public Props {
            Required.components(Props.class, scope, at, stateMachineArn, executionInput, queueKeyArn);
        }
    }

    public NightlySchedule(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        Queue dlq = deadLetterQueue(scope, props.queueKeyArn());
        String roleName = scope.name("etl-scheduler");
        Role role = ServiceRoles.create(scope, roleName, "scheduler.amazonaws.com", "EventBridge Scheduler: start the nightly ETL state machine");
        new RolePolicy(roleName, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(props.stateMachineArn(), dlq.arn(), props.queueKeyArn())
                        .applyValue(t -> PipelinePolicies.scheduler(t.t1, t.t2, t.t3).toJson()))
                .build(), scope.options());
        String scheduleName = scope.name("etl-nightly");
        new Schedule(scheduleName, ScheduleArgs.builder()
                .name(scheduleName)
                .description("Nightly Embulk export of the table catalog")
                .scheduleExpression(cron(props.at()))
                .scheduleExpressionTimezone(DataPipelineSettings.TIME_ZONE)
                .state("ENABLED")
                .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                .target(ScheduleTargetArgs.builder()
                        .arn(props.stateMachineArn())
                        .roleArn(role.arn())
                        .input(props.executionInput())
                        .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                                .maximumEventAgeInSeconds(3600)
                                .maximumRetryAttempts(5)
                                .build())
                        .deadLetterConfig(ScheduleTargetDeadLetterConfigArgs.builder().arn(dlq.arn()).build())
                        .build())
                .build(), scope.options());
        this.registerOutputs(Map.of());
    }

    /** Where the starts that the scheduler could not deliver wait, 14 days, encrypted with the given key. */
    private static Queue deadLetterQueue(Scope scope, Output<String> keyArn) {
        String queueName = scope.name("etl-schedule-dlq");
        return new Queue(queueName, QueueArgs.builder()
                .name(queueName)
                .kmsMasterKeyId(keyArn)
                .kmsDataKeyReusePeriodSeconds(300)
                .messageRetentionSeconds(14 * 24 * 3600)
                .tags(scope.tags(queueName))
                .build(), scope.options());
    }

    /** EventBridge Scheduler cron: minutes hours day-of-month month day-of-week year. */
    public static String cron(LocalTime at) {
        return "cron(" + at.getMinute() + " " + at.getHour() + " * * ? *)";
    }
}
