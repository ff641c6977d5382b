import { ResourceValidationPolicy } from "@pulumi/policy";

// FSBP APIGateway.3 "API Gateway REST API stages should have AWS X-Ray tracing enabled".
// https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3
export const apigatewayXray: ResourceValidationPolicy = {
    name: "apigateway-xray",
    description: "[APIGateway.3] Every API Gateway REST API stage has X-Ray tracing enabled (xrayTracingEnabled).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === "aws:apigateway/stage:Stage" && args.props.xrayTracingEnabled !== true) {
            reportViolation(`Stage '${args.name}' does not trace with X-Ray. Fix: set xrayTracingEnabled true.`);
        }
    },
};
