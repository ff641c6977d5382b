import { StackValidationPolicy } from "@pulumi/policy";
import { isApplicationLoadBalancer, propsOf } from "../lib/elb";
import { label } from "../lib/links";

const ASSOCIATIONS = ["aws:wafv2/webAclAssociation:WebAclAssociation", "aws:wafregional/webAclAssociation:WebAclAssociation"];

// FSBP ELB.16 "Application Load Balancers should be associated with an AWS WAF web ACL".
// https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-16
export const albWaf: StackValidationPolicy = {
    name: "alb-waf",
    description: "[ELB.16] Every internet-facing application load balancer is associated with an AWS WAF web ACL (aws.wafv2.WebAclAssociation).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const lb of args.resources.filter(r => isApplicationLoadBalancer(r.type, propsOf(r)) && propsOf(r).internal !== true)) {
            const associated = args.resources.some(a => ASSOCIATIONS.includes(a.type)
                && (a.propertyDependencies?.resourceArn ?? []).some(d => d.urn === lb.urn));
            if (!associated) {
                reportViolation(`${label(lb)} has no WAF web ACL. Fix: add an aws.wafv2.WebAcl (scope REGIONAL) and an ` +
                    `aws.wafv2.WebAclAssociation with resourceArn=<this load balancer's arn>.`, lb.urn);
            }
        }
    },
};
