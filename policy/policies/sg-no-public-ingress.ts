import { StackValidationPolicy } from "@pulumi/policy";
import { exemptionFor, ExemptionConfig, exemptionsSchema } from "../lib/exemptions";
import { label } from "../lib/links";
import { Undecided } from "../lib/preview";
import { isPublicWebPort, opensToInternet, Rule, rulesOf } from "../lib/security-groups";

// The one exception (the internet-facing ALB's group) is named by URN in the stack's policy config, never by a tag:
// a tag is set by whoever edits the group, while the config is reviewed as policy. Even an exempt group may open
// only tcp 80/443.
function allowed(rule: Rule, config: ExemptionConfig): boolean {
    const exempt = [rule.resource.urn, rule.group?.urn].some(urn => urn !== undefined && exemptionFor(urn, config));
    return !opensToInternet(rule) || (isPublicWebPort(rule) && exempt);
}

const FIX = `Fix: allow a security group (referencedSecurityGroupId / sourceSecurityGroupId) or a private CIDR instead; ` +
    `only a group exempted by URN in this policy's config ("exemptions": [{"urn", "reason"}]) may open tcp 80/443 to the internet.`;

export const sgNoPublicIngress: StackValidationPolicy = {
    name: "sg-no-public-ingress",
    description: "[EC2.18][EC2.19] No security group ingress from 0.0.0.0/0 or ::/0, except tcp 80/443 on a group exempted by URN in the policy config.",
    enforcementLevel: "mandatory",
    configSchema: { properties: { ...exemptionsSchema } },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<ExemptionConfig>();
        const undecided = new Undecided();
        for (const rule of rulesOf(args.resources).filter(r => r.direction === "ingress")) {
            if (rule.cidrsUnknown) {
                undecided.add(`sources of ${label(rule.resource)} ${rule.where}`);
            }
            if (allowed(rule, config)) {
                continue;
            }
            const on = rule.resource === rule.group ? rule.where : `on ${rule.group ? label(rule.group) : "a group outside this stack"}`;
            reportViolation(`${label(rule.resource)} ${on} opens ${rule.protocol} ${rule.fromPort}-${rule.toPort} to the internet. ${FIX}`,
                rule.resource.urn);
        }
        undecided.finish();
    },
};
