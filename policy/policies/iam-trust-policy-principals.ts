import { ResourceValidationPolicy } from "@pulumi/policy";
import { allowStatements } from "../lib/iam";
import { asArray, parseJsonInput } from "../lib/props";

function trustsEveryone(principal: any): boolean {
    if (principal === "*") {
        return true;
    }
    return principal !== undefined && principal !== null &&
        Object.values(principal).some(value => asArray(value as any).includes("*"));
}

export const iamTrustPolicyPrincipals: ResourceValidationPolicy = {
    name: "iam-trust-policy-principals",
    description: "IAM role trust policies do not trust \"*\", and Federated (OIDC/SAML) principals carry a Condition.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:iam/role:Role") {
            return;
        }
        const document = parseJsonInput(args.props.assumeRolePolicy);
        for (const statement of allowStatements(document)) {
            if (trustsEveryone(statement.Principal)) {
                reportViolation(`Role '${args.name}' can be assumed by any principal ("*"). Fix: name the service ` +
                    `(e.g. {"Service":"ecs-tasks.amazonaws.com"}) or account ARN that may assume it.`);
            }
            if (statement.Principal?.Federated && !statement.Condition) {
                reportViolation(`Role '${args.name}' trusts Federated principal ${JSON.stringify(statement.Principal.Federated)} ` +
                    `without a Condition, so any identity of that provider may assume it. Fix: add a Condition such as ` +
                    `{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:<org>/<repo>:ref:refs/heads/main"}}.`);
            }
        }
    },
};
