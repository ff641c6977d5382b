import { ResourceValidationPolicy } from "@pulumi/policy";

export const ecrImmutableTags: ResourceValidationPolicy = {
    name: "ecr-immutable-tags",
    description: "[ECR.2] ECR repositories have immutable image tags, so a deployed tag always means the same image.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ecr/repository:Repository") {
            return;
        }
        if (args.props.imageTagMutability !== "IMMUTABLE") {
            reportViolation(`Repository '${args.name}' allows tags to be overwritten. Fix: set imageTagMutability "IMMUTABLE" ` +
                `and tag images with the git commit SHA.`);
        }
    },
};
