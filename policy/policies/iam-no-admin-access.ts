import { ResourceValidationPolicy } from "@pulumi/policy";
import { Undecided } from "../lib/preview";
import { allowStatements, allowsAllActions, attachedPolicyArns, awsManagedEffect, coversAllResources, permissionDocuments } from "../lib/iam";

export const iamNoAdminAccess: ResourceValidationPolicy = {
    name: "iam-no-admin-access",
    description: "[IAM.1] No IAM policy or attachment grants full administrator access: Action \"*\" (or NotAction) on Resource \"*\" (or NotResource), or the AWS managed AdministratorAccess, PowerUserAccess or IAMFullAccess.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const undecided = new Undecided();
        for (const { where, document, unknown } of permissionDocuments(args.type, args.props)) {
            if (unknown) {
                undecided.add(`${where} of '${args.name}'`);
            }
            for (const statement of allowStatements(document)) {
                if (allowsAllActions(statement) && coversAllResources(statement)) {
                    const how = statement.NotAction !== undefined ? `NotAction ${JSON.stringify(statement.NotAction)}` : `Action "*"`;
                    reportViolation(`${where} of '${args.name}' grants full administrator access (${how} on every resource). ` +
                        `Fix: list the specific actions and resource ARNs the workload needs.`);
                }
            }
        }
        for (const { where, arn } of attachedPolicyArns(args.type, args.props)) {
            const effect = awsManagedEffect(arn);
            if (effect) {
                reportViolation(`${where} of '${args.name}' attaches ${arn} (${effect} access). ` +
                    `Fix: attach a customer managed policy with the specific actions and resource ARNs the workload needs.`);
            }
        }
        undecided.finish();
    },
};
