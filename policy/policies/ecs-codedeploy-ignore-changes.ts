import { ResourceValidationPolicy } from "@pulumi/policy";

export const CODEDEPLOY_OWNED_FIELDS = ["taskDefinition", "loadBalancers", "desiredCount"];

export const ecsCodedeployIgnoreChanges: ResourceValidationPolicy = {
    name: "ecs-codedeploy-ignore-changes",
    description: "ECS services under the CODE_DEPLOY controller ignore changes to taskDefinition, loadBalancers and desiredCount, so `pulumi up` never fights a deployment.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ecs/service:Service" || args.props.deploymentController?.type !== "CODE_DEPLOY") {
            return;
        }
        const ignored = args.opts.ignoreChanges ?? [];
        const missing = CODEDEPLOY_OWNED_FIELDS.filter(f => !ignored.includes(f));
        if (missing.length > 0) {
            reportViolation(`Service '${args.name}' lets Pulumi write back ${missing.join(", ")}, which CodeDeploy and ` +
                `autoscaling own once it exists. Fix: pass ignoreChanges(List.of("taskDefinition", "loadBalancers", "desiredCount")).`);
        }
    },
};
