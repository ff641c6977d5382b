import { ResourceValidationPolicy } from "@pulumi/policy";
import { isApplicationLoadBalancer } from "../lib/elb";
import { isProductionStack, ProductionConfig, productionConfigSchema } from "../lib/props";

export const albDeletionProtection: ResourceValidationPolicy = {
    name: "alb-deletion-protection",
    description: "[ELB.6] Application load balancers in production stacks have deletion protection enabled.",
    enforcementLevel: "mandatory",
    configSchema: productionConfigSchema,
    validateResource: (args, reportViolation) => {
        if (!isApplicationLoadBalancer(args.type, args.props) || !isProductionStack(args.urn, args.getConfig<ProductionConfig>())) {
            return;
        }
        if (args.props.enableDeletionProtection !== true) {
            reportViolation(`Load balancer '${args.name}' can be deleted by one API call. Fix: set enableDeletionProtection true.`);
        }
    },
};
