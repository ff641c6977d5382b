package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.platform.registry.Registries;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The image the Pulumi task definitions name ({@code release-initial}) must survive the repository's lifecycle
 * policy, or recreating a service later fails on a missing image. ECR evaluates rules by priority and an image a
 * rule selects cannot be expired by a lower-priority rule, so the first rule that selects the tag decides.
 */
public final class EcrLifecycleKeepsInitialImage extends AwsRule {

    public EcrLifecycleKeepsInitialImage() {
        super("ecr-lifecycle-keeps-initial-image",
                "An image that matches a lifecycle rule can't be expired by a rule with a lower priority; "
                        + "imageCountMoreThan N keeps the newest N images the rule selects.",
                "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html "
                        + "(Lifecycle policy evaluation rules)");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        String tag = Registries.initialReleaseTag(settings.deploy().releaseTagPrefix());
        return unless(stack.ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy"),
                policy -> keeps(Json.parse(policy.inputs().path("policy")), tag),
                "its lifecycle policy can expire the image tagged " + tag);
    }

    /** Whether the first rule (by priority) that selects {@code tag} keeps its one image. */
    static boolean keeps(JsonNode policy, String tag) {
        List<JsonNode> rules = StreamSupport.stream(policy.path("rules").spliterator(), false)
                .sorted(Comparator.comparingInt(r -> r.path("rulePriority").asInt())).toList();
        for (JsonNode rule : rules) {
            JsonNode selection = rule.path("selection");
            boolean selects = switch (selection.path("tagStatus").asText()) {
                case "any" -> true;
                case "tagged" -> StreamSupport.stream(selection.path("tagPrefixList").spliterator(), false)
                        .anyMatch(p -> tag.startsWith(p.asText()));
                default -> false;
            };
            if (selects) {
                // Immutable tags: one image carries the tag. It is kept only if the rule selects that tag alone
                // (nothing newer can outnumber it) and keeps at least one image.
                boolean onlyThisTag = StreamSupport.stream(selection.path("tagPrefixList").spliterator(), false)
                        .allMatch(p -> p.asText().equals(tag));
                return onlyThisTag && "imageCountMoreThan".equals(selection.path("countType").asText())
                        && selection.path("countNumber").asInt() >= 1;
            }
        }
        return true;
    }
}
