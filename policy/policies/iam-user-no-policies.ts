import { ResourceValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/props";

// FSBP IAM.2 "IAM users should not have IAM policies attached": permissions go to groups or roles.
// https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2
export const iamUserNoPolicies: ResourceValidationPolicy = {
    name: "iam-user-no-policies",
    description: "[IAM.2] No IAM policy is attached to an IAM user directly (UserPolicy, UserPolicyAttachment, PolicyAttachment users); users get permissions through groups.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const fix = "Fix: attach the policy to a group (GroupPolicyAttachment) and add the user to it (UserGroupMembership), or use a role.";
        if (args.type === "aws:iam/userPolicy:UserPolicy" || args.type === "aws:iam/userPolicyAttachment:UserPolicyAttachment") {
            reportViolation(`'${args.name}' attaches a policy to IAM user directly. ${fix}`);
        } else if (args.type === "aws:iam/policyAttachment:PolicyAttachment" && asArray(args.props.users).length > 0) {
            reportViolation(`PolicyAttachment '${args.name}' attaches a policy to IAM users ${JSON.stringify(args.props.users)}. ${fix}`);
        }
    },
};
