package jp.twozeroseven.infra.newrelic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.internal.Environment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Version defaulting as in a generated SDK: every resource and invoke asks the engine for the
 * plugin version in {@code com/pulumi/newrelic/plugin.json}, the same file the Java language host
 * reads to install the plugin, so the two can never disagree.
 */
public class Utilities {

    static final String PLUGIN_JSON = "com/pulumi/newrelic/plugin.json";

    private static final String version = readVersion();

    public static Optional<String> getEnv(String... names) {
        for (var name : names) {
            var value = Environment.getEnvironmentVariable(name);
            if (value.isValue()) {
                return Optional.of(value.value());
            }
        }
        return Optional.empty();
    }

    public static InvokeOptions withVersion(/* @Nullable */ InvokeOptions options) {
        if (options != null && options.getVersion().isPresent()) {
            return options;
        }
        return new InvokeOptions(
            options == null ? null : options.getParent().orElse(null),
            options == null ? null : options.getProvider().orElse(null),
            getVersion());
    }

    public static InvokeOutputOptions withVersion(/* @Nullable */ InvokeOutputOptions options) {
        if (options != null && options.getVersion().isPresent()) {
            return options;
        }
        Resource parent = options == null ? null : options.getParent().orElse(null);
        ProviderResource provider = options == null ? null : options.getProvider().orElse(null);
        return new InvokeOutputOptions(parent, provider, getVersion(), options == null ? null : options.getDependsOn());
    }

    public static String getVersion() {
        return version;
    }

    private static String readVersion() {
        try (InputStream in = Utilities.class.getClassLoader().getResourceAsStream(PLUGIN_JSON)) {
            if (in == null) {
                throw new IllegalStateException(PLUGIN_JSON + " is missing from the classpath; the New Relic binding "
                    + "cannot tell the engine which provider version to use. Rebuild with src/main/resources intact.");
            }
            var node = new ObjectMapper().readTree(in).path("version");
            if (!node.isTextual() || node.asText().isBlank()) {
                throw new IllegalStateException(PLUGIN_JSON + " has no \"version\" string; expected e.g. \"5.77.0\".");
            }
            return node.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PLUGIN_JSON, e);
        }
    }
}
