import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isLinkedTo, label } from "../lib/links";
import { safeGet, tagsAsMap } from "../lib/props";
import {
    IngressRule, inlineIngressRules, isPublicWebPort, opensToInternet, PUBLIC_LB_TAG, SECURITY_GROUP, standaloneIngressRule,
} from "../lib/security-groups";

function isPublicLoadBalancerGroup(group: PolicyResource | undefined): boolean {
    return group !== undefined && tagsAsMap(safeGet(group.props, "tags"))[PUBLIC_LB_TAG.key] === PUBLIC_LB_TAG.value;
}

function allowed(rule: IngressRule, group: PolicyResource | undefined): boolean {
    return !opensToInternet(rule) || (isPublicWebPort(rule) && isPublicLoadBalancerGroup(group));
}

const FIX = `Fix: allow a security group (referencedSecurityGroupId / sourceSecurityGroupId) or a private CIDR instead; ` +
    `only the public ALB's group, tagged ${PUBLIC_LB_TAG.key}=${PUBLIC_LB_TAG.value}, may open tcp 80/443 to the internet.`;

export const sgNoPublicIngress: StackValidationPolicy = {
    name: "sg-no-public-ingress",
    description: "[EC2.18][EC2.19] No security group ingress from 0.0.0.0/0 or ::/0, except tcp 80/443 on the group tagged Exposure=public-alb.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const groups = args.resources.filter(r => r.type === SECURITY_GROUP);
        for (const group of groups) {
            for (const rule of inlineIngressRules(group.props).filter(r => !allowed(r, group))) {
                reportViolation(`${label(group)} ${rule.where} opens ${rule.protocol} ${rule.fromPort}-${rule.toPort} to the internet. ${FIX}`, group.urn);
            }
        }
        for (const resource of args.resources) {
            const rule = standaloneIngressRule(resource.type, resource.props);
            if (rule === undefined) {
                continue;
            }
            const group = groups.find(g => isLinkedTo(resource, "securityGroupId", g, ["name"]));
            if (!allowed(rule, group)) {
                reportViolation(`${label(resource)} opens ${rule.protocol} ${rule.fromPort}-${rule.toPort} to the internet ` +
                    `on ${group ? label(group) : "a group outside this stack"}. ${FIX}`, resource.urn);
            }
        }
    },
};
