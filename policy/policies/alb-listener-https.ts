import { StackValidationPolicy } from "@pulumi/policy";
import { label } from "../lib/links";
import { LISTENER_TYPES, propsOf, rulesOfListener } from "../lib/elb";
import { asArray } from "../lib/props";
import { isUnknown, Undecided } from "../lib/preview";

function redirectsToHttps(action: any): boolean {
    return action?.type === "redirect" && action.redirect?.protocol === "HTTPS";
}

/** Serves content over plain HTTP: forwards, authenticates or answers instead of redirecting to HTTPS. */
const serves = (action: any) => !redirectsToHttps(action);

// The listener's default actions are only the traffic no rule matches: a rule on an HTTP listener that forwards
// (aws:lb/listenerRule `actions`) serves plain HTTP just the same.
export const albListenerHttps: StackValidationPolicy = {
    name: "alb-listener-https",
    description: "[ELB.1] ALB listeners serve HTTPS; an HTTP listener and every rule on it may only redirect to HTTPS.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const undecided = new Undecided();
        for (const listener of args.resources.filter(r => LISTENER_TYPES.includes(r.type))) {
            const p = propsOf(listener);
            if (isUnknown(p.protocol)) {
                undecided.add(`protocol of ${label(listener)}`);
                continue;
            }
            if ((p.protocol ?? "HTTP") !== "HTTP") {
                continue;
            }
            const actions = asArray<any>(p.defaultActions);
            if (actions.length === 0 || actions.some(serves)) {
                reportViolation(`Listener '${listener.name}' serves plain HTTP. Fix: use protocol "HTTPS" with a certificateArn, or make ` +
                    `its only default action {type: "redirect", redirect: {protocol: "HTTPS", port: "443", statusCode: "HTTP_301"}}.`, listener.urn);
            }
            for (const rule of rulesOfListener(listener, args.resources)) {
                if (asArray<any>(propsOf(rule).actions).some(serves)) {
                    reportViolation(`${label(rule)} on the plain-HTTP listener '${listener.name}' serves content over HTTP. ` +
                        `Fix: attach the rule to the HTTPS listener (listenerArn), or make its action a redirect to HTTPS.`, rule.urn);
                }
            }
        }
        undecided.finish();
    },
};
