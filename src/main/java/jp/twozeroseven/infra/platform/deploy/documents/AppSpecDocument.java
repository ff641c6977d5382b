package jp.twozeroseven.infra.platform.deploy.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.Comparator;

/** The ECS {@code appspec.yaml}: which service CodeDeploy shifts to the new task definition, and how. */
public final class AppSpecDocument {

    /** CodeDeploy substitutes the task definition it registered from taskdef.json. */
    public static final String TASK_DEFINITION_PLACEHOLDER = "<TASK_DEFINITION>";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private AppSpecDocument() {
    }

    public static ObjectNode render(AppSpecSpec spec) {
        ObjectNode root = YAML.createObjectNode();
        // AppSpec 'version' is the number 0.0, the only version CodeDeploy knows.
        root.put("version", 0.0);
        ObjectNode properties = root.putArray("Resources").addObject().putObject("TargetService")
                .put("Type", "AWS::ECS::Service").putObject("Properties");
        properties.put("TaskDefinition", TASK_DEFINITION_PLACEHOLDER);
        ObjectNode lb = properties.putObject("LoadBalancerInfo");
        lb.put("ContainerName", spec.containerName());
        lb.put("ContainerPort", spec.containerPort());
        if (spec.platformVersion() != null) {
            properties.put("PlatformVersion", spec.platformVersion());
        }
        // AppSpec "Resources section for Amazon ECS deployments" (CodeDeploy User Guide, reference-appspec-file-
        // structure-resources): NetworkConfiguration.AwsvpcConfiguration {Subnets, SecurityGroups, AssignPublicIp}
        // and CapacityProviderStrategy [{Base, CapacityProvider, Weight}]. A replacement task set gets what the
        // AppSpec says, so both repeat the service's own values.
        if (spec.network() != null) {
            ObjectNode awsvpc = properties.putObject("NetworkConfiguration").putObject("AwsvpcConfiguration");
            spec.network().subnets().forEach(awsvpc.putArray("Subnets")::add);
            spec.network().securityGroups().forEach(awsvpc.putArray("SecurityGroups")::add);
            awsvpc.put("AssignPublicIp", spec.network().assignPublicIp() ? "ENABLED" : "DISABLED");
        }
        if (!spec.capacityProviders().isEmpty()) {
            ArrayNode strategy = properties.putArray("CapacityProviderStrategy");
            spec.capacityProviders().forEach(c -> strategy.addObject().put("Base", c.base())
                    .put("CapacityProvider", c.capacityProvider()).put("Weight", c.weight()));
        }
        if (!spec.hooks().isEmpty()) {
            ArrayNode hooks = root.putArray("Hooks");
            spec.hooks().stream().sorted(Comparator.comparingInt(h -> AppSpecHook.ECS_EVENTS.indexOf(h.event())))
                    .forEach(h -> hooks.addObject().put(h.event(), h.lambdaFunction()));
        }
        return root;
    }

    public static String renderYaml(AppSpecSpec spec) {
        try {
            return YAML.writeValueAsString(render(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render appspec.yaml", e);
        }
    }
}
