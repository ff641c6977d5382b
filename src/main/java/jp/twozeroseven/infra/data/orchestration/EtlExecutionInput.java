package jp.twozeroseven.infra.data.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The execution input {"tables": [{"name", "runGroup", "incremental", "ephemeralStorageGiB", "catchUpWindow",
 * "taskDefinition"}...]}, e.g. for the EventBridge schedule target. A table exported raw is listed twice, once per
 * zone's task definition; RunTask is allowed on exactly these families. A manual start may add "exportDate" and "mode" (docs/data-pipeline.md).
 */
public final class EtlExecutionInput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EtlExecutionInput() {
    }

    public static String render(List<TableRun> tables) {
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("ETL execution input has no tables");
        }
        Set<String> seen = new HashSet<>();
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("tables");
        for (TableRun table : tables) {
            if (!seen.add(table.name() + "/" + table.taskDefinition())) {
                throw new IllegalArgumentException("table " + table.name() + " is listed twice in the ETL input for "
                        + "task definition " + table.taskDefinition());
            }
            array.addObject().put("name", table.name()).put("runGroup", table.runGroup())
                    .put("incremental", table.incremental()).put("ephemeralStorageGiB", table.ephemeralStorageGiB())
                    .put("catchUpWindow", table.catchUpWindow()).put("taskDefinition", table.taskDefinition());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
