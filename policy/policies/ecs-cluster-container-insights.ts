import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

export const ecsClusterContainerInsights: ResourceValidationPolicy = {
    name: "ecs-cluster-container-insights",
    description: "[ECS.12] ECS clusters have Container Insights enabled.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ecs/cluster:Cluster") {
            return;
        }
        const setting = asArray<any>(args.props.settings).find(s => s?.name === "containerInsights");
        if (setting?.value !== "enabled" && setting?.value !== "enhanced") {
            reportViolation(`Cluster '${args.name}' does not enable Container Insights. Fix: add settings ` +
                `[{name: "containerInsights", value: "enabled"}].`);
        }
    },
};
