package jp.twozeroseven.infra.platform.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the three containers of an app service task: the app, the FireLens log router that ships the app's
 * logs to New Relic, and the New Relic infrastructure agent in Fargate mode.
 */
public final class ContainerDefinitions {

    public static final String LOG_ROUTER = "log-router";
    public static final String INFRA_AGENT = "newrelic-infra";
    /** Variables the generator sets itself; the caller may not override them. */
    public static final Set<String> RESERVED_APP_VARIABLES = Set.of(
            "NEW_RELIC_APP_NAME", "NEW_RELIC_DISTRIBUTED_TRACING_ENABLED", "NEW_RELIC_LICENSE_KEY", "NEW_RELIC_LOG");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContainerDefinitions() {
    }

    public static GeneratedContainers generate(ServiceTask task) {
        validateAppVariables(task);
        List<String> volumeNames = new ArrayList<>();
        ArrayNode containers = MAPPER.createArrayNode();
        containers.add(appContainer(task, volumeNames));
        containers.add(logRouter(task));
        containers.add(infraAgent(task));
        return new GeneratedContainers(containers, volumeNames, task.serviceName());
    }

    private static void validateAppVariables(ServiceTask task) {
        AppContainer app = task.app();
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> variable : app.environment().entrySet()) {
            String name = variable.getKey();
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("service " + task.serviceName() + ": environment variable name '" + name + "' is invalid");
            }
            if (variable.getValue() == null) {
                throw new IllegalArgumentException("service " + task.serviceName() + ": environment variable " + name + " has no value");
            }
            SecretLookingValues.reason(name, variable.getValue()).ifPresent(reason -> {
                throw new IllegalArgumentException("service " + task.serviceName() + ": environment variable " + name
                        + " is refused because " + reason + "; store it in Secrets Manager and pass it as a SecretRef");
            });
            requireNotReserved(task, name);
            seen.add(name);
        }
        for (SecretRef secret : app.secrets()) {
            requireNotReserved(task, secret.name());
            if (!seen.add(secret.name())) {
                throw new IllegalArgumentException("service " + task.serviceName() + ": variable " + secret.name()
                        + " is given twice (environment or secrets); keep one");
            }
        }
    }

    private static void requireNotReserved(ServiceTask task, String name) {
        if (RESERVED_APP_VARIABLES.contains(name)) {
            throw new IllegalArgumentException("service " + task.serviceName() + ": variable " + name
                    + " is set by the container generator; remove it from the input");
        }
    }

    private static ObjectNode appContainer(ServiceTask task, List<String> volumeNames) {
        AppContainer app = task.app();
        ObjectNode c = MAPPER.createObjectNode();
        c.put("name", task.serviceName());
        c.put("image", app.image().reference());
        // The app is the reason the task exists: if it stops, the task must be replaced.
        c.put("essential", true);
        c.put("cpu", task.size().appCpu());
        c.put("memory", task.size().appMemoryMiB());
        if (!app.command().isEmpty()) {
            // Exec form: ECS passes the words to the container as they are, without a shell.
            ArrayNode command = c.putArray("command");
            app.command().forEach(command::add);
        }
        // A worker listens on no port: no port mapping (ECS task definition parameters, "portMappings").
        app.port().ifPresent(containerPort -> {
            ObjectNode port = c.putArray("portMappings").addObject();
            port.put("name", task.serviceName() + "-http");
            port.put("containerPort", containerPort);
            port.put("hostPort", containerPort);
            port.put("protocol", "tcp");
            port.put("appProtocol", "http");
        });
        app.healthCheck().ifPresent(check -> {
            ObjectNode health = c.putObject("healthCheck");
            ArrayNode command = health.putArray("command");
            check.command().forEach(command::add);
            health.put("interval", check.intervalSeconds());
            health.put("timeout", check.timeoutSeconds());
            health.put("retries", check.retries());
            health.put("startPeriod", check.startPeriodSeconds());
        });

        Map<String, String> environment = new LinkedHashMap<>(app.environment());
        environment.put("NEW_RELIC_APP_NAME", task.newRelicAppName());
        environment.put("NEW_RELIC_DISTRIBUTED_TRACING_ENABLED", "true");
        // Agents log to stdout so FireLens ships their logs too and nothing is written to the (read-only) disk.
        environment.put("NEW_RELIC_LOG", "stdout");
        putEnvironment(c, environment);

        List<SecretRef> secrets = new ArrayList<>(app.secrets());
        secrets.add(SecretRef.of(task.newRelic().licenseKey(), "NEW_RELIC_LICENSE_KEY"));
        putSecrets(c, secrets);

        c.put("readonlyRootFilesystem", app.readonlyRootFilesystem());
        ArrayNode mounts = c.putArray("mountPoints");
        List<String> writable = new ArrayList<>(app.writablePaths());
        if (app.readonlyRootFilesystem() && !writable.contains("/tmp")) {
            // Ruby, Node and most libraries need a writable /tmp even when the app itself writes nothing.
            writable.add(0, "/tmp");
        }
        for (String path : writable) {
            String volume = task.serviceName() + path.replace('/', '-').replace('.', '-');
            volumeNames.add(volume);
            ObjectNode mount = mounts.addObject();
            mount.put("sourceVolume", volume);
            mount.put("containerPath", path);
            mount.put("readOnly", false);
        }
        if (app.user() != null) {
            c.put("user", app.user());
        }
        c.put("privileged", false);
        ObjectNode linux = c.putObject("linuxParameters");
        // PID 1 that reaps zombies and forwards SIGTERM, so draining during blue/green ends cleanly.
        linux.put("initProcessEnabled", true);
        linux.putObject("capabilities").putArray("drop").add("ALL");
        c.put("stopTimeout", 30);

        ObjectNode logging = c.putObject("logConfiguration");
        logging.put("logDriver", "awsfirelens");
        ObjectNode options = logging.putObject("options");
        options.put("Name", "newrelic");
        options.put("endpoint", task.newRelic().accountRegion().logEndpoint());
        ObjectNode licenseOption = logging.putArray("secretOptions").addObject();
        licenseOption.put("name", "licenseKey");
        licenseOption.put("valueFrom", task.newRelic().licenseKey().valueFrom());

        ArrayNode dependsOn = c.putArray("dependsOn");
        // The log router must be up before the app writes its first line; START is all FireLens guarantees.
        dependsOn.addObject().put("containerName", LOG_ROUTER).put("condition", "START");
        dependsOn.addObject().put("containerName", INFRA_AGENT).put("condition", "START");
        putLabels(c, task);
        return c;
    }

    private static ObjectNode logRouter(ServiceTask task) {
        // Essential: without the router the app's log driver has nowhere to send, and we'd run blind.
        ObjectNode c = sidecar(LOG_ROUTER, task.newRelic().logRouterImage(), true, task.size().logRouterCpu(),
                task.size().logRouterMemoryMiB());
        ObjectNode firelens = c.putObject("firelensConfiguration");
        firelens.put("type", "fluentbit");
        firelens.putObject("options").put("enable-ecs-log-metadata", "true");
        c.putArray("environment");
        c.putArray("secrets");
        // Fluent Bit's FireLens start-up writes its generated config under the image root, so a read-only
        // root stops it (fluent/fluent-bit#7308, aws/aws-for-fluent-bit#928). Deliberately false.
        return withWritableRoot(c, task, task.logGroups().logRouter(),
                "Fluent Bit writes its FireLens config under the image root (fluent/fluent-bit#7308)");
    }

    private static ObjectNode infraAgent(ServiceTask task) {
        // Not essential: losing infrastructure metrics must not take the driver-facing API down with it.
        ObjectNode c = sidecar(INFRA_AGENT, task.newRelic().infraAgentImage(), false, task.size().agentCpu(),
                task.size().agentMemoryMiB());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("NRIA_OVERRIDE_HOST_ROOT", "");
        environment.put("NRIA_IS_FORWARD_ONLY", "true");
        environment.put("FARGATE", "true");
        environment.put("ENABLE_NRI_ECS", "true");
        environment.put("NRIA_PASSTHROUGH_ENVIRONMENT", "ECS_CONTAINER_METADATA_URI,ECS_CONTAINER_METADATA_URI_V4,FARGATE");
        environment.put("NRIA_CUSTOM_ATTRIBUTES", customAttributes(task));
        putEnvironment(c, environment);
        putSecrets(c, List.of(SecretRef.of(task.newRelic().licenseKey(), "NRIA_LICENSE_KEY")));
        // New Relic documents no writable-path list for the ECS agent (newrelic/nri-ecs#87); it keeps state
        // under its install directory, so a read-only root is not safe to claim. Deliberately false.
        return withWritableRoot(c, task, task.logGroups().infraAgent(),
                "nri-ecs keeps agent state under its install directory (newrelic/nri-ecs#87)");
    }

    /** A sidecar's first fields: its name and image, whether the task stops without it, and its reserved share. */
    private static ObjectNode sidecar(String name, String image, boolean essential, int cpu, int memoryReservation) {
        return MAPPER.createObjectNode().put("name", name).put("image", image).put("essential", essential)
                .put("cpu", cpu).put("memoryReservation", memoryReservation);
    }

    /**
     * A sidecar's last fields: a writable root (the policy pack accepts one only with its reason in the labels), not
     * privileged, awslogs to its own group under its own name as stream prefix, and the stack's labels.
     */
    private static ObjectNode withWritableRoot(ObjectNode c, ServiceTask task, String logGroup, String reason) {
        c.put("readonlyRootFilesystem", false);
        c.put("privileged", false);
        c.set("logConfiguration", awslogs(task, logGroup, c.get("name").asText()));
        putLabels(c, task);
        declareWritableRoot(c, reason);
        return c;
    }

    private static String customAttributes(ServiceTask task) {
        ObjectNode attributes = MAPPER.createObjectNode();
        attributes.put("clusterName", task.clusterName());
        attributes.put("service", task.serviceName());
        attributes.put("environment", task.stack());
        try {
            return MAPPER.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode awslogs(ServiceTask task, String group, String prefix) {
        ObjectNode logging = MAPPER.createObjectNode();
        logging.put("logDriver", "awslogs");
        ObjectNode options = logging.putObject("options");
        options.put("awslogs-group", group);
        options.put("awslogs-region", task.region());
        options.put("awslogs-stream-prefix", prefix);
        // Non-blocking: a CloudWatch hiccup must not block the sidecar's stdout and stall it.
        options.put("mode", "non-blocking");
        options.put("max-buffer-size", "4m");
        return logging;
    }

    private static void putEnvironment(ObjectNode container, Map<String, String> environment) {
        ArrayNode array = container.putArray("environment");
        environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> array.addObject().put("name", e.getKey()).put("value", e.getValue()));
    }

    private static void putSecrets(ObjectNode container, List<SecretRef> secrets) {
        ArrayNode array = container.putArray("secrets");
        secrets.stream().sorted(Comparator.comparing(SecretRef::name))
                .forEach(s -> array.addObject().put("name", s.name()).put("valueFrom", s.valueFrom()));
    }

    /** The policy pack accepts a writable root only when the container says why, in these labels. */
    public static final String WRITABLE_ROOT_LABEL = jp.twozeroseven.infra.contracts.SharedContracts.WRITABLE_ROOT_LABEL;

    private static void declareWritableRoot(ObjectNode container, String reason) {
        ObjectNode labels = (ObjectNode) container.get("dockerLabels");
        labels.put(WRITABLE_ROOT_LABEL, "true");
        labels.put(jp.twozeroseven.infra.contracts.SharedContracts.WRITABLE_ROOT_REASON_LABEL, reason);
    }

    private static void putLabels(ObjectNode container, ServiceTask task) {
        ObjectNode labels = container.putObject("dockerLabels");
        task.tags().forEach(labels::put);
    }
}
