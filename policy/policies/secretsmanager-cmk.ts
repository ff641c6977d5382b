import { ResourceValidationPolicy } from "@pulumi/policy";

export const secretsmanagerCmk: ResourceValidationPolicy = {
    name: "secretsmanager-cmk",
    description: "Secrets Manager secrets are encrypted with a customer managed KMS key (kmsKeyId), so key policy controls who can read them.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:secretsmanager/secret:Secret") {
            return;
        }
        if (!args.props.kmsKeyId) {
            reportViolation(`Secret '${args.name}' uses the AWS managed key. Fix: set kmsKeyId to the platform's customer managed key ARN.`);
        }
    },
};
