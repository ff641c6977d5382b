import { ResourceValidationPolicy } from "@pulumi/policy";

export const rdsIamAuthentication: ResourceValidationPolicy = {
    name: "rds-iam-authentication",
    description: "[RDS.12][RDS.10] Aurora/RDS clusters and standalone instances enable IAM database authentication.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:rds/cluster:Cluster" && args.type !== "aws:rds/instance:Instance") {
            return;
        }
        if (args.props.iamDatabaseAuthenticationEnabled !== true) {
            reportViolation(`'${args.name}' only accepts database passwords. Fix: set iamDatabaseAuthenticationEnabled true ` +
                `and grant rds-db:connect to the roles that need it.`);
        }
    },
};
