import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

// FSBP RDS.9 "RDS DB instances should publish logs to CloudWatch Logs" (for PostgreSQL: the postgresql log;
// Aurora clusters export on the cluster). https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9
// Log types per engine: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html
const REQUIRED: Record<string, string> = { "aurora-postgresql": "postgresql", postgres: "postgresql" };

export const rdsLogExports: ResourceValidationPolicy = {
    name: "rds-log-exports",
    description: "[RDS.9] PostgreSQL clusters and instances export their postgresql log to CloudWatch Logs (enabledCloudwatchLogsExports).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const isCluster = args.type === "aws:rds/cluster:Cluster";
        if (!isCluster && args.type !== "aws:rds/instance:Instance") {
            return;
        }
        const required = REQUIRED[String(args.props.engine ?? "")];
        if (required && !asArray<string>(args.props.enabledCloudwatchLogsExports).includes(required)) {
            reportViolation(`'${args.name}' does not export its ${required} log to CloudWatch Logs. ` +
                `Fix: set enabledCloudwatchLogsExports ["${required}"] (and a retention on /aws/rds/.../${required}).`);
        }
    },
};
