import { ResourceValidationPolicy } from "@pulumi/policy";

// FSBP SQS.1 "Amazon SQS queues should be encrypted at rest".
// https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-1
export const sqsEncryption: ResourceValidationPolicy = {
    name: "sqs-encryption",
    description: "[SQS.1] Every SQS queue is encrypted at rest (kmsMasterKeyId, or sqsManagedSseEnabled not false).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:sqs/queue:Queue") {
            return;
        }
        // Since 2022 new queues default to SSE-SQS; an explicit false turns it off.
        // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
        if (!args.props.kmsMasterKeyId && args.props.sqsManagedSseEnabled === false) {
            reportViolation(`Queue '${args.name}' is not encrypted at rest. Fix: set kmsMasterKeyId to the platform key ` +
                `(or leave sqsManagedSseEnabled true).`);
        }
    },
};
