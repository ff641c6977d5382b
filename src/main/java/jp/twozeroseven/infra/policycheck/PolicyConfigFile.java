package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;
import java.util.Map;

/**
 * A `--policy-config` file: `{"<policy>": "advisory"}` or `{"<policy>": {"enforcementLevel": ..., <properties>}}`,
 * with `"all"` setting the level of every policy not named. Like the engine, every policy is configured
 * explicitly, because a PolicyConfig without a level would mean ADVISORY on the wire.
 */
final class PolicyConfigFile {
    private static final String ALL = "all";
    private final ObjectNode root;
    private final Path source;

    private PolicyConfigFile(ObjectNode root, Path source) {
        this.root = root;
        this.source = source;
    }

    static PolicyConfigFile read(Path file, ObjectMapper mapper) {
        if (file == null) {
            return new PolicyConfigFile(mapper.createObjectNode(), null);
        }
        if (!Files.isRegularFile(file)) {
            throw new PolicyConfigException("no policy config at " + file + "; each stack needs one (copy "
                    + "policy/config/stg.json and set the stack's name in required-tags.stack)");
        }
        try {
            JsonNode node = mapper.readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new PolicyConfigException("policy config " + file
                        + " must be a JSON object of policy name -> config, e.g. {\"all\": \"mandatory\"}");
            }
            PolicyConfigFile config = new PolicyConfigFile((ObjectNode) node, file);
            config.checkLevels();
            return config;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var where = e.getLocation();
            throw new PolicyConfigException("policy config " + file + " is not valid JSON"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyConfigException("cannot read policy config " + file + ": " + e.getMessage());
        }
    }

    Map<String, PolicyConfig> forPolicies(AnalyzerInfo info) {
        Map<String, PolicyConfig> result = new LinkedHashMap<>();
        root.fieldNames().forEachRemaining(name -> {
            boolean known = name.equals(ALL) || info.getPoliciesList().stream().anyMatch(p -> p.getName().equals(name));
            if (!known) {
                throw new PolicyConfigException("policy config " + source + " names unknown policy '" + name
                        + "'; remove it or use one of the pack's policy names (see docs/policies.md)");
            }
        });
        checkProperties(info);
        for (PolicyInfo policy : info.getPoliciesList()) {
            JsonNode own = root.get(policy.getName());
            ObjectNode properties = own != null && own.isObject() ? ((ObjectNode) own).deepCopy() : root.objectNode();
            properties.remove("enforcementLevel");
            result.put(policy.getName(), PolicyConfig.newBuilder()
                    .setEnforcementLevel(levelFor(policy, own))
                    .setProperties(ProtoStructs.of(properties))
                    .build());
        }
        return result;
    }

    /**
     * Every property a policy's entry sets must be one its config schema declares (the pack reports its schema in
     * GetAnalyzerInfo), so a typo such as {@code minimumDay} fails with one message instead of the default applying.
     */
    private void checkProperties(AnalyzerInfo info) {
        List<String> problems = new ArrayList<>();
        for (PolicyInfo policy : info.getPoliciesList()) {
            JsonNode own = root.get(policy.getName());
            if (own == null || !own.isObject()) {
                continue;
            }
            Set<String> known = new TreeSet<>(policy.getConfigSchema().getProperties().getFieldsMap().keySet());
            own.fieldNames().forEachRemaining(key -> {
                if (!key.equals("enforcementLevel") && !known.contains(key)) {
                    problems.add("'" + policy.getName() + "' has unknown property '" + key + "' (its properties: "
                            + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigException("policy config " + source + ": " + String.join("; ", problems)
                    + "; fix the name or remove it (docs/policies.md lists each policy's properties)");
        }
    }

    /** Every level the file names must exist, so a typo fails before the synth rather than after it. */
    private void checkLevels() {
        root.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                parse(value.asText(), field.getKey());
            } else if (value.hasNonNull("enforcementLevel")) {
                parse(value.get("enforcementLevel").asText(), field.getKey());
            }
        });
    }

    private EnforcementLevel levelFor(PolicyInfo policy, JsonNode own) {
        if (own != null && own.isTextual()) {
            return parse(own.asText(), policy.getName());
        }
        if (own != null && own.hasNonNull("enforcementLevel")) {
            return parse(own.get("enforcementLevel").asText(), policy.getName());
        }
        if (root.hasNonNull(ALL)) {
            return parse(root.get(ALL).asText(), ALL);
        }
        return policy.getEnforcementLevel();
    }

    private EnforcementLevel parse(String level, String policyName) {
        try {
            return EnforcementLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PolicyConfigException("policy config " + source + ": '" + policyName + "' has enforcement level '"
                    + level + "'; use advisory, mandatory, remediate or disabled");
        }
    }
}
