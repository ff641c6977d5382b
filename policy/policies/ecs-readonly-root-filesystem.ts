import { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, TASK_DEFINITION } from "../lib/ecs";
import { WRITABLE_ROOT_LABEL, WRITABLE_ROOT_REASON_LABEL } from "../lib/contracts";

export const ecsReadonlyRootFilesystem: ResourceValidationPolicy = {
    name: "ecs-readonly-root-filesystem",
    description: "[ECS.5] ECS containers run with readonlyRootFilesystem, unless opted out with a docker label and a reason.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== TASK_DEFINITION) {
            return;
        }
        for (const container of containersOf(args.props)) {
            if (container.readonlyRootFilesystem === true) {
                continue;
            }
            const labels = container.dockerLabels ?? {};
            const optedOut = labels[WRITABLE_ROOT_LABEL] === "true";
            if (optedOut && (labels[WRITABLE_ROOT_REASON_LABEL] ?? "").trim() !== "") {
                continue;
            }
            reportViolation(`Container '${container.name}' has a writable root filesystem` +
                (optedOut ? ` and opts out without a reason` : ``) + `. Fix: set "readonlyRootFilesystem": true and mount ` +
                `writable paths as volumes, or set dockerLabels "${WRITABLE_ROOT_LABEL}": "true" with ` +
                `"${WRITABLE_ROOT_REASON_LABEL}": "<why the image must write to />".`);
        }
    },
};
