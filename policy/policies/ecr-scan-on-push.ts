import { ResourceValidationPolicy } from "@pulumi/policy";

export const ecrScanOnPush: ResourceValidationPolicy = {
    name: "ecr-scan-on-push",
    description: "[ECR.1] ECR repositories scan images on push.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ecr/repository:Repository") {
            return;
        }
        if (args.props.imageScanningConfiguration?.scanOnPush !== true) {
            reportViolation(`Repository '${args.name}' does not scan pushed images. Fix: set imageScanningConfiguration {scanOnPush: true}.`);
        }
    },
};
