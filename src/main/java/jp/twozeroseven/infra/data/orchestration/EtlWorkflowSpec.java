package jp.twozeroseven.infra.data.orchestration;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Inputs of the Embulk ETL state machine. Nothing here depends on the list of tables: they arrive in the
 * execution input, so adding a table never changes (or grows) the definition.
 *
 * @param heartbeat       New Relic Event API and the EventBridge connection the run-completed heartbeat goes through
 * @param commandTemplate the Embulk container's command; tokens may contain {table} and {runGroup}, e.g.
 *                        ["embulk", "run", "/embulk/tables/{table}.yml.liquid"]
 * @param taskDefinitionFamily the masked export's task definition family, without a revision. Each RunTask starts
 *                          the family its execution-input item names ({@code taskDefinition}: masked, or the raw
 *                          export's for rawZoneTables), also without a revision, so ECS starts the latest ACTIVE
 *                          revision (ECS API reference, RunTask, taskDefinition: "The family and revision
 *                          (family:revision) or full ARN of the task definition to run. If a revision isn't
 *                          specified, the latest ACTIVE revision is used."), so a new revision needs no new definition
 * @param taskTimeoutSeconds how long one table's RunTask may take before Step Functions stops the task
 * @param executionTimeoutSeconds the whole execution's TimeoutSeconds: the heartbeat window, start to deadline
 * @param logGroup          the Embulk tasks' awslogs group, for the failure message's link to the task's log stream
 */
public record EtlWorkflowSpec(String clusterArn, String taskDefinitionFamily, String containerName, List<String> subnets,
                              List<String> securityGroups, CapacityStrategy capacity, int maxConcurrency,
                              NotifyEndpoint notifyEndpoint, HeartbeatEndpoint heartbeat, List<String> commandTemplate,
                              int taskTimeoutSeconds, int executionTimeoutSeconds, String logGroup) {

    /** Characters that would need escaping inside an intrinsic-function string literal; refused instead. */
    private static final Pattern INTRINSIC_UNSAFE = Pattern.compile("['\\\\{}]");

    public EtlWorkflowSpec {
        if (clusterArn == null || !clusterArn.matches("arn:aws:ecs:[a-z0-9-]+:\\d{12}:cluster/.+")) {
            throw new IllegalArgumentException("ECS cluster ARN '" + clusterArn + "' must look like arn:aws:ecs:<region>:<account>:cluster/<name>");
        }
        if (taskDefinitionFamily == null || !taskDefinitionFamily.matches("[A-Za-z0-9_-]{1,255}")) {
            throw new IllegalArgumentException("Embulk task definition family '" + taskDefinitionFamily
                    + "' must be a family name without a revision (letters, digits, _ and -), so every run starts "
                    + "the latest revision");
        }
        if (containerName == null || containerName.isBlank()) {
            throw new IllegalArgumentException("Embulk container name is missing");
        }
        subnets = List.copyOf(subnets == null ? List.of() : subnets);
        securityGroups = List.copyOf(securityGroups == null ? List.of() : securityGroups);
        if (subnets.isEmpty() || subnets.stream().anyMatch(s -> s == null || !s.startsWith("subnet-"))) {
            throw new IllegalArgumentException("Embulk subnets " + subnets + " must be one or more subnet-... ids "
                    + "(several AZs help Fargate find capacity)");
        }
        if (securityGroups.isEmpty() || securityGroups.stream().anyMatch(s -> s == null || !s.startsWith("sg-"))) {
            throw new IllegalArgumentException("Embulk security groups " + securityGroups + " must be one or more sg-... ids");
        }
        if (capacity == null) {
            throw new IllegalArgumentException("capacity strategy is missing; use CapacityStrategy.spotFirst()");
        }
        if (maxConcurrency < 1 || maxConcurrency > 40) {
            throw new IllegalArgumentException("max concurrency " + maxConcurrency
                    + " must be 1..40 so the ETL does not exhaust Aurora connections");
        }
        if (notifyEndpoint == null) {
            throw new IllegalArgumentException("notification endpoint is missing");
        }
        if (heartbeat == null) {
            throw new IllegalArgumentException("heartbeat endpoint is missing; the New Relic heartbeat would page every night");
        }
        if (taskTimeoutSeconds < 600 || taskTimeoutSeconds > 72_000) {
            throw new IllegalArgumentException("Embulk task timeout " + taskTimeoutSeconds + " s must be 600..72000 "
                    + "(10 minutes to 20 hours; embulkTask.timeoutMinutes)");
        }
        if (executionTimeoutSeconds < taskTimeoutSeconds || executionTimeoutSeconds > 86_400) {
            throw new IllegalArgumentException("ETL execution timeout " + executionTimeoutSeconds + " s must be at least "
                    + "one task's timeout (" + taskTimeoutSeconds + " s) and at most a day");
        }
        if (logGroup == null || !logGroup.matches("[A-Za-z0-9_/.#-]{1,512}")) {
            throw new IllegalArgumentException("Embulk log group '" + logGroup + "' is not a CloudWatch log group name");
        }
        commandTemplate = List.copyOf(commandTemplate == null ? List.of() : commandTemplate);
        if (commandTemplate.isEmpty() || commandTemplate.stream().noneMatch(t -> t != null && t.contains("{table}"))) {
            throw new IllegalArgumentException("Embulk command " + commandTemplate
                    + " must contain {table} somewhere, or every container would ETL the same table");
        }
        for (String token : commandTemplate) {
            if (token == null || token.isEmpty() || INTRINSIC_UNSAFE.matcher(token.replace("{table}", "").replace("{runGroup}", "")).find()) {
                throw new IllegalArgumentException("Embulk command token '" + token + "' is empty or contains a quote, "
                        + "backslash or a brace other than {table}/{runGroup}");
            }
        }
    }
}
