import { ResourceValidationPolicy } from "@pulumi/policy";

export const logGroupRetention: ResourceValidationPolicy = {
    name: "log-group-retention",
    description: "[CloudWatch.16] CloudWatch log groups set a retention period instead of keeping logs forever.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:cloudwatch/logGroup:LogGroup") {
            return;
        }
        const days = args.props.retentionInDays;
        if (typeof days !== "number" || days <= 0) {
            reportViolation(`Log group '${args.name}' never expires its logs. Fix: set retentionInDays (e.g. 30, or 365 for audit logs).`);
        }
    },
};
