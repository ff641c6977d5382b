import { StackValidationPolicy } from "@pulumi/policy";
import { keyVerdict } from "../lib/kms";
import { label } from "../lib/links";
import { Undecided } from "../lib/preview";

interface Config { customerKeys?: string[] }

export const secretsmanagerCmk: StackValidationPolicy = {
    name: "secretsmanager-cmk",
    description: "Secrets Manager secrets are encrypted with a customer managed KMS key (a key of this stack or one named in customerKeys; never alias/aws/*), so key policy controls who can read them.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            customerKeys: { type: "array", items: { type: "string" }, default: [],
                description: "ARNs of customer managed keys outside this stack that secrets may use." },
        },
    },
    validateStack: (args, reportViolation) => {
        const customerKeys = args.getConfig<Config>().customerKeys ?? [];
        const undecided = new Undecided();
        for (const secret of args.resources.filter(r => r.type === "aws:secretsmanager/secret:Secret")) {
            const verdict = keyVerdict(secret, "kmsKeyId", customerKeys);
            const fix = "Fix: set kmsKeyId to the platform's customer managed key (the aws.kms.Key of this stack), or list the key's ARN in this policy's customerKeys config.";
            if (verdict === "unknown") {
                undecided.add(`kmsKeyId of ${label(secret)}`);
            } else if (verdict === "none" || verdict === "aws-managed") {
                reportViolation(`Secret '${secret.name}' uses the AWS managed key${verdict === "aws-managed" ? " (alias/aws/...)" : ""}. ${fix}`, secret.urn);
            } else if (verdict === "foreign") {
                reportViolation(`Secret '${secret.name}' uses a key that is neither a key of this stack nor a listed customer key. ${fix}`, secret.urn);
            }
        }
        undecided.finish();
    },
};
