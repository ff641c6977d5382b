import { ResourceValidationPolicy } from "@pulumi/policy";

export const ecsServiceNoPublicIp: ResourceValidationPolicy = {
    name: "ecs-service-no-public-ip",
    description: "[ECS.2] ECS services do not assign public IP addresses to tasks.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ecs/service:Service") {
            return;
        }
        // The provider also takes the string "true" for a boolean input.
        if ([true, "true"].includes(args.props.networkConfiguration?.assignPublicIp)) {
            reportViolation(`Service '${args.name}' sets networkConfiguration.assignPublicIp true. Fix: set it to false, ` +
                `run tasks in private subnets and reach the internet through NAT or VPC endpoints.`);
        }
    },
};
