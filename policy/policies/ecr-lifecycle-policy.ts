import { StackValidationPolicy } from "@pulumi/policy";
import { isLinkedTo, label } from "../lib/links";

// FSBP ECR.3 "ECR repositories should have at least one lifecycle policy configured".
// https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-3
export const ecrLifecyclePolicy: StackValidationPolicy = {
    name: "ecr-lifecycle-policy",
    description: "[ECR.3] Every ECR repository has a lifecycle policy (aws.ecr.LifecyclePolicy).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const repo of args.resources.filter(r => r.type === "aws:ecr/repository:Repository")) {
            const has = args.resources.some(l => l.type === "aws:ecr/lifecyclePolicy:LifecyclePolicy" && isLinkedTo(l, "repository", repo, ["name"]));
            if (!has) {
                reportViolation(`${label(repo)} has no lifecycle policy. Fix: add an aws.ecr.LifecyclePolicy with repository=<its name> ` +
                    `that expires untagged images and keeps the last N release images.`, repo.urn);
            }
        }
    },
};
