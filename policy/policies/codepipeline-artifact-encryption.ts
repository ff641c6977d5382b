import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

export const codepipelineArtifactEncryption: ResourceValidationPolicy = {
    name: "codepipeline-artifact-encryption",
    description: "CodePipeline artifact stores are encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:codepipeline/pipeline:Pipeline") {
            return;
        }
        const stores = asArray<any>(args.props.artifactStores);
        if (stores.length === 0 || stores.some(s => s?.encryptionKey?.type !== "KMS" || !s?.encryptionKey?.id)) {
            reportViolation(`Pipeline '${args.name}' stores artifacts without its own KMS key. ` +
                `Fix: set artifactStores[].encryptionKey {type: "KMS", id: <customer-managed key ARN>}.`);
        }
    },
};
