package jp.twozeroseven.infra.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the program and the policy pack must agree on, named once. The program uses these constants; the pack reads
 * {@link #json()} as committed in {@code policy/lib/contracts.json} (SharedContractsTest fails when the two differ).
 */
public final class SharedContracts {

    /** Where the rendering is committed, relative to the repository root. */
    public static final String JSON_FILE = "policy/lib/contracts.json";
    /** The command that rewrites {@link #JSON_FILE} from this class. */
    public static final String REGENERATE = "./mvnw -B -q test -Dtest=SharedContractsTest -Dcontracts.write=true";

    /**
     * Fields of a CODE_DEPLOY ECS service that CodeDeploy and Application Auto Scaling own once it exists: a
     * deployment swaps the task definition and target group, autoscaling sets the desired count, and UpdateService
     * rejects the last three under the CODE_DEPLOY controller while CodeDeploy rewrites them from the AppSpec
     * (hashicorp/terraform-provider-aws#8005, pulumi/pulumi-aws#1961, aws/containers-roadmap#1752;
     * docs/blue-green.md). Pulumi ignores changes to them.
     */
    public static final List<String> CODEDEPLOY_OWNED_SERVICE_FIELDS = List.of("taskDefinition", "loadBalancers",
            "desiredCount", "capacityProviderStrategies", "networkConfiguration", "platformVersion");
    /**
     * Fields of an ECS-controller (rolling update) service that its releases and Application Auto Scaling own: a
     * release registers a task definition revision and calls UpdateService with it, autoscaling sets the desired
     * count. Writing either back makes {@code pulumi up} roll the service back to Pulumi's revision, or reset its
     * task count (docs/workers.md). The network configuration and capacity provider strategy stay Pulumi's:
     * UpdateService changes them under this controller.
     */
    public static final List<String> ECS_OWNED_SERVICE_FIELDS = List.of("taskDefinition", "desiredCount");
    /** CodeDeploy rewrites the forward action of the production and test listener rules when it shifts traffic. */
    public static final List<String> CODEDEPLOY_OWNED_LISTENER_RULE_FIELDS = List.of("actions");

    /** The docker label by which a container opts out of a read-only root filesystem (ecs-readonly-root-filesystem). */
    public static final String WRITABLE_ROOT_LABEL = "jp.207.writable-root";
    /** The label that must say why, next to {@link #WRITABLE_ROOT_LABEL}; an opt-out without a reason is refused. */
    public static final String WRITABLE_ROOT_REASON_LABEL = WRITABLE_ROOT_LABEL + "-reason";

    /**
     * The one "looks like a secret" rule for an environment variable's name (stack config, task definitions, the
     * pack's ecs-no-secrets-in-environment), case-insensitive, searched anywhere in the name. KEY counts as a whole
     * {@code _}-separated word (SIGNING_KEY, KEY_ID) or glued to API, ACCESS or PRIVATE (APIKEY, ACCESSKEY_ID), not
     * inside other words (MONKEY, KEYBOARD); PRIVATE alone is not a secret (PRIVATE_SUBNET_IDS). The syntax is common
     * to java.util.regex and JavaScript RegExp.
     */
    public static final String SECRET_NAME_REGEX =
            "PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|DSN|LICENSE|(API|ACCESS|PRIVATE)_?KEY|(^|_)KEYS?($|_)";
    public static final Pattern SECRET_NAME = Pattern.compile(SECRET_NAME_REGEX, Pattern.CASE_INSENSITIVE);
    /** Names the rule must flag; the first ones are those on which the three former rules disagreed. */
    public static final List<String> SECRET_NAME_EXAMPLES = List.of("DB_PASSWD", "AWS_ACCESSKEY_ID", "SIGNING_KEY",
            "NEW_RELIC_LICENSE", "ENCRYPTION_KEYS", "SECRET_KEY_BASE", "DATABASE_PASSWORD", "NEW_RELIC_LICENSE_KEY",
            "STRIPE_APIKEY", "RSA_PRIVATE_KEY", "GITHUB_TOKEN", "SENTRY_DSN", "AWS_CREDENTIALS", "database_password");
    /** Names the rule must let through; the first ones are those on which the three former rules disagreed. */
    public static final List<String> NOT_SECRET_NAME_EXAMPLES = List.of("KEYBOARD_LAYOUT", "MONKEY_PATCH",
            "PRIVATE_SUBNET_IDS", "DATABASE_HOST", "API_BASE_URL", "RAILS_ENV", "PORT");

    /** The custom New Relic event the ETL state machine posts when a night's run went through to the end. */
    public static final String ETL_RUN_SUCCEEDED_EVENT = "EtlRunSucceeded";
    /** The custom New Relic event the heartbeat checker posts on every check: the heartbeat condition's input. */
    public static final String ETL_HEARTBEAT_CHECK_EVENT = "EtlHeartbeatCheck";

    private SharedContracts() {
    }

    public static boolean looksLikeSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }

    /** The contracts as the pack reads them: a pure function, byte for byte the committed {@link #JSON_FILE}. */
    public static String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("$comment", "Generated from jp.twozeroseven.infra.contracts.SharedContracts; do not edit. "
                + "Regenerate: " + REGENERATE);
        ObjectNode codeDeploy = root.putObject("codeDeployOwnedFields");
        CODEDEPLOY_OWNED_SERVICE_FIELDS.forEach(codeDeploy.putArray("ecsService")::add);
        CODEDEPLOY_OWNED_LISTENER_RULE_FIELDS.forEach(codeDeploy.putArray("listenerRule")::add);
        ECS_OWNED_SERVICE_FIELDS.forEach(root.putObject("ecsOwnedFields").putArray("ecsService")::add);
        root.putObject("optOutLabels").put("writableRoot", WRITABLE_ROOT_LABEL)
                .put("writableRootReason", WRITABLE_ROOT_REASON_LABEL);
        ObjectNode secrets = root.putObject("secretNames");
        secrets.put("pattern", SECRET_NAME_REGEX).put("flags", "i");
        SECRET_NAME_EXAMPLES.forEach(secrets.putArray("secretExamples")::add);
        NOT_SECRET_NAME_EXAMPLES.forEach(secrets.putArray("notSecretExamples")::add);
        root.putObject("eventTypes").put("etlRunSucceeded", ETL_RUN_SUCCEEDED_EVENT)
                .put("etlHeartbeatCheck", ETL_HEARTBEAT_CHECK_EVENT);
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        try {
            return mapper.writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf))
                    .writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
