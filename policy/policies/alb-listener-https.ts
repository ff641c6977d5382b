import { ResourceValidationPolicy } from "@pulumi/policy";
import { LISTENER_TYPES } from "../lib/elb";
import { asArray } from "../lib/props";

function redirectsToHttps(action: any): boolean {
    return action?.type === "redirect" && action.redirect?.protocol === "HTTPS";
}

export const albListenerHttps: ResourceValidationPolicy = {
    name: "alb-listener-https",
    description: "[ELB.1] ALB listeners serve HTTPS; an HTTP listener may only redirect to HTTPS.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (!LISTENER_TYPES.includes(args.type)) {
            return;
        }
        const protocol = args.props.protocol ?? "HTTP";
        if (protocol !== "HTTP") {
            return;
        }
        const actions = asArray<any>(args.props.defaultActions);
        if (actions.length === 0 || !actions.every(redirectsToHttps)) {
            reportViolation(`Listener '${args.name}' serves plain HTTP. Fix: use protocol "HTTPS" with a certificateArn, or make ` +
                `its only default action {type: "redirect", redirect: {protocol: "HTTPS", port: "443", statusCode: "HTTP_301"}}.`);
        }
    },
};
