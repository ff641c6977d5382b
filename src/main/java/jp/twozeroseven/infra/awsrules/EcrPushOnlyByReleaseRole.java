package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.platform.deploy.DeployPolicies;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;

/**
 * Who can put code into a stack: where a service has a release role (codedeploy mode: its GitHub OIDC role, bound
 * to the stack's GitHub environment), its ECR repository denies every push by anyone else, so an outside IAM
 * policy that allows ecr:PutImage cannot start a deploy. (Pipeline-mode stacks have no release role yet; see the
 * README.)
 */
public final class EcrPushOnlyByReleaseRole implements AwsRule {

    @Override
    public String id() {
        return "ecr-push-only-by-release-role";
    }

    @Override
    public String requirement() {
        return "An explicit Deny in a resource-based policy overrides any Allow; for role sessions aws:PrincipalArn is "
                + "the role's ARN, so Deny push unless ArnEquals the release role limits pushes to that role.";
    }

    @Override
    public String source() {
        return "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html; "
                + "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn";
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        for (SynthesizedResource role : stack.ofType("aws:iam/role:Role")) {
            if (!role.name().endsWith("-ci-deploy")) {
                continue;
            }
            String service = role.name().replaceFirst("-ci-deploy$", "");
            String roleArn = "arn:aws:iam::" + settings.accountId() + ":role/" + role.name();
            boolean guarded = stack.ofType("aws:ecr/repositoryPolicy:RepositoryPolicy").stream()
                    .filter(p -> p.inputs().path("repository").asText().equals(service))
                    .anyMatch(p -> denies(Json.parse(p.inputs().path("policy")), roleArn));
            if (!guarded) {
                problems.add("repository " + service + ": others than " + role.name() + " may push to it");
            }
        }
        return problems;
    }

    private static boolean denies(JsonNode policy, String roleArn) {
        for (JsonNode st : policy.path("Statement")) {
            List<String> actions = new ArrayList<>();
            st.path("Action").forEach(a -> actions.add(a.asText()));
            if ("Deny".equals(st.path("Effect").asText()) && actions.containsAll(DeployPolicies.PUSH_ACTIONS)
                    && st.path("Principal").toString().contains("*")
                    && st.path("Condition").path("ArnNotEquals").path("aws:PrincipalArn").toString().contains(roleArn)) {
                return true;
            }
        }
        return false;
    }
}
