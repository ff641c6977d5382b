import { ResourceValidationPolicy } from "@pulumi/policy";

interface Config {
    minimumDays?: number;
}

export const rdsBackupRetention: ResourceValidationPolicy = {
    name: "rds-backup-retention",
    description: "[RDS.11] Aurora/RDS clusters and instances keep automated backups for at least 7 days.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: { minimumDays: { type: "integer", default: 7, minimum: 1, maximum: 35 } },
    },
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:rds/cluster:Cluster" && args.type !== "aws:rds/instance:Instance") {
            return;
        }
        const minimum = args.getConfig<Config>().minimumDays ?? 7;
        const days: number = args.props.backupRetentionPeriod ?? 1;
        if (days < minimum) {
            reportViolation(`'${args.name}' keeps backups for ${days} day(s). Fix: set backupRetentionPeriod to ${minimum} or more.`);
        }
    },
};
