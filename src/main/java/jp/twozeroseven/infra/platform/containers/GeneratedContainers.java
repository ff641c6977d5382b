package jp.twozeroseven.infra.platform.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;

/**
 * The generator's output: the {@code containerDefinitions} array and the task-level volumes the containers mount.
 *
 * @param containerDefinitions the array, as a Jackson tree (a defensive copy is returned by the accessor)
 * @param volumeNames          task-local (bind mount) volumes to declare on the task definition
 * @param appContainerName     the container the load balancer targets
 */
public record GeneratedContainers(ArrayNode containerDefinitions, List<String> volumeNames, String appContainerName) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public GeneratedContainers {
        containerDefinitions = containerDefinitions.deepCopy();
        volumeNames = List.copyOf(volumeNames);
    }

    @Override
    public ArrayNode containerDefinitions() {
        return containerDefinitions.deepCopy();
    }

    /** The string the Pulumi {@code aws.ecs.TaskDefinition} {@code containerDefinitions} input takes. */
    public String containerDefinitionsJson() {
        try {
            return MAPPER.writeValueAsString(containerDefinitions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render container definitions", e);
        }
    }
}
