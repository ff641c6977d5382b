package jp.twozeroseven.infra.data.access;

import jp.twozeroseven.infra.support.JsonTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;

/**
 * Who can start the ETL task definition (and so have the pseudonym key and the database credentials injected):
 * the synthesized identity policies of every role (inline role policies and attached managed policies) evaluated
 * with the IAM User Guide's "Policy evaluation logic" (an explicit Deny wins; otherwise an Allow that matches action,
 * resource and conditions; otherwise implicit deny). Starting it takes two permissions: an action that launches the
 * task definition (ecs:RunTask, StartTask, CreateService, CreateTaskSet) and iam:PassRole on its roles to
 * ecs-tasks.amazonaws.com (Amazon ECS Developer Guide, "Task execution IAM role" / "iam:PassRole").
 */
class EtlTaskReachTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LAUNCHES = List.of("ecs:RunTask", "ecs:StartTask", "ecs:CreateService",
            "ecs:CreateTaskSet");
    /**
     * The AWS managed AmazonAPIGatewayPushToCloudWatchLogs (AWS Managed Policy Reference Guide), attached to the
     * API Gateway account logging role (awsrules/ApiGatewayAccountLoggingRole): CloudWatch Logs only.
     */
    private static final String API_GATEWAY_PUSH_TO_CLOUDWATCH_LOGS = """
            {"Statement": [
              {"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogGroups",
                 "logs:DescribeLogStreams", "logs:PutLogEvents", "logs:GetLogEvents", "logs:FilterLogEvents"],
               "Resource": "*"}]}""";
    /** Every managed policy the stacks attach, modelled; any other fails the test until it is modelled here. */
    private static final Map<String, String> MANAGED = Map.of(
            "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs", API_GATEWAY_PUSH_TO_CLOUDWATCH_LOGS);

    @Test
    void onlyTheStateMachineRunsOrStartsTheEtlTaskWithItsRoles() throws Exception {
        SynthResult prod = SynthedStacks.synth("prod");
        Map<String, List<JsonNode>> policies = identityPolicies(prod);
        String account = "123456789012";
        String cluster = "arn:aws:ecs:ap-northeast-1:" + account + ":cluster/platform-207-prod-cluster";
        String role = "arn:aws:iam::" + account + ":role/platform-207-prod-";
        // Both exports: the masked one (pseudonym key, masked user) and the raw one (raw user only), each with its roles.
        Map<String, List<String>> exports = new LinkedHashMap<>();
        exports.put("platform-207-prod-embulk", List.of(role + "embulk-task", role + "embulk-execution"));
        exports.put("platform-207-prod-embulk-raw", List.of(role + "embulk-raw-task", role + "embulk-raw-execution"));
        assertThat(policies).containsKeys("platform-207-prod-embulk-raw-task", "platform-207-prod-embulk-raw-execution");

        for (var export : exports.entrySet()) {
            String taskDefinition = "arn:aws:ecs:ap-northeast-1:" + account + ":task-definition/" + export.getKey() + ":1";
            Set<String> canRunTask = new TreeSet<>();
            Set<String> canLaunch = new TreeSet<>();
            Set<String> canPass = new TreeSet<>();
            for (var entry : policies.entrySet()) {
                Map<String, String> context = Map.of("ecs:cluster", cluster, "iam:PassedToService", "ecs-tasks.amazonaws.com");
                if (allowed(entry.getValue(), "ecs:RunTask", taskDefinition, context)) {
                    canRunTask.add(entry.getKey());
                }
                if (LAUNCHES.stream().anyMatch(a -> allowed(entry.getValue(), a, taskDefinition, context)
                        || allowed(entry.getValue(), a, "*", context))) {
                    canLaunch.add(entry.getKey());
                }
                if (export.getValue().stream().allMatch(r -> allowed(entry.getValue(), "iam:PassRole", r, context))) {
                    canPass.add(entry.getKey());
                }
            }
            Set<String> canStart = new TreeSet<>(canLaunch);
            canStart.retainAll(canPass);

            assertThat(canRunTask).as(export.getKey()).containsExactly("platform-207-prod-etl-state-machine");
            // Each service's CodeDeploy role may pass only that service's own roles (no AWSCodeDeployRoleForECS, whose
            // iam:PassRole on "*" would let a deployment place the ETL task definition), so the state machine is the
            // one path. Any other role gaining it fails this test.
            assertThat(canStart).as(export.getKey()).containsExactly("platform-207-prod-etl-state-machine");
            assertThat(canStart.stream().map(n -> "arn:aws:iam::" + account + ":role/" + n).collect(Collectors.toSet()))
                    .as("docs/data-governance.md reach table")
                    .isEqualTo(DocumentedReach.of("prod", account).principals("starting an export task"));
        }
        // No third family: the state machine runs exactly the two exports.
        String other = "arn:aws:ecs:ap-northeast-1:" + account + ":task-definition/platform-207-prod-api:1";
        assertThat(allowed(policies.get("platform-207-prod-etl-state-machine"), "ecs:RunTask", other,
                Map.of("ecs:cluster", cluster))).isFalse();
    }

    private static Map<String, List<JsonNode>> identityPolicies(SynthResult result) throws Exception {
        Map<String, List<JsonNode>> byRole = new LinkedHashMap<>();
        for (SynthesizedResource role : result.ofType("aws:iam/role:Role")) {
            JsonNode inputs = role.toJson().get("inputs");
            assertThat(inputs.has("inlinePolicies") || inputs.has("managedPolicyArns")).as(role.name()).isFalse();
            byRole.put(inputs.get("name").asText(), new ArrayList<>());
        }
        for (SynthesizedResource policy : result.ofType("aws:iam/rolePolicy:RolePolicy")) {
            JsonNode inputs = policy.toJson().get("inputs");
            byRole.get(inputs.get("role").asText()).add(JSON.readTree(inputs.get("policy").asText()));
        }
        for (SynthesizedResource attachment : result.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
            JsonNode inputs = attachment.toJson().get("inputs");
            String arn = inputs.get("policyArn").asText();
            assertThat(MANAGED).as("managed policy modelled").containsKey(arn);
            byRole.get(inputs.get("role").asText()).add(JSON.readTree(MANAGED.get(arn)));
        }
        assertThat(result.ofType("aws:iam/policyAttachment:PolicyAttachment")).isEmpty();
        assertThat(result.ofType("aws:iam/userPolicy:UserPolicy")).isEmpty();
        assertThat(result.ofType("aws:iam/groupPolicy:GroupPolicy")).isEmpty();
        return byRole;
    }

    private static boolean allowed(List<JsonNode> documents, String action, String resource, Map<String, String> context) {
        boolean allow = false;
        for (JsonNode document : documents) {
            for (JsonNode s : document.get("Statement")) {
                if (!matches(s, action, resource, context)) {
                    continue;
                }
                if (s.get("Effect").asText().equals("Deny")) {
                    return false;
                }
                allow = true;
            }
        }
        return allow;
    }

    private static boolean matches(JsonNode s, String action, String resource, Map<String, String> context) {
        assertThat(s.has("NotAction") || s.has("NotResource")).as("model covers " + s).isFalse();
        if (JsonTexts.of(s.get("Action")).stream().noneMatch(p -> RawZoneReachTest.glob(p, action))
                || JsonTexts.of(s.get("Resource")).stream().noneMatch(p -> RawZoneReachTest.glob(p, resource))) {
            return false;
        }
        for (var op : (Iterable<Map.Entry<String, JsonNode>>) s.path("Condition")::fields) {
            for (var key : (Iterable<Map.Entry<String, JsonNode>>) op.getValue()::fields) {
                String actual = context.get(key.getKey());
                assertThat(actual).as("condition key modelled: " + key.getKey() + " in " + s).isNotNull();
                List<String> expected = JsonTexts.of(key.getValue());
                boolean holds = switch (op.getKey()) {
                    case "StringEquals", "ArnEquals" -> expected.contains(actual);
                    case "StringLike", "ArnLike" -> expected.stream().anyMatch(p -> RawZoneReachTest.glob(p, actual));
                    default -> throw new AssertionError("condition operator not modelled: " + op.getKey());
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }
}
