package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} the way the CLI does, so the offline synth runs
 * with the very config that {@code pulumi up} would pass.
 *
 * <p>Values set with {@code pulumi config set --secret} are encrypted in the stack file and cannot be
 * decrypted offline; they become marked placeholders, and so do declared secret keys that are not set.
 */
public final class StackFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackFiles() {
    }

    public static String projectName(Path projectDir) {
        Path file = projectDir.resolve("Pulumi.yaml");
        JsonNode project = readYaml(file, "project");
        JsonNode name = project.get("name");
        if (name == null || !name.isTextual()) {
            throw single(file.toString(), "name", null, "Pulumi.yaml needs a `name:`");
        }
        return name.asText();
    }

    public static Set<String> knownStacks(Path projectDir) {
        try (Stream<Path> files = Files.list(projectDir)) {
            Set<String> stacks = new TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("Pulumi\\.[A-Za-z0-9_-]+\\.yaml"))
                    .forEach(n -> stacks.add(n.substring("Pulumi.".length(), n.length() - ".yaml".length())));
            return stacks;
        } catch (IOException e) {
            return Set.of();
        }
    }

    public static RawConfig read(Path projectDir, String stack) {
        String project = projectName(projectDir);
        Path file = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw single(projectDir.toAbsolutePath().normalize().toString(), "--stack", stack,
                    "no stack file " + file.getFileName() + "; known stacks: " + knownStacks(projectDir));
        }
        JsonNode root = readYaml(file, "stack");
        JsonNode config = root.path("config");
        Map<String, String> values = new HashMap<>();
        Set<String> secretKeys = new HashSet<>();
        if (!config.isMissingNode() && !config.isObject()) {
            throw single(file.toString(), "config", config.toString(), "`config:` must be a mapping of keys");
        }
        config.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isObject() && value.size() == 1 && value.has("secure")) {
                secretKeys.add(field.getKey());
                values.put(field.getKey(), SecretValue.OFFLINE_PLACEHOLDER);
            } else if (value.isContainerNode()) {
                values.put(field.getKey(), JSON.valueToTree(value).toString());
            } else {
                values.put(field.getKey(), value.asText());
            }
        });
        return new RawConfig(project, stack, values, secretKeys, file.getFileName().toString(), true, projectDir);
    }

    private static JsonNode readYaml(Path file, String what) {
        try {
            JsonNode node = new YAMLMapper().readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw single(file.toString(), what, null, "the file is empty or not a YAML mapping");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var where = e.getLocation();
            throw single(file.getFileName().toString(), file.getFileName().toString(), null, "not valid YAML"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("") + "; fix the syntax there");
        } catch (IOException e) {
            throw single(file.toString(), what, null, "cannot read the file: " + e.getMessage());
        }
    }

    private static SettingsException single(String source, String key, String value, String message) {
        Problems problems = new Problems();
        problems.add(key, value, message);
        return new SettingsException(source, problems.all());
    }
}
