import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";
import { EGRESS_RULE, INGRESS_RULE, LEGACY_RULE, SECURITY_GROUP } from "../lib/security-groups";

export const sgRuleDescriptions: ResourceValidationPolicy = {
    name: "sg-rule-descriptions",
    description: "Every security group rule (inline or standalone) has a description saying why it exists.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const missing: string[] = [];
        if (args.type === SECURITY_GROUP) {
            for (const kind of ["ingress", "egress"]) {
                asArray<any>(args.props[kind]).forEach((rule, i) => {
                    if (!rule?.description) {
                        missing.push(`${kind}[${i}]`);
                    }
                });
            }
        } else if ([INGRESS_RULE, EGRESS_RULE, LEGACY_RULE].includes(args.type) && !args.props.description) {
            missing.push("the rule");
        }
        if (missing.length > 0) {
            reportViolation(`'${args.name}': ${missing.join(", ")} without description. Fix: set description to who/what ` +
                `the rule lets in or out (e.g. "ALB to Rails API on 3000").`);
        }
    },
};
