package jp.twozeroseven.infra.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An IAM policy document; {@link #toJson()} renders the JSON that IAM, S3 and the Pulumi AWS provider take. */
public record PolicyDocument(List<Statement> statements) {

    public static final String VERSION = "2012-10-17";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public PolicyDocument {
        statements = List.copyOf(statements == null ? List.of() : statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("IAM policy document has no statements");
        }
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    public ObjectNode toJsonNode() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Version", VERSION);
        ArrayNode array = root.putArray("Statement");
        for (Statement statement : statements) {
            array.add(statementNode(statement));
        }
        return root;
    }

    public String toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render IAM policy JSON", e);
        }
    }

    private static ObjectNode statementNode(Statement statement) {
        ObjectNode node = MAPPER.createObjectNode();
        if (statement.sid() != null && !statement.sid().isBlank()) {
            node.put("Sid", statement.sid());
        }
        node.put("Effect", statement.effect().jsonValue());
        if (!statement.principals().isEmpty()) {
            node.set("Principal", principalNode(statement.principals()));
        }
        ArrayNode actions = node.putArray("Action");
        statement.actions().forEach(actions::add);
        if (!statement.resources().isEmpty()) {
            ArrayNode resources = node.putArray("Resource");
            statement.resources().forEach(resources::add);
        }
        if (!statement.conditions().isEmpty()) {
            node.set("Condition", conditionNode(statement.conditions()));
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode principalNode(List<Principal> principals) {
        if (principals.stream().anyMatch(Principal::isAnyone)) {
            if (principals.size() > 1) {
                throw new IllegalArgumentException("IAM principal '*' cannot be combined with other principals");
            }
            return MAPPER.getNodeFactory().textNode("*");
        }
        ObjectNode node = MAPPER.createObjectNode();
        for (Principal principal : principals) {
            ArrayNode ids = node.has(principal.type()) ? (ArrayNode) node.get(principal.type()) : node.putArray(principal.type());
            principal.identifiers().forEach(ids::add);
        }
        return node;
    }

    private static ObjectNode conditionNode(List<Condition> conditions) {
        Map<String, ObjectNode> byOperator = new LinkedHashMap<>();
        ObjectNode node = MAPPER.createObjectNode();
        for (Condition condition : conditions) {
            ObjectNode operatorNode = byOperator.computeIfAbsent(condition.operator(), node::putObject);
            if (operatorNode.has(condition.key())) {
                throw new IllegalArgumentException("IAM condition " + condition.operator() + " " + condition.key()
                        + " is given twice; put all its values in one Condition");
            }
            if (condition.values().size() == 1) {
                operatorNode.put(condition.key(), condition.values().get(0));
            } else {
                ArrayNode values = operatorNode.putArray(condition.key());
                condition.values().forEach(values::add);
            }
        }
        return node;
    }
}
