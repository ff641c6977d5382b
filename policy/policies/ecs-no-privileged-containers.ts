import { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, TASK_DEFINITION } from "../lib/ecs";

export const ecsNoPrivilegedContainers: ResourceValidationPolicy = {
    name: "ecs-no-privileged-containers",
    description: "[ECS.4] ECS containers do not run privileged.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== TASK_DEFINITION) {
            return;
        }
        for (const container of containersOf(args.props)) {
            if (container.privileged === true) {
                reportViolation(`Container '${container.name}' is privileged. Fix: remove "privileged": true ` +
                    `(Fargate rejects it anyway); grant only the Linux capabilities it needs.`);
            }
        }
    },
};
