package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.support.JsonTexts;
import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.platform.deploy.DeployPolicies;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CI role that deploys a service also builds and pushes its image (docs/blue-green.md), so it may log in to
 * ECR and push to that service's repository, and to no other.
 */
public final class CiRolesCanPushImages extends AwsRule {

    public CiRolesCanPushImages() {
        super("ci-roles-can-push-images",
                "docker push to ECR needs ecr:GetAuthorizationToken (Resource \"*\") and BatchCheckLayerAvailability, "
                        + "InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload and PutImage on the repository.",
                "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<SynthesizedResource> ciPolicies = stack.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().endsWith("-ci-deploy")).toList();
        return each(ciPolicies, (policy, problem) -> {
            String service = policy.name().replaceFirst("-ci-deploy$", "").replaceFirst("^" + settings.namePrefix() + "-", "");
            String repository = "repository/" + settings.namePrefix() + "-" + service;
            Set<String> onRepository = new HashSet<>();
            boolean login = false;
            for (JsonNode statement : Json.parse(policy.inputs().path("policy")).path("Statement")) {
                List<String> actions = JsonTexts.of(statement.path("Action"));
                List<String> resources = JsonTexts.of(statement.path("Resource"));
                if (actions.contains("ecr:GetAuthorizationToken") && resources.contains("*")) {
                    login = true;
                }
                if (resources.stream().anyMatch(r -> r.endsWith(repository))) {
                    onRepository.addAll(actions);
                }
                if (resources.stream().anyMatch(r -> r.contains(":repository/") && !r.endsWith(repository))) {
                    problem.accept("may push to another service's repository");
                }
            }
            if (!login || !onRepository.containsAll(DeployPolicies.PUSH_ACTIONS)) {
                problem.accept("cannot push the " + service + " image to " + repository);
            }
        });
    }

}
