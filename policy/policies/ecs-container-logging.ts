import { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, TASK_DEFINITION } from "../lib/ecs";

export const ecsContainerLogging: ResourceValidationPolicy = {
    name: "ecs-container-logging",
    description: "[ECS.9] Every container in an ECS task definition has a logConfiguration.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== TASK_DEFINITION) {
            return;
        }
        for (const container of containersOf(args.props)) {
            // logDriver "none" is a logConfiguration that discards the logs (Docker's none driver).
            if (!container.logConfiguration?.logDriver || container.logConfiguration.logDriver === "none") {
                reportViolation(`Container '${container.name}' has no logConfiguration.logDriver (or discards its logs with "none"). Fix: set logConfiguration ` +
                    `{"logDriver":"awsfirelens"} (New Relic sidecar) or {"logDriver":"awslogs","options":{...}}.`);
            }
        }
    },
};
