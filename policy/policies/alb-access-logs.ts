import { ResourceValidationPolicy } from "@pulumi/policy";
import { isApplicationLoadBalancer } from "../lib/elb";

export const albAccessLogs: ResourceValidationPolicy = {
    name: "alb-access-logs",
    description: "[ELB.5] Application load balancers write access logs to S3.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (!isApplicationLoadBalancer(args.type, args.props)) {
            return;
        }
        const logs = args.props.accessLogs;
        if (!logs || logs.enabled !== true || !logs.bucket) {
            reportViolation(`Load balancer '${args.name}' does not write access logs. Fix: set accessLogs ` +
                `{enabled: true, bucket: <log bucket name>, prefix: "<alb name>"}; the bucket policy must allow the ELB log delivery principal.`);
        }
    },
};
