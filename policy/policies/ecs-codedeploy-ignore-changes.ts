import { ResourceValidationPolicy } from "@pulumi/policy";
import { CODEDEPLOY_OWNED_SERVICE_FIELDS as CODEDEPLOY_OWNED_FIELDS } from "../lib/contracts";

/**
 * What CodeDeploy (and autoscaling) own once a CODE_DEPLOY service exists. A deployment swaps the task definition
 * and target group, autoscaling sets the desired count. A deployment also rewrites the capacity provider strategy
 * to what the AppSpec says, the service's own value being ignored (aws/containers-roadmap#1752), and UpdateService
 * rejects network configuration and platform version changes of a CODE_DEPLOY service: they change only through a
 * new deployment (hashicorp/terraform-provider-aws#8005, pulumi/pulumi-aws#1961). Writing any of them back makes
 * `pulumi up` fail or undo the last deployment. The list is shared with the program (lib/contracts).
 */
export const ecsCodedeployIgnoreChanges: ResourceValidationPolicy = {
    name: "ecs-codedeploy-ignore-changes",
    description: "ECS services under the CODE_DEPLOY controller ignore changes to taskDefinition, loadBalancers, desiredCount, capacityProviderStrategies, networkConfiguration and platformVersion, so `pulumi up` never fights a deployment.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ecs/service:Service" || args.props.deploymentController?.type !== "CODE_DEPLOY") {
            return;
        }
        const ignored = args.opts.ignoreChanges ?? [];
        const missing = CODEDEPLOY_OWNED_FIELDS.filter(f => !ignored.includes(f));
        if (missing.length > 0) {
            reportViolation(`Service '${args.name}' lets Pulumi write back ${missing.join(", ")}, which CodeDeploy and ` +
                `autoscaling own once it exists. Fix: pass ignoreChanges(List.of(${CODEDEPLOY_OWNED_FIELDS.map(f => `"${f}"`).join(", ")})) ` +
                `and repeat the network configuration, platform version and capacity provider strategy in the AppSpec.`);
        }
    },
};
