package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.support.JsonTexts;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every image a task starts comes from the stack's own ECR registry. Docker Hub refuses unauthenticated clients
 * after 10 pulls per hour per IPv4 address, and the Fargate tasks reach it through the stack's one to three NAT
 * addresses with two sidecar pulls per task start: the morning scale-out or a blue/green deploy would hit 429s.
 * So each image names a repository this stack creates with immutable tags (a tag is then one image for good), by
 * tag or digest, and the task's execution role may pull from it.
 */
public final class TaskImagesFromOwnRegistry extends AwsRule {

    static final List<String> PULL_ACTIONS = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");

    public TaskImagesFromOwnRegistry() {
        super("task-images-from-own-registry",
                "Docker Hub allows unauthenticated clients 10 pulls per hour per IPv4 address, and Fargate tasks pull "
                        + "through the NAT addresses; a task pulling from a private ECR repository needs an execution "
                        + "role allowed ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on it, and an IMMUTABLE "
                        + "repository refuses to move a tag to another image.",
                "https://docs.docker.com/docker-hub/usage/",
                "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
                "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        Pattern own = Pattern.compile(Pattern.quote(settings.accountId() + ".dkr.ecr." + settings.region()
                + ".amazonaws.com/") + "([a-z0-9._/-]+)(:[A-Za-z0-9_.-]+|@sha256:[0-9a-f]{64})");
        Set<String> immutable = new HashSet<>();
        for (SynthesizedResource repo : stack.ofType("aws:ecr/repository:Repository")) {
            if ("IMMUTABLE".equals(repo.inputs().path("imageTagMutability").asText())) {
                immutable.add(repo.inputs().path("name").asText());
            }
        }
        List<String> problems = new ArrayList<>();
        for (SynthesizedResource task : stack.ofType("aws:ecs/taskDefinition:TaskDefinition")) {
            JsonNode containers = task.inputs().path("containerDefinitions");
            if (!containers.isTextual()) {
                continue; // unknown in a first preview
            }
            Set<String> pullable = pullableRepositories(stack, task.inputs().path("executionRoleArn").asText());
            for (JsonNode container : Json.parse(containers)) {
                String image = container.path("image").asText();
                String where = task.name() + " container " + container.path("name").asText() + " (" + image + ")";
                Matcher m = own.matcher(image);
                if (!m.matches()) {
                    problems.add(where + ": not a repository:tag or repository@digest in this stack's registry "
                            + settings.accountId() + ".dkr.ecr." + settings.region() + ".amazonaws.com");
                    continue;
                }
                String repository = m.group(1);
                if (!immutable.contains(repository)) {
                    problems.add(where + ": repository " + repository + " is not one this stack creates with IMMUTABLE tags");
                }
                String arn = "arn:aws:ecr:" + settings.region() + ":" + settings.accountId() + ":repository/" + repository;
                if (!pullable.contains(arn)) {
                    problems.add(where + ": the execution role may not pull from " + arn);
                }
            }
        }
        return problems;
    }

    /** Repository ARNs the role's inline policies allow both pull actions on. */
    private static Set<String> pullableRepositories(SynthResult stack, String executionRoleArn) {
        String roleName = executionRoleArn.substring(executionRoleArn.lastIndexOf('/') + 1);
        Set<String> arns = new HashSet<>();
        for (SynthesizedResource policy : stack.ofType("aws:iam/rolePolicy:RolePolicy")) {
            if (!policy.inputs().path("role").asText().equals(roleName) || !policy.inputs().path("policy").isTextual()) {
                continue;
            }
            for (JsonNode statement : Json.parse(policy.inputs().path("policy")).path("Statement")) {
                if ("Allow".equals(statement.path("Effect").asText())
                        && JsonTexts.of(statement.path("Action")).containsAll(PULL_ACTIONS)) {
                    arns.addAll(JsonTexts.of(statement.path("Resource")));
                }
            }
        }
        return arns;
    }
}
