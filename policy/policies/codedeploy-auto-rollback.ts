import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

export const REQUIRED_ROLLBACK_EVENTS = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"];

export const codedeployAutoRollback: ResourceValidationPolicy = {
    name: "codedeploy-auto-rollback",
    description: "CodeDeploy deployment groups roll back automatically on failure and on alarm, and have alarms attached.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:codedeploy/deploymentGroup:DeploymentGroup") {
            return;
        }
        const rollback = args.props.autoRollbackConfiguration ?? {};
        const events = asArray<string>(rollback.events);
        const missing = REQUIRED_ROLLBACK_EVENTS.filter(e => !events.includes(e));
        if (rollback.enabled !== true || missing.length > 0) {
            reportViolation(`Deployment group '${args.name}' does not roll back on ${missing.length > 0 ? missing.join(", ") : "anything (disabled)"}. ` +
                `Fix: set autoRollbackConfiguration {enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]}.`);
        }
        const alarms = args.props.alarmConfiguration ?? {};
        if (alarms.enabled !== true || asArray(alarms.alarms).length === 0) {
            reportViolation(`Deployment group '${args.name}' watches no CloudWatch alarms, so a bad release is never stopped. ` +
                `Fix: set alarmConfiguration {enabled: true, alarms: [<target 5xx rate>, <unhealthy hosts>]}.`);
        }
    },
};
