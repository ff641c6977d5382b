package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Copies a real stack file into a temporary project, lets a test break it, and reads it as the CLI would. */
public final class StackFixture {

    public static final Path PROJECT = Path.of(System.getProperty("project.root", "."));
    private static final YAMLMapper YAML = new YAMLMapper();

    private StackFixture() {
    }

    public static RawConfig read(String stack) {
        return StackFiles.read(PROJECT, stack);
    }

    /** The stack's config after {@code edit} changed its {@code config:} mapping. */
    public static RawConfig edited(String stack, Path tempDir, Consumer<ObjectNode> edit) {
        try {
            JsonNode file = YAML.readTree(PROJECT.resolve("Pulumi." + stack + ".yaml").toFile());
            edit.accept((ObjectNode) file.get("config"));
            Files.copy(PROJECT.resolve("Pulumi.yaml"), tempDir.resolve("Pulumi.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            YAML.writeValue(tempDir.resolve("Pulumi." + stack + ".yaml").toFile(), file);
            // Settings name files relative to the project (the table catalog): they come along.
            Files.createDirectories(tempDir.resolve("data"));
            Files.copy(PROJECT.resolve("data/catalog.yaml"), tempDir.resolve("data/catalog.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return StackFiles.read(tempDir, stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the fixture {@code src/test/resources/<folder>/<stack>.yaml} into a stack's {@code config:} mapping:
     * mappings merge key by key, anything else replaces what the stack file had.
     */
    public static void mergeOverlay(ObjectNode config, String folder, String stack) {
        try {
            JsonNode overlay = YAML.readTree(PROJECT.resolve("src/test/resources/" + folder + "/" + stack + ".yaml")
                    .toFile());
            merge(config, (ObjectNode) overlay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && into.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    public static ObjectNode at(ObjectNode config, String key) {
        return (ObjectNode) config.get("platform-207:" + key);
    }
}
