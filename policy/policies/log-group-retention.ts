import { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, TASK_DEFINITION } from "../lib/ecs";

// A log group is also created outside the stack when a container's awslogs driver has "awslogs-create-group": "true"
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html): ECS creates it with no
// retention, so its logs never expire and no policy sees a LogGroup resource for it.
export const logGroupRetention: ResourceValidationPolicy = {
    name: "log-group-retention",
    description: "[CloudWatch.16] CloudWatch log groups set a retention period instead of keeping logs forever, and no container creates its own log group (awslogs-create-group).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === TASK_DEFINITION) {
            for (const container of containersOf(args.props)) {
                const log: any = container.logConfiguration;
                const create = log?.options?.["awslogs-create-group"];
                if (log?.logDriver === "awslogs" && String(create).toLowerCase() === "true") {
                    reportViolation(`Container '${container.name}' of '${args.name}' lets the awslogs driver create log group ` +
                        `'${log.options?.["awslogs-group"]}', which then never expires. Fix: declare the group as an ` +
                        `aws.cloudwatch.LogGroup with retentionInDays and drop awslogs-create-group.`);
                }
            }
            return;
        }
        if (args.type !== "aws:cloudwatch/logGroup:LogGroup") {
            return;
        }
        const days = args.props.retentionInDays;
        if (typeof days !== "number" || days <= 0) {
            reportViolation(`Log group '${args.name}' never expires its logs. Fix: set retentionInDays (e.g. 30, or 365 for audit logs).`);
        }
    },
};
