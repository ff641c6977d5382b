import { ResourceValidationPolicy } from "@pulumi/policy";

export const kmsKeyRotation: ResourceValidationPolicy = {
    name: "kms-key-rotation",
    description: "[KMS.4] Symmetric KMS keys have automatic rotation enabled.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:kms/key:Key") {
            return;
        }
        const spec = args.props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec === "SYMMETRIC_DEFAULT" && args.props.enableKeyRotation !== true) {
            reportViolation(`KMS key '${args.name}' is never rotated. Fix: set enableKeyRotation true (rotationPeriodInDays defaults to 365).`);
        }
    },
};
