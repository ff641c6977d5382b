import { ResourceValidationPolicy } from "@pulumi/policy";
import { isProductionStack, ProductionConfig, productionConfigSchema } from "../lib/props";

export const rdsDeletionProtection: ResourceValidationPolicy = {
    name: "rds-deletion-protection",
    description: "[RDS.7][RDS.8] Aurora/RDS clusters and instances in production stacks have deletion protection.",
    enforcementLevel: "mandatory",
    configSchema: productionConfigSchema,
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:rds/cluster:Cluster" && args.type !== "aws:rds/instance:Instance") {
            return;
        }
        if (isProductionStack(args.urn, args.getConfig<ProductionConfig>()) && args.props.deletionProtection !== true) {
            reportViolation(`'${args.name}' can be deleted by one API call. Fix: set deletionProtection true.`);
        }
    },
};
