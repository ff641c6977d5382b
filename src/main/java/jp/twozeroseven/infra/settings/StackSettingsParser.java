package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the raw stack config into {@link StackSettings}, reporting every problem in one
 * {@link SettingsException}. Nothing is registered with Pulumi before this succeeds.
 */
public final class StackSettingsParser {

    /** CloudWatch Logs accepts only these retention periods. */
    private static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private StackSettingsParser() {
    }

    public static StackSettings parse(RawConfig raw) {
        return parse(raw, read -> { });
    }

    /** As {@link #parse(RawConfig)}, telling {@code reads} every key the parsers read (see {@link KeyRead}). */
    static StackSettings parse(RawConfig raw, java.util.function.Consumer<KeyRead> reads) {
        Problems problems = new Problems();
        Section root = Section.root(raw.project(), toTree(raw, problems), problems, reads);

        Tier tier = root.choice("tier", Section.choices(Map.entry("production", Tier.PRODUCTION),
                Map.entry("staging", Tier.STAGING)));
        String region = root.matching("region", "[a-z]{2}-[a-z]+-\\d", "an AWS region such as ap-northeast-1");
        String account = root.matching("accountId", "\\d{12}", "a 12-digit AWS account id");
        String owner = root.matching("owner", "[a-z][a-z0-9-]{1,40}", "a team name such as platform-team");
        String costCenter = root.matching("costCenter", "[A-Za-z0-9-]{2,20}", "a cost center code such as CC-4120");
        int retention = root.integer("logRetentionDays", 1, 3653, 90);
        if (!LOG_RETENTION_DAYS.contains(retention)) {
            root.report("logRetentionDays", String.valueOf(retention), "CloudWatch accepts only "
                    + new java.util.TreeSet<>(LOG_RETENTION_DAYS));
        }
        NetworkSettings network = NetworkParser.parse(root.section("network"), region, tier);
        LoadBalancerSettings alb = EdgeParsers.loadBalancer(root.section("loadBalancer"), region, tier);
        List<ServiceSettings> services = services(root, raw.project() + "-" + raw.stack());
        DatabaseSettings database = DatabaseParser.parse(root.section("database"), tier);
        RegistrySettings registry = EdgeParsers.registry(root.sectionOrDefaults("registry"));
        Set<String> serviceNames = new java.util.LinkedHashSet<>(services.stream().map(ServiceSettings::name).toList());
        DeploySettings deploy = EdgeParsers.deploy(root.section("deploy"), serviceNames, tier);
        Set<String> serviceHosts = new java.util.TreeSet<>(services.stream()
                .flatMap(service -> service.hostHeaders().stream()).toList());
        CdnSettings cdn = EdgeParsers.cdn(root.section("cdn"), serviceHosts);
        DataPipelineSettings dataPipeline = DataPipelineParser.parse(root.section("dataPipeline"), raw.projectDir());
        StackSecrets secrets = StackSecrets.read(raw, problems);
        Set<String> servicesWithHost = new java.util.LinkedHashSet<>(services.stream()
                .filter(service -> !service.hostHeaders().isEmpty()).map(ServiceSettings::name).toList());
        Set<String> workers = new java.util.LinkedHashSet<>(services.stream()
                .filter(service -> service.loadBalanced().isEmpty()).map(ServiceSettings::name).toList());
        CdnOriginSecret.check(raw.project(), cdn, services, secrets, raw.offline(), problems);
        ObservabilitySettings observability = ObservabilityParser.parse(root.section("observability"), serviceNames,
                servicesWithHost, workers, tier, secrets, raw.offline(), dataPipeline.nightlyAt());
        if (dataPipeline.catalog() != null && dataPipeline.nightlyAt() != null && observability.heartbeat() != null
                && observability.heartbeat().deadline() != null && database.maintenanceWindow() != null) {
            // The night must fit before the heartbeat deadline, the 05:00 peak and Aurora's maintenance.
            jp.twozeroseven.infra.settings.forecast.NightForecast.of(dataPipeline,
                            observability.heartbeat().deadline(), database.maintenanceWindow()).problems()
                    .forEach(p -> root.report(p.key(), p.value(), p.message()));
        }
        root.rejectUnknownKeys();
        problems.throwIfAny(raw.source());
        return new StackSettings(raw.project(), raw.stack(), tier, region, account, owner, costCenter, retention,
                network, alb, services, database, registry, deploy, cdn, dataPipeline, secrets, observability);
    }

    /** ALB target group names, {@code <prefix>-<service>-green}, may not exceed 32 characters. */
    static final int TARGET_GROUP_NAME_LIMIT = 32;

    private static List<ServiceSettings> services(Section root, String namePrefix) {
        List<ServiceSettings> services = new ArrayList<>();
        root.named("services", "[a-z][a-z0-9-]{0,20}", "a short lower-case name such as api")
                .forEach((name, section) -> services.add(ServiceParser.parse(name, section)));
        for (ServiceSettings service : services) {
            if (service.loadBalanced().isEmpty()) {
                continue;
            }
            String longest = namePrefix + "-" + service.name() + "-green";
            if (longest.length() > TARGET_GROUP_NAME_LIMIT) {
                root.report("services." + service.name(), service.name(), "too long for the load balancer's target "
                        + "group name " + longest + " (" + longest.length() + " of at most " + TARGET_GROUP_NAME_LIMIT
                        + " characters); use at most " + (service.name().length() - longest.length()
                        + TARGET_GROUP_NAME_LIMIT) + " characters");
            }
        }
        Map<Integer, String> priorities = new HashMap<>();
        for (ServiceSettings service : services) {
            if (service.loadBalanced().isEmpty()) {
                continue;
            }
            int priority = service.loadBalanced().get().routing().priority();
            String other = priorities.putIfAbsent(priority, service.name());
            if (other != null) {
                root.report("services." + service.name() + ".routing.priority", String.valueOf(priority),
                        "the same listener-rule priority as service " + other + "; priorities must be unique");
            }
        }
        if (root.has("services") && services.isEmpty()) {
            root.report("services", "{}", "declare at least one service");
        }
        return List.copyOf(services);
    }

    /** Rebuilds the config as one JSON tree: structured values arrive from the CLI as JSON text. */
    private static JsonNode toTree(RawConfig raw, Problems problems) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = json.createObjectNode();
        String prefix = raw.project() + ":";
        new TreeMap<>(raw.values()).forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                problems.add(key, value, "this program reads only keys in the " + raw.project()
                        + " namespace; remove the key or rename it to " + prefix + key.substring(key.indexOf(':') + 1));
                return;
            }
            String name = key.substring(prefix.length());
            if (SecretKey.isSecretKey(name)) {
                return;
            }
            if (raw.secretKeys().contains(key)) {
                problems.add(key, "[secret]", "this key is not a secret setting; set it in plain text");
                return;
            }
            tree.set(name, parseValue(json, value));
        });
        return tree;
    }

    private static JsonNode parseValue(ObjectMapper json, String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return json.readTree(trimmed);
            } catch (Exception e) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }
}
