import { ResourceValidationPolicy } from "@pulumi/policy";

export const sfnLoggingAndTracing: ResourceValidationPolicy = {
    name: "sfn-logging-and-tracing",
    description: "[StepFunctions.1] Step Functions state machines log at level ALL to CloudWatch and enable X-Ray tracing.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:sfn/stateMachine:StateMachine") {
            return;
        }
        const logging = args.props.loggingConfiguration;
        if (logging?.level !== "ALL" || !logging?.logDestination) {
            reportViolation(`State machine '${args.name}' logs at level '${logging?.level ?? "OFF"}'. Fix: set loggingConfiguration ` +
                `{level: "ALL", includeExecutionData: true, logDestination: "<log group arn>:*"}.`);
        }
        if (args.props.tracingConfiguration?.enabled !== true) {
            reportViolation(`State machine '${args.name}' is not traced. Fix: set tracingConfiguration {enabled: true}.`);
        }
    },
};
