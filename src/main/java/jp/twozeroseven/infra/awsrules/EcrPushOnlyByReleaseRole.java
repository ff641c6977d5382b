package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.data.image.EtlRepository;
import jp.twozeroseven.infra.platform.release.RepositoryGuard;
import jp.twozeroseven.infra.settings.DeployMode;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who can put code into a stack: every ECR repository denies the writes of a push to everyone but its release role
 * (a service's CI deploy role in codedeploy mode, its GitHub OIDC release role bound to the stack's GitHub
 * environment in pipeline mode, Pulumi's deploy role for the ETL image), and the settings that guard it to
 * everyone but the deployer, so an outside IAM policy that allows ecr:PutImage or ecr:SetRepositoryPolicy cannot
 * start a deploy.
 */
public final class EcrPushOnlyByReleaseRole extends AwsRule {

    public EcrPushOnlyByReleaseRole() {
        super("ecr-push-only-by-release-role",
                "An explicit Deny in a resource-based policy overrides any Allow; for role sessions aws:PrincipalArn "
                        + "is the role's ARN, so Deny push unless ArnEquals the release role limits pushes to that "
                        + "role. An ECR repository policy names a Principal and no Resource.",
                "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
                "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html",
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html",
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        String roles = "arn:aws:iam::" + settings.accountId() + ":role/";
        String deployer = settings.dataPipeline().access().deployRoleArn();
        for (SynthesizedResource repository : stack.ofType("aws:ecr/repository:Repository")) {
            String name = repository.inputs().path("name").asText();
            Optional<ServiceSettings> service = settings.services().stream()
                    .filter(s -> name.equals(settings.namePrefix() + "-" + s.name())).findFirst();
            String releaseRole;
            if (service.isPresent()) {
                String suffix = settings.deploy().mode() == DeployMode.PIPELINE ? "-release-push" : "-ci-deploy";
                releaseRole = roles + name + suffix;
                if (settings.deploy().mode() == DeployMode.PIPELINE) {
                    problems.addAll(trustProblems(stack, settings, name + suffix,
                            settings.deploy().githubRepositories().get(service.get().name())));
                }
            } else if (name.equals(settings.namePrefix() + "-" + EtlRepository.IMAGE)) {
                releaseRole = deployer;
            } else {
                releaseRole = null;
            }
            List<JsonNode> guards = stack.ofType("aws:ecr/repositoryPolicy:RepositoryPolicy").stream()
                    .filter(p -> p.inputs().path("repository").asText().equals(name))
                    .map(p -> Json.parse(p.inputs().path("policy"))).toList();
            if (guards.stream().noneMatch(g -> denies(g, RepositoryGuard.IMAGE_WRITES, releaseRole))) {
                problems.add("repository " + name + ": others than " + (releaseRole == null ? "its release role"
                        : releaseRole) + " may push to it");
            }
            if (guards.stream().noneMatch(g -> denies(g, List.of("ecr:SetRepositoryPolicy"), deployer))) {
                problems.add("repository " + name + ": others than " + deployer + " may rewrite its policy");
            }
        }
        return problems;
    }

    /** The release role trusts only its repository's jobs in the GitHub environment named after the stack. */
    private static List<String> trustProblems(SynthResult stack, StackSettings settings, String roleName,
                                              String githubRepository) {
        String subject = "repo:" + githubRepository + ":environment:" + settings.stack();
        Optional<SynthesizedResource> role = stack.ofType("aws:iam/role:Role").stream()
                .filter(r -> r.inputs().path("name").asText().equals(roleName)).findFirst();
        if (role.isEmpty()) {
            return List.of("release role " + roleName + " does not exist");
        }
        JsonNode trust = Json.parse(role.get().inputs().path("assumeRolePolicy"));
        for (JsonNode st : trust.path("Statement")) {
            JsonNode sub = st.path("Condition").path("StringEquals").path("token.actions.githubusercontent.com:sub");
            if (sub.isTextual() ? sub.asText().equals(subject) : sub.size() == 1 && sub.get(0).asText().equals(subject)) {
                return List.of();
            }
        }
        return List.of("release role " + roleName + " is not limited to " + subject);
    }

    private static boolean denies(JsonNode policy, List<String> actions, String exempt) {
        for (JsonNode st : policy.path("Statement")) {
            List<String> listed = new ArrayList<>();
            st.path("Action").forEach(a -> listed.add(a.asText()));
            JsonNode principal = st.path("Principal");
            JsonNode exceptions = st.path("Condition").path("ArnNotEquals").path("aws:PrincipalArn");
            if ("Deny".equals(st.path("Effect").asText()) && listed.containsAll(actions) && st.path("Resource").isMissingNode()
                    && ("*".equals(principal.asText()) || "*".equals(principal.path("AWS").asText()))
                    && (exempt == null ? !exceptions.isMissingNode() : exceptions.toString().contains("\"" + exempt + "\""))) {
                return true;
            }
        }
        return false;
    }
}
