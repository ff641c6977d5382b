package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Reads the config that the Pulumi language host passes to the program in its environment. */
public final class EngineEnvironment {

    private EngineEnvironment() {
    }

    public static RawConfig read(Map<String, String> env) {
        Problems problems = new Problems();
        String project = env.getOrDefault("PULUMI_PROJECT", "");
        String stack = env.getOrDefault("PULUMI_STACK", "");
        if (project.isEmpty() || stack.isEmpty()) {
            problems.add("PULUMI_STACK", stack, "the program was started outside the Pulumi CLI; run "
                    + "`pulumi preview`, or `java -jar target/infra.jar synth --stack <name>` offline");
        }
        Map<String, String> values = Map.of();
        HashSet<String> secretKeys = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            values = json.readValue(env.getOrDefault("PULUMI_CONFIG", "{}"), new TypeReference<>() { });
            secretKeys.addAll(json.readValue(env.getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]"),
                    new TypeReference<List<String>>() { }));
        } catch (Exception e) {
            problems.add("PULUMI_CONFIG", null, "the engine passed config that is not JSON: " + e.getMessage());
        }
        problems.throwIfAny("the Pulumi engine's environment");
        // The CLI starts the program in the project directory.
        return new RawConfig(project, stack, values, secretKeys, "stack " + stack + " (Pulumi." + stack + ".yaml)",
                false, java.nio.file.Path.of(env.getOrDefault("PULUMI_ROOT_DIRECTORY", ".")));
    }
}
