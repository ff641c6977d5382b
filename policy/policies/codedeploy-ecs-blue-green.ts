import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

export const codedeployEcsBlueGreen: ResourceValidationPolicy = {
    name: "codedeploy-ecs-blue-green",
    description: "CodeDeploy ECS deployment groups deploy blue/green with traffic control: two target groups, a production and a test listener route.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:codedeploy/deploymentGroup:DeploymentGroup" || !args.props.ecsService) {
            return;
        }
        const style = args.props.deploymentStyle ?? {};
        if (style.deploymentType !== "BLUE_GREEN" || style.deploymentOption !== "WITH_TRAFFIC_CONTROL") {
            reportViolation(`Deployment group '${args.name}' is not blue/green with traffic control. ` +
                `Fix: set deploymentStyle {deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL"}.`);
        }
        const pair = args.props.loadBalancerInfo?.targetGroupPairInfo ?? {};
        if (asArray(pair.targetGroups).length !== 2) {
            reportViolation(`Deployment group '${args.name}' names ${asArray(pair.targetGroups).length} target group(s). ` +
                `Fix: give loadBalancerInfo.targetGroupPairInfo.targetGroups the service's blue and green target groups.`);
        }
        if (asArray(pair.prodTrafficRoute?.listenerArns).length === 0 || asArray(pair.testTrafficRoute?.listenerArns).length === 0) {
            reportViolation(`Deployment group '${args.name}' lacks a production or test traffic route, so the new tasks ` +
                `cannot be tried before they take traffic. Fix: set prodTrafficRoute (HTTPS listener) and testTrafficRoute (test listener).`);
        }
    },
};
