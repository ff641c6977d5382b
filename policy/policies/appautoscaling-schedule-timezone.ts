import { ResourceValidationPolicy } from "@pulumi/policy";

interface Config {
    timezone?: string;
}

export const appautoscalingScheduleTimezone: ResourceValidationPolicy = {
    name: "appautoscaling-schedule-timezone",
    description: "Application Auto Scaling scheduled actions name their time zone (Asia/Tokyo by default) instead of silently running in UTC.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: { timezone: { type: "string", default: "Asia/Tokyo", description: "The time zone schedules are written in." } },
    },
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:appautoscaling/scheduledAction:ScheduledAction") {
            return;
        }
        const expected = args.getConfig<Config>().timezone ?? "Asia/Tokyo";
        if (args.props.timezone !== expected) {
            reportViolation(`Scheduled action '${args.name}' runs '${args.props.schedule}' in ${args.props.timezone ?? "UTC (no timezone)"}. ` +
                `Fix: set timezone "${expected}" so the schedule means local business hours.`);
        }
    },
};
