package jp.twozeroseven.infra.awsrules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.twozeroseven.infra.platform.deploy.DeployBundle;
import jp.twozeroseven.infra.platform.deploy.ServiceDeployDocuments;
import jp.twozeroseven.infra.contracts.SharedContracts;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Under the CODE_DEPLOY deployment controller, CodeDeploy owns what a deployment changes: UpdateService rejects
 * changes to the network configuration and platform version (hashicorp/terraform-provider-aws#8005,
 * pulumi/pulumi-aws#1961), and a deployment resets the capacity provider strategy to what the AppSpec says
 * (aws/containers-roadmap#1752). So each service ignores those fields, and its AppSpec repeats the service's
 * network configuration and capacity provider strategy, so a replacement task set runs where the service does.
 */
public final class CodeDeployOwnedServiceFields extends AwsRule {

    private static final YAMLMapper YAML = new YAMLMapper();

    public CodeDeployOwnedServiceFields() {
        super("codedeploy-owned-service-fields",
                "For a CODE_DEPLOY service, network configuration, platform version and capacity provider strategy "
                        + "change only through a deployment (its AppSpec: NetworkConfiguration, PlatformVersion, "
                        + "CapacityProviderStrategy); UpdateService cannot change them.",
                "https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html",
                "https://github.com/aws/containers-roadmap/issues/1752",
                "https://github.com/hashicorp/terraform-provider-aws/issues/8005",
                "https://github.com/pulumi/pulumi-aws/issues/1961");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        Map<String, JsonNode> appSpecs = appSpecs(stack);
        List<SynthesizedResource> codeDeployed = stack.ofType("aws:ecs/service:Service").stream()
                .filter(s -> "CODE_DEPLOY".equals(s.inputs().path("deploymentController").path("type").asText()))
                .toList();
        return each(codeDeployed, (service, problem) -> {
            TreeSet<String> missing = new TreeSet<>(SharedContracts.CODEDEPLOY_OWNED_SERVICE_FIELDS);
            missing.removeAll(service.options().ignoreChanges());
            if (!missing.isEmpty()) {
                problem.accept("does not ignore " + missing);
            }
            String name = service.inputs().path("name").asText();
            JsonNode appSpec = appSpecs.entrySet().stream().filter(e -> name.endsWith("-" + e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (appSpec == null) {
                problem.accept("no appspec.yaml found for it");
                return;
            }
            JsonNode properties = appSpec.path("Resources").path(0).path("TargetService").path("Properties");
            JsonNode awsvpc = properties.path("NetworkConfiguration").path("AwsvpcConfiguration");
            JsonNode net = service.inputs().path("networkConfiguration");
            if (!awsvpc.path("Subnets").equals(net.path("subnets"))
                    || !awsvpc.path("SecurityGroups").equals(net.path("securityGroups"))
                    || !awsvpc.path("AssignPublicIp").asText().equals(net.path("assignPublicIp").asBoolean()
                    ? "ENABLED" : "DISABLED")) {
                problem.accept("its AppSpec's NetworkConfiguration is not the service's");
            }
            JsonNode strategy = properties.path("CapacityProviderStrategy");
            JsonNode wanted = service.inputs().path("capacityProviderStrategies");
            boolean same = strategy.size() == wanted.size();
            for (int i = 0; same && i < wanted.size(); i++) {
                same = strategy.get(i).path("CapacityProvider").asText().equals(wanted.get(i).path("capacityProvider").asText())
                        && strategy.get(i).path("Base").asInt() == wanted.get(i).path("base").asInt()
                        && strategy.get(i).path("Weight").asInt() == wanted.get(i).path("weight").asInt();
            }
            if (!same) {
                problem.accept("its AppSpec's CapacityProviderStrategy is not the service's");
            }
        });
    }

    /** Service name (the key's first segment) to its parsed appspec.yaml, from plain objects or deploy bundles. */
    static Map<String, JsonNode> appSpecs(SynthResult stack) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (SynthesizedResource object : stack.ofType("aws:s3/bucketObjectv2:BucketObjectv2")) {
            String key = object.inputs().path("key").asText();
            String service = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
            String yaml = null;
            if (key.endsWith("/" + ServiceDeployDocuments.APPSPEC_FILE)) {
                yaml = object.inputs().path("content").asText();
            } else if (object.inputs().has("contentBase64")) {
                yaml = DeployBundle.unzip(Base64.getDecoder().decode(object.inputs().path("contentBase64").asText()))
                        .get(ServiceDeployDocuments.APPSPEC_FILE);
            }
            if (yaml != null) {
                try {
                    out.put(service, YAML.readTree(yaml));
                } catch (IOException e) {
                    throw new IllegalArgumentException(object.urn() + ": appspec.yaml does not parse", e);
                }
            }
        }
        return out;
    }
}
