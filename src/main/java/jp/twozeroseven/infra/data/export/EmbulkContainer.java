package jp.twozeroseven.infra.data.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.data.embulk.EmbulkConfigGenerator;
import jp.twozeroseven.infra.data.embulk.EmbulkEnvironment;
import jp.twozeroseven.infra.data.masking.ExportZone;

import java.util.List;

/**
 * The Embulk container definition. Credentials and the pseudonym key arrive only through {@code secrets}, so no
 * secret value is in the task definition, Pulumi state or synth output; plain environment holds only where the
 * configs are. The command is a placeholder: Step Functions overrides it with {@link #COMMAND_TEMPLATE} per table.
 */
public final class EmbulkContainer {

    public static final String NAME = "embulk";
    /** The image's entrypoint fetches {@code <prefix><zone>/<table>.yml.liquid} for its one zone and runs {@code embulk run -l warn}. */
    public static final List<String> COMMAND_TEMPLATE = List.of("run-export", "{table}");
    public static final String CONFIG_BUCKET = "EMBULK_CONFIG_BUCKET";
    public static final String CONFIG_PREFIX = "EMBULK_CONFIG_PREFIX";
    public static final String ZONE = "EMBULK_EXPORT_ZONE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbulkContainer() {
    }

    /** The database secret is JSON with {@code username} and {@code password}; the key is 64 hex characters. */
    public static String definitions(Spec spec) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", NAME);
        c.put("image", spec.image());
        c.put("essential", true);
        c.putArray("command").add("run-export").add("--help");
        c.put("readonlyRootFilesystem", true);
        c.put("privileged", false);
        c.put("user", "1000:1000");
        ObjectNode linux = c.putObject("linuxParameters");
        linux.put("initProcessEnabled", true);
        linux.putObject("capabilities").putArray("drop").add("ALL");
        c.putArray("mountPoints").addObject().put("sourceVolume", "tmp").put("containerPath", "/tmp").put("readOnly", false);
        ArrayNode env = c.putArray("environment");
        env(env, CONFIG_BUCKET, spec.configBucket());
        env(env, CONFIG_PREFIX, spec.configPrefix());
        env(env, "TZ", EmbulkConfigGenerator.TIME_ZONE);
        env(env, "EMBULK_LOG_LEVEL", "warn");
        env(env, EmbulkEnvironment.STATE_PREFIX_VARIABLE, EmbulkEnvironment.STATE_PREFIX);
        // The one zone this task definition exports (images/embulk/run-export): the state machine never overrides it.
        env(env, ZONE, spec.zone().prefix());
        ArrayNode secrets = c.putArray("secrets");
        if (spec.zone() == ExportZone.MASKED) {
            databaseUser(secrets, EmbulkEnvironment.MASKED_USER, spec.dbSecretArn());
            secret(secrets, EmbulkEnvironment.PSEUDONYM_KEY, spec.pseudonymKeySecretArn().orElseThrow(() ->
                    new IllegalArgumentException("the masked export's container needs the pseudonym key secret")));
        } else {
            // The raw export gets the raw user alone: never the pseudonym key, never the masked user.
            if (spec.pseudonymKeySecretArn().isPresent()) {
                throw new IllegalArgumentException("the raw export's container must not receive the pseudonym key");
            }
            databaseUser(secrets, EmbulkEnvironment.RAW_USER, spec.dbSecretArn());
        }
        ObjectNode log = c.putObject("logConfiguration");
        log.put("logDriver", "awslogs");
        ObjectNode options = log.putObject("options");
        options.put("awslogs-group", spec.logGroup());
        options.put("awslogs-region", spec.region());
        options.put("awslogs-stream-prefix", NAME);
        options.put("mode", "non-blocking");
        try {
            return JSON.writeValueAsString(JSON.createArrayNode().add(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void env(ArrayNode env, String name, String value) {
        env.addObject().put("name", name).put("value", value);
    }

    /** The user's name and password, from the JSON fields of its secret ({@code <arn>:<json-key>::}). */
    private static void databaseUser(ArrayNode secrets, EmbulkEnvironment.DatabaseUser user, String secretArn) {
        secret(secrets, user.userVariable(), secretArn + ":username::");
        secret(secrets, user.passwordVariable(), secretArn + ":password::");
    }

    private static void secret(ArrayNode secrets, String name, String valueFrom) {
        if (!valueFrom.startsWith("arn:aws:secretsmanager:")) {
            throw new IllegalArgumentException("secret " + name + " must come from a Secrets Manager ARN, got '" + valueFrom + "'");
        }
        secrets.addObject().put("name", name).put("valueFrom", valueFrom);
    }

    /**
     * @param zone                  the one zone the task exports
     * @param dbSecretArn           the zone's database user: the masked-export user, or the raw-export user
     * @param pseudonymKeySecretArn the pseudonym key: present for the masked zone, absent for the raw zone
     */
    public record Spec(String image, String configBucket, String configPrefix, ExportZone zone, String dbSecretArn,
                       java.util.Optional<String> pseudonymKeySecretArn, String logGroup, String region) {
    }
}
