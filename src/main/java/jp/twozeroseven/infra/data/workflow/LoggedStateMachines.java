package jp.twozeroseven.infra.data.workflow;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineLoggingConfigurationArgs;
import com.pulumi.aws.sfn.inputs.StateMachineTracingConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import jp.twozeroseven.infra.support.Scope;

/**
 * The pipeline's state machines as the pack requires them (sfn-logging-and-tracing, FSBP StepFunctions.1): every
 * event logged with its data to the machine's own log group, X-Ray on, created after its role's policy so the first
 * execution is not refused.
 */
final class LoggedStateMachines {
    private LoggedStateMachines() {
    }

    static StateMachine create(Scope scope, Resource parent, String name, String type, Role role,
                               Output<String> definition, LogGroup logs, RolePolicy policy) {
        return new StateMachine(name, StateMachineArgs.builder()
                .name(name)
                .type(type)
                .roleArn(role.arn())
                .definition(definition)
                .loggingConfiguration(StateMachineLoggingConfigurationArgs.builder()
                        .level("ALL")
                        .includeExecutionData(true)
                        .logDestination(logs.arn().applyValue(arn -> arn + ":*"))
                        .build())
                .tracingConfiguration(StateMachineTracingConfigurationArgs.builder().enabled(true).build())
                .tags(scope.tags(name))
                .build(), CustomResourceOptions.builder().parent(parent).provider(scope.aws()).dependsOn(policy).build());
    }
}
