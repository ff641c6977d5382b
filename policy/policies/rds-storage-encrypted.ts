import { ResourceValidationPolicy } from "@pulumi/policy";

export const rdsStorageEncrypted: ResourceValidationPolicy = {
    name: "rds-storage-encrypted",
    description: "[RDS.27] Aurora/RDS clusters and standalone RDS instances encrypt storage at rest.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const standaloneInstance = args.type === "aws:rds/instance:Instance" && !args.props.replicateSourceDb;
        if (args.type !== "aws:rds/cluster:Cluster" && !standaloneInstance) {
            return;
        }
        if (args.props.storageEncrypted !== true) {
            reportViolation(`'${args.name}' stores data unencrypted. Fix: set storageEncrypted true and kmsKeyId to a ` +
                `customer managed key (existing databases need a snapshot restore to encrypt).`);
        }
    },
};
