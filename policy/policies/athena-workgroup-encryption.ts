import { ResourceValidationPolicy } from "@pulumi/policy";

export const athenaWorkgroupEncryption: ResourceValidationPolicy = {
    name: "athena-workgroup-encryption",
    description: "Athena workgroups enforce their configuration on clients and encrypt query results.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:athena/workgroup:Workgroup") {
            return;
        }
        const configuration = args.props.configuration ?? {};
        // The provider's default for enforceWorkgroupConfiguration is true; only an explicit false overrides it.
        if (configuration.enforceWorkgroupConfiguration === false) {
            reportViolation(`Workgroup '${args.name}' lets clients override its settings (e.g. write unencrypted results elsewhere). ` +
                `Fix: set configuration.enforceWorkgroupConfiguration true.`);
        }
        if (!configuration.resultConfiguration?.encryptionConfiguration?.encryptionOption) {
            reportViolation(`Workgroup '${args.name}' stores query results unencrypted. Fix: set configuration.resultConfiguration.` +
                `encryptionConfiguration {encryptionOption: "SSE_KMS", kmsKeyArn: <key arn>}.`);
        }
    },
};
