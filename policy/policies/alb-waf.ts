import { StackValidationPolicy } from "@pulumi/policy";
import { isApplicationLoadBalancer, propsOf } from "../lib/elb";
import { label } from "../lib/links";
import { isUnknown, Undecided } from "../lib/preview";

const ASSOCIATIONS = ["aws:wafv2/webAclAssociation:WebAclAssociation", "aws:wafregional/webAclAssociation:WebAclAssociation"];

// FSBP ELB.16 "Application Load Balancers should be associated with an AWS WAF web ACL".
// https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-16
export const albWaf: StackValidationPolicy = {
    name: "alb-waf",
    description: "[ELB.16] Every internet-facing application load balancer is associated with an AWS WAF web ACL (aws.wafv2.WebAclAssociation).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const undecided = new Undecided();
        const associations = args.resources.filter(a => ASSOCIATIONS.includes(a.type));
        // In a first preview resourceArn is the load balancer's ARN, unknown; without a property dependency nothing
        // says which load balancer such an association is for.
        const unlinked = associations.filter(a => isUnknown(propsOf(a).resourceArn)
            && (a.propertyDependencies?.resourceArn ?? []).length === 0);
        for (const lb of args.resources.filter(r => isApplicationLoadBalancer(r.type, propsOf(r)) && propsOf(r).internal !== true)) {
            const associated = associations.some(a => (a.propertyDependencies?.resourceArn ?? []).some(d => d.urn === lb.urn));
            if (associated) {
                continue;
            }
            if (unlinked.length > 0) {
                undecided.add(`WAF association of ${label(lb)} (resourceArn of ${unlinked.map(label).join(", ")})`);
                continue;
            }
            reportViolation(`${label(lb)} has no WAF web ACL. Fix: add an aws.wafv2.WebAcl (scope REGIONAL) and an ` +
                `aws.wafv2.WebAclAssociation with resourceArn=<this load balancer's arn>.`, lb.urn);
        }
        undecided.finish();
    },
};
