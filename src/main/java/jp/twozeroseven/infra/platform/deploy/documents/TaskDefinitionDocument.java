package jp.twozeroseven.infra.platform.deploy.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.platform.containers.ContainerDefinitions;
import jp.twozeroseven.infra.platform.containers.GeneratedContainers;
import jp.twozeroseven.infra.platform.containers.ImageRef;

/**
 * The {@code taskdef.json} that a CodeDeploy ECS blue/green deployment registers. Its containers come from the
 * same generator as the Pulumi-managed task definition, so a deploy can never drift from what Pulumi created
 * (sidecars, secrets, read-only root) except in the image.
 */
public final class TaskDefinitionDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TaskDefinitionDocument() {
    }

    public static ObjectNode render(TaskDefinitionSpec spec) {
        GeneratedContainers containers = ContainerDefinitions.generate(spec.task().withAppImage(ImageRef.codeDeployPlaceholder()));
        ObjectNode root = MAPPER.createObjectNode();
        root.put("family", spec.family());
        root.put("executionRoleArn", spec.executionRoleArn());
        root.put("taskRoleArn", spec.taskRoleArn());
        root.put("networkMode", "awsvpc");
        root.putArray("requiresCompatibilities").add("FARGATE");
        // ECS's RegisterTaskDefinition takes task-level cpu/memory as strings.
        root.put("cpu", Integer.toString(spec.task().size().cpu()));
        root.put("memory", Integer.toString(spec.task().size().memoryMiB()));
        ObjectNode platform = root.putObject("runtimePlatform");
        platform.put("cpuArchitecture", spec.cpuArchitecture().name());
        platform.put("operatingSystemFamily", "LINUX");
        ArrayNode volumes = root.putArray("volumes");
        containers.volumeNames().forEach(name -> volumes.addObject().put("name", name));
        root.set("containerDefinitions", containers.containerDefinitions());
        ArrayNode tags = root.putArray("tags");
        spec.task().tags().forEach((key, value) -> tags.addObject().put("key", key).put("value", value));
        return root;
    }

    /** The document as the deploy reads it: Jackson's default pretty printing of {@link #render}. */
    public static String renderJson(TaskDefinitionSpec spec) {
        return render(spec).toPrettyString();
    }
}
