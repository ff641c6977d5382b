import { ResourceValidationPolicy } from "@pulumi/policy";
import { isApplicationLoadBalancer } from "../lib/elb";

export const albDropInvalidHeaders: ResourceValidationPolicy = {
    name: "alb-drop-invalid-headers",
    description: "[ELB.4] Application load balancers drop invalid HTTP header fields (request smuggling defence).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (!isApplicationLoadBalancer(args.type, args.props)) {
            return;
        }
        if (args.props.dropInvalidHeaderFields !== true) {
            reportViolation(`Load balancer '${args.name}' forwards invalid headers. Fix: set dropInvalidHeaderFields true.`);
        }
    },
};
