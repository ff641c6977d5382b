import { ResourceValidationPolicy } from "@pulumi/policy";
import { allowStatements, permissionDocuments } from "../lib/iam";
import { asArray } from "../lib/props";

interface Config {
    forbiddenServices?: string[];
}

const DEFAULT_SERVICES = ["iam", "kms", "s3", "secretsmanager", "sts", "ecs", "rds", "ec2"];

export const iamNoServiceWildcardActions: ResourceValidationPolicy = {
    name: "iam-no-service-wildcard-actions",
    description: "[IAM.21] IAM policies do not grant whole-service wildcards such as iam:*, kms:*, s3:*, secretsmanager:*.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            forbiddenServices: { type: "array", items: { type: "string" }, default: DEFAULT_SERVICES,
                description: "Service prefixes whose `<service>:*` action is refused." },
        },
    },
    validateResource: (args, reportViolation) => {
        const services = args.getConfig<Config>().forbiddenServices ?? DEFAULT_SERVICES;
        for (const { where, document } of permissionDocuments(args.type, args.props)) {
            for (const statement of allowStatements(document)) {
                const wildcards = asArray<string>(statement.Action)
                    .filter(a => typeof a === "string" && services.some(s => a.toLowerCase() === `${s}:*`));
                if (wildcards.length > 0) {
                    reportViolation(`${where} of '${args.name}' allows ${wildcards.join(", ")}. ` +
                        `Fix: replace each with the specific actions needed (e.g. s3:GetObject, s3:PutObject).`);
                }
            }
        }
    },
};
