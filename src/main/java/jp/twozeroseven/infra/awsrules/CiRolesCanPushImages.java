package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.support.JsonTexts;
import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.platform.deploy.DeployPolicies;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A CI role that deploys a service also builds and pushes its image (docs/blue-green.md), so it may log in to
 * ECR and push to that service's repository, and to no other.
 */
public final class CiRolesCanPushImages implements AwsRule {

    @Override
    public String id() {
        return "ci-roles-can-push-images";
    }

    @Override
    public String requirement() {
        return "docker push to ECR needs ecr:GetAuthorizationToken (Resource \"*\") and BatchCheckLayerAvailability, "
                + "InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload and PutImage on the repository.";
    }

    @Override
    public String source() {
        return "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html";
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<String> problems = new ArrayList<>();
        for (SynthesizedResource policy : stack.ofType("aws:iam/rolePolicy:RolePolicy")) {
            if (!policy.name().endsWith("-ci-deploy")) {
                continue;
            }
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
                    problems.add(policy.urn() + ": may push to another service's repository");
                }
            }
            if (!login || !onRepository.containsAll(DeployPolicies.PUSH_ACTIONS)) {
                problems.add(policy.urn() + ": cannot push the " + service + " image to " + repository);
            }
        }
        return problems;
    }

}
