package jp.twozeroseven.infra.platform.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The EventBridge side of the pipeline trigger. ECR tags are IMMUTABLE, so every release has a new tag: the rule
 * matches the tag prefix, and the target hands the pushed image digest to the pipeline as a source revision
 * override, so the pipeline deploys exactly the image that was pushed (not whatever its ECR action's tag names).
 */
public final class ReleaseEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DIGEST_VARIABLE = "digest";

    private ReleaseEvents() {
    }

    public static String ecrPushPattern(String repositoryName, String releaseTagPrefix) {
        ObjectNode pattern = JSON.createObjectNode();
        pattern.putArray("source").add("aws.ecr");
        pattern.putArray("detail-type").add("ECR Image Action");
        ObjectNode detail = pattern.putObject("detail");
        detail.putArray("action-type").add("PUSH");
        detail.putArray("result").add("SUCCESS");
        detail.putArray("repository-name").add(repositoryName);
        detail.putArray("image-tag").addObject().put("prefix", releaseTagPrefix);
        return pattern.toString();
    }

    public static Map<String, String> inputPaths() {
        return Map.of(DIGEST_VARIABLE, "$.detail.image-digest");
    }

    /** StartPipelineExecution input: the image source action runs at the pushed digest. */
    public static String sourceOverrideTemplate(String imageSourceAction) {
        ObjectNode input = JSON.createObjectNode();
        input.putArray("sourceRevisions").addObject()
                .put("actionName", imageSourceAction)
                .put("revisionType", "IMAGE_DIGEST")
                .put("revisionValue", "<" + DIGEST_VARIABLE + ">");
        return input.toString();
    }
}
