package jp.twozeroseven.infra.data.workflow;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.data.access.HeartbeatHttpAccess;
import jp.twozeroseven.infra.data.access.PipelinePolicies;
import jp.twozeroseven.infra.data.orchestration.HeartbeatCheckDefinition;
import jp.twozeroseven.infra.data.orchestration.HeartbeatEndpoint;
import jp.twozeroseven.infra.support.PipelineEvents;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The heartbeat checker: an EventBridge Scheduler schedule starts a small Express state machine every
 * {@link PipelineEvents#CHECK_EVERY} (Asia/Tokyo), which reads the ETL state machine's executions and posts one
 * {@code EtlHeartbeatCheck} event to New Relic through the ETL's EventBridge connection (no Lambda). New Relic's
 * heartbeat condition evaluates that fixed cadence, so it opens within one check of the deadline, stays open until
 * a success, and needs no memory of earlier nights (an edit of the condition loses nothing).
 *
 * <p>Express, because every call is request-response: "Standard Workflows and Express Workflows support the same
 * integrations ... Express Workflows only support Request Response integrations" (Step Functions developer guide,
 * "Integrating optimized services with Step Functions"). The ETL it lists is Standard, as ListExecutions requires.
 */
public final class HeartbeatCheck extends ComponentResource {

    public static final String TYPE = "platform207:data:HeartbeatCheck";

    private final StateMachine stateMachine;

    /**
     * @param scope            provider, naming and tags of the checker's resources. Required.
     * @param stack            the {@code stack} attribute of the event
     * @param eventApiUrl      New Relic's Event API URL for the account
     * @param nightlyAt        when the nightly schedule starts the ETL
     * @param runWindow        the ETL's execution timeout; start + window = the deadline
     * @param zone             the schedules' time zone
     * @param logRetentionDays the checker's CloudWatch log retention
     * @param wiring           the ETL state machine to check and the connection its heartbeat posts through. Required.
     */
    public record Props(Scope scope, String stack, String region, String account, String eventApiUrl,
                        LocalTime nightlyAt, Duration runWindow, ZoneId zone, int logRetentionDays, Wiring wiring) {
        public Props {
            Required.components(Props.class, scope, stack, region, account, eventApiUrl, nightlyAt, runWindow, zone,
                    logRetentionDays, wiring);
        }
    }

    /** The ETL state machine to check and the connection its heartbeat already posts through. */
    public record Wiring(Output<String> etlStateMachineArn, Output<String> connectionArn, String connectionName) {
    }

    public HeartbeatCheck(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        Wiring w = props.wiring();
        String machineName = scope.name("etl-heartbeat-check");
        String machineArn = HeartbeatHttpAccess.stateMachineArn(props.region(), props.account(), machineName);
        Role role = ServiceRoles.create(scope, machineName, "states.amazonaws.com",
                "Checks the ETL's executions and posts the heartbeat check to New Relic");
        RolePolicy policy = new RolePolicy(machineName, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(w.etlStateMachineArn(), w.connectionArn()).applyValue(t -> PipelinePolicies.heartbeatCheck(
                        t.t1, new HeartbeatHttpAccess(machineArn, props.eventApiUrl(), t.t2,
                                HeartbeatHttpAccess.connectionSecretArn(props.region(), props.account(), w.connectionName())))
                        .toJson()))
                .build(), scope.options());
        String logName = "/aws/vendedlogs/states/" + machineName;
        LogGroup logs = new LogGroup(machineName + "-logs", LogGroupArgs.builder()
                .name(logName)
                .retentionInDays(props.logRetentionDays())
                .tags(scope.tags(logName))
                .build(), scope.options());
        Output<String> definition = Output.tuple(w.etlStateMachineArn(), w.connectionArn())
                .applyValue(t -> HeartbeatCheckDefinition.renderJson(new HeartbeatCheckDefinition.Spec(t.t1,
                        new HeartbeatEndpoint(props.eventApiUrl(), t.t2, props.stack()), props.nightlyAt(),
                        props.runWindow(), props.zone())));
        // Express executions have no execution history: the logs are the only record of each check.
        stateMachine = LoggedStateMachines.create(scope, this, machineName, "EXPRESS", role, definition, logs, policy);

        String schedulerRoleName = scope.name("etl-heartbeat-scheduler");
        Role schedulerRole = ServiceRoles.create(scope, schedulerRoleName, "scheduler.amazonaws.com",
                "EventBridge Scheduler: start the ETL heartbeat check");
        new RolePolicy(schedulerRoleName, RolePolicyArgs.builder()
                .role(schedulerRole.id())
                .policy(stateMachine.arn().applyValue(arn -> PipelinePolicies.heartbeatCheckScheduler(arn).toJson()))
                .build(), scope.options());
        String scheduleName = scope.name("etl-heartbeat-check");
        new Schedule(scheduleName, ScheduleArgs.builder()
                .name(scheduleName)
                .description("Every " + PipelineEvents.CHECK_EVERY.toMinutes() + " minutes: post "
                        + PipelineEvents.HEARTBEAT_CHECK + " to New Relic")
                .scheduleExpression(cron(PipelineEvents.CHECK_EVERY))
                .scheduleExpressionTimezone(props.zone().getId())
                .state("ENABLED")
                .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                .target(ScheduleTargetArgs.builder()
                        .arn(stateMachine.arn())
                        .roleArn(schedulerRole.arn())
                        .input("{}")
                        // A check later than its own cadence is worthless: the next one is on its way. A lost check
                        // is one missing data point; the condition's loss of signal covers a checker that is gone.
                        .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                                .maximumEventAgeInSeconds(300)
                                .maximumRetryAttempts(2)
                                .build())
                        .build())
                .build(), scope.options());
        this.registerOutputs(Map.of("stateMachineArn", stateMachine.arn()));
    }

    /**
     * EventBridge Scheduler cron (minutes hours day-of-month month day-of-week year) at the cadence's minutes of
     * every hour, so checks fall on the clock (a 06:00 deadline is checked at 06:00), unlike rate() which counts
     * from the schedule's creation (EventBridge Scheduler User Guide, "Schedule types", cron- and rate-based).
     */
    public static String cron(Duration every) {
        long minutes = every.toMinutes();
        if (minutes < 1 || 60 % minutes != 0 || every.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("heartbeat check cadence " + every + " must divide an hour in whole minutes");
        }
        return "cron(0/" + minutes + " * * * ? *)";
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }
}
