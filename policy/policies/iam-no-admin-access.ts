import { ResourceValidationPolicy } from "@pulumi/policy";
import { allowStatements, permissionDocuments } from "../lib/iam";
import { asArray } from "../lib/props";

export const iamNoAdminAccess: ResourceValidationPolicy = {
    name: "iam-no-admin-access",
    description: "[IAM.1] IAM policies do not allow \"*\" (or \"*:*\") actions on \"*\" resources.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        for (const { where, document } of permissionDocuments(args.type, args.props)) {
            for (const statement of allowStatements(document)) {
                const actions = asArray<string>(statement.Action);
                const resources = asArray<string>(statement.Resource);
                if (actions.some(a => a === "*" || a === "*:*") && resources.includes("*")) {
                    reportViolation(`${where} of '${args.name}' grants full administrator access (Action "*" on Resource "*"). ` +
                        `Fix: list the specific actions and resource ARNs the workload needs.`);
                }
            }
        }
    },
};
