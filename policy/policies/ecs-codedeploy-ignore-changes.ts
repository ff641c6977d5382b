import { ResourceValidationPolicy } from "@pulumi/policy";
import { CODEDEPLOY_OWNED_SERVICE_FIELDS as CODEDEPLOY_OWNED_FIELDS, ECS_OWNED_SERVICE_FIELDS } from "../lib/contracts";

/**
 * What deployments (and autoscaling) own once a service exists, so `pulumi up` must not write it back.
 *
 * CODE_DEPLOY controller: a deployment swaps the task definition and target group, autoscaling sets the desired
 * count. A deployment also rewrites the capacity provider strategy to what the AppSpec says, the service's own value
 * being ignored (aws/containers-roadmap#1752), and UpdateService rejects network configuration and platform version
 * changes of a CODE_DEPLOY service: they change only through a new deployment (hashicorp/terraform-provider-aws#8005,
 * pulumi/pulumi-aws#1961).
 *
 * ECS (rolling update) controller, the default when no controller is given (ECS API reference,
 * DeploymentController): a worker's release registers a task definition revision and points the service at it with
 * UpdateService, and autoscaling sets the desired count; writing them back rolls the service back to Pulumi's
 * revision or resets its task count (docs/workers.md).
 *
 * Writing any of them back makes `pulumi up` fail or undo the last deployment. The lists are shared with the
 * program (lib/contracts).
 */
export const ecsCodedeployIgnoreChanges: ResourceValidationPolicy = {
    name: "ecs-codedeploy-ignore-changes",
    description: "ECS services ignore changes to what their deployments own: under the CODE_DEPLOY controller taskDefinition, loadBalancers, desiredCount, capacityProviderStrategies, networkConfiguration and platformVersion; under the ECS (rolling) controller taskDefinition and desiredCount. So `pulumi up` never fights a deployment.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ecs/service:Service") {
            return;
        }
        const controller = args.props.deploymentController?.type ?? "ECS";
        if (controller !== "CODE_DEPLOY" && controller !== "ECS") {
            return;
        }
        const owned = controller === "CODE_DEPLOY" ? CODEDEPLOY_OWNED_FIELDS : ECS_OWNED_SERVICE_FIELDS;
        const ignored = args.opts.ignoreChanges ?? [];
        const missing = owned.filter(f => !ignored.includes(f));
        if (missing.length === 0) {
            return;
        }
        const fix = `pass ignoreChanges(List.of(${owned.map(f => `"${f}"`).join(", ")}))`;
        if (controller === "CODE_DEPLOY") {
            reportViolation(`Service '${args.name}' lets Pulumi write back ${missing.join(", ")}, which CodeDeploy and ` +
                `autoscaling own once it exists. Fix: ${fix} ` +
                `and repeat the network configuration, platform version and capacity provider strategy in the AppSpec.`);
        } else {
            reportViolation(`Service '${args.name}' (ECS rolling-update controller) lets Pulumi write back ` +
                `${missing.join(", ")}, which its releases (each registers a task definition revision and updates ` +
                `the service) and autoscaling own once it exists, so \`pulumi up\` would roll it back. Fix: ${fix}.`);
        }
    },
};
