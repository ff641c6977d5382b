import { ResourceValidationPolicy } from "@pulumi/policy";

export const rdsNotPubliclyAccessible: ResourceValidationPolicy = {
    name: "rds-not-publicly-accessible",
    description: "[RDS.2] RDS and Aurora instances are not publicly accessible.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:rds/instance:Instance" && args.type !== "aws:rds/clusterInstance:ClusterInstance") {
            return;
        }
        if (args.props.publiclyAccessible === true) {
            reportViolation(`'${args.name}' has a public endpoint. Fix: set publiclyAccessible false and use a DB subnet group of private subnets.`);
        }
    },
};
