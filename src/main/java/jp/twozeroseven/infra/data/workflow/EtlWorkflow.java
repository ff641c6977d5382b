package jp.twozeroseven.infra.data.workflow;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.data.access.HeartbeatHttpAccess;
import jp.twozeroseven.infra.data.access.PipelinePolicies;
import jp.twozeroseven.infra.data.export.EmbulkContainer;
import jp.twozeroseven.infra.data.notify.SlackNotifier;
import jp.twozeroseven.infra.data.orchestration.CapacityStrategy;
import jp.twozeroseven.infra.data.orchestration.EtlStateMachineDefinition;
import jp.twozeroseven.infra.data.orchestration.EtlWorkflowSpec;
import jp.twozeroseven.infra.data.orchestration.HeartbeatEndpoint;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.support.ServiceRoles;

import java.util.List;
import java.util.Map;

/**
 * The Standard state machine that runs one Embulk task per table (Fargate Spot first, on-demand fallback), logs
 * every event to CloudWatch and traces with X-Ray, and posts the {@code EtlRunSucceeded} heartbeat to New Relic
 * through an EventBridge connection (no Lambda). Its role is created first so the notification API's resource
 * policy can name it.
 */
public final class EtlWorkflow extends ComponentResource {

    public static final String TYPE = "platform207:data:EtlWorkflow";

    private final Role role;
    private final Scope scope;
    private final Props props;
    private StateMachine stateMachine;
    private HeartbeatConnection connection;

    /**
     * @param scope             provider, naming and tags of the state machine, its role, logs and connection. Required.
     * @param region            the region in the ARNs the role's policy names. Required.
     * @param account           the account in those ARNs. Required.
     * @param stack             the {@code stack} attribute of the heartbeat event. Required.
     * @param logRetentionDays  retention of the state machine's log group
     * @param eventApiUrl       New Relic's Event API URL of the account ({@code observability.newRelic}). Required.
     * @param newRelicIngestKey the connection's API key (secret config {@code newRelicIngestKey}). Required.
     */
    public record Props(Scope scope, String region, String account, String stack, int logRetentionDays,
                        String eventApiUrl, SecretValue newRelicIngestKey) {
        public Props {
            Required.components(Props.class, scope, region, account, stack, logRetentionDays, eventApiUrl,
                    newRelicIngestKey);
        }
    }

    public EtlWorkflow(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.props = props;
        scope = props.scope().child(this);
        String roleName = scope.name("etl-state-machine");
        role = ServiceRoles.create(scope, roleName, "states.amazonaws.com", "Runs the Embulk ETL tasks, reports to Slack through API Gateway and to New Relic");
    }

    /**
     * What one night runs.
     *
     * @param maxConcurrency          tables exported at once ({@code dataPipeline.maxConcurrency}, 1-40)
     * @param taskTimeoutSeconds      each table's RunTask timeout ({@code embulkTask.timeoutMinutes}, default 240)
     * @param executionTimeoutSeconds the execution's TimeoutSeconds (the heartbeat window)
     * @param capacity                Spot first with an on-demand fallback (default), or on-demand only
     * @param logGroup                the Embulk tasks' log group, linked from the failure message
     */
    public record Run(int maxConcurrency, int taskTimeoutSeconds, int executionTimeoutSeconds,
                      CapacityStrategy capacity, String logGroup) {
    }

    /**
     * @param taskDefinitionFamilies the export families, masked first: the state machine may run exactly these
     * @param passRoleArns           the roles those task definitions name
     */
    public record Wiring(Output<String> clusterArn, List<Output<String>> taskDefinitionFamilies, Output<List<String>> subnetIds,
                         Output<String> securityGroupId, List<Output<String>> passRoleArns,
                         Output<String> apiId, Output<String> apiExecutionArn) {
    }

    /** Adds the role's policy and the state machine once the task definition and the API exist. */
    public StateMachine build(Run run, Wiring w) {
        String region = props.region();
        String account = props.account();
        String stack = props.stack();
        String machineName = scope.name("etl");
        String eventApiUrl = props.eventApiUrl();
        connection = new HeartbeatConnection(scope, props.newRelicIngestKey());
        RolePolicy policy = new RolePolicy(scope.name("etl-state-machine"), RolePolicyArgs.builder()
                .role(role.id())
                // Every revision of each family: RunTask names the family, so ECS starts the latest ACTIVE revision.
                .policy(Output.tuple(Output.all(w.taskDefinitionFamilies()).applyValue(families -> families.stream()
                                .map(family -> "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + family + ":*")
                                .toList()), w.clusterArn(), Output.all(w.passRoleArns()),
                        w.apiExecutionArn(), connection.arn()).applyValue(t -> PipelinePolicies.stateMachine(t.t1, t.t2,
                        t.t3, SlackNotifier.invokeArns(t.t4), new HeartbeatHttpAccess(
                                HeartbeatHttpAccess.stateMachineArn(region, account, machineName), eventApiUrl, t.t5,
                                HeartbeatHttpAccess.connectionSecretArn(region, account, connection.name())),
                        region, account).toJson()))
                .build(), scope.options());
        String logName = "/aws/vendedlogs/states/" + scope.name("etl");
        LogGroup logs = new LogGroup(scope.name("etl-state-machine-logs"), LogGroupArgs.builder()
                .name(logName)
                .retentionInDays(props.logRetentionDays())
                .tags(scope.tags(logName))
                .build(), scope.options());
        Output<String> definition = Output.tuple(w.clusterArn(), w.taskDefinitionFamilies().get(0), w.subnetIds(), w.securityGroupId(), w.apiId(),
                        connection.arn())
                .applyValue(t -> EtlStateMachineDefinition.renderJson(new EtlWorkflowSpec(t.t1, t.t2, EmbulkContainer.NAME,
                        t.t3, List.of(t.t4), run.capacity(), run.maxConcurrency(),
                        SlackNotifier.endpoint(t.t5, region), new HeartbeatEndpoint(eventApiUrl, t.t6, stack),
                        EmbulkContainer.COMMAND_TEMPLATE, run.taskTimeoutSeconds(), run.executionTimeoutSeconds(),
                        run.logGroup())));
        stateMachine = LoggedStateMachines.create(scope, this, machineName, "STANDARD", role, definition, logs, policy);
        this.registerOutputs(Map.of("stateMachineArn", stateMachine.arn()));
        return stateMachine;
    }

    public Role role() {
        return role;
    }

    /**
     * What the heartbeat check reads and posts through (after {@link #build}): this state machine's executions, and
     * the EventBridge connection its heartbeat events already go through.
     */
    public HeartbeatCheck.Wiring heartbeatCheckWiring() {
        return new HeartbeatCheck.Wiring(stateMachine.arn(), connection.arn(), connection.name());
    }
}
