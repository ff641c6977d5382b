import { StackValidationPolicy } from "@pulumi/policy";
import { isLinkedTo, label } from "../lib/links";
import { raw } from "../lib/preview";

const LEVELS = ["ERROR", "INFO"];

// FSBP APIGateway.1 "API Gateway REST and WebSocket API execution logging should be enabled": the stage's
// method settings for all methods ("*/*") have loggingLevel ERROR or INFO.
// https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1
export const apigatewayExecutionLogging: StackValidationPolicy = {
    name: "apigateway-execution-logging",
    description: "[APIGateway.1] Every API Gateway REST API stage has execution logging (aws.apigateway.MethodSettings \"*/*\" with loggingLevel ERROR or INFO).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const stage of args.resources.filter(r => r.type === "aws:apigateway/stage:Stage")) {
            const logged = args.resources.some(m => m.type === "aws:apigateway/methodSettings:MethodSettings"
                && isLinkedTo(m, "stageName", stage, ["stageName"])
                && raw(m.props)?.methodPath === "*/*"
                && LEVELS.includes(raw(m.props)?.settings?.loggingLevel));
            if (!logged) {
                reportViolation(`${label(stage)} has no execution logging. Fix: add an aws.apigateway.MethodSettings with ` +
                    `restApi and stageName of this stage, methodPath "*/*" and settings.loggingLevel "ERROR" (needs the account's ` +
                    `CloudWatch role: aws.apigateway.Account).`, stage.urn);
            }
        }
    },
};
