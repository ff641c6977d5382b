package jp.twozeroseven.infra.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.settings.StackFiles;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.synth.Synthesizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The committed stacks, synthesized once per test JVM: the program is run the way the CLI runs it. */
public final class SynthedStacks {

    public static final Path PROJECT = Path.of(System.getProperty("project.root", "."));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SynthResult> CACHE = new ConcurrentHashMap<>();

    private SynthedStacks() {
    }

    public static StackSettings settings(String stack) {
        return StackSettingsParser.parse(StackFiles.read(PROJECT, stack));
    }

    public static synchronized SynthResult synth(String stack) {
        return CACHE.computeIfAbsent(stack, s -> {
            var raw = StackFiles.read(PROJECT, s);
            return Synthesizer.synth(raw, StackSettingsParser.parse(raw));
        });
    }

    public static List<SynthesizedResource> ofType(String stack, String type) {
        return synth(stack).ofType(type);
    }

    public static SynthesizedResource named(String stack, String type, String name) {
        return ofType(stack, type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in " + stack));
    }

    /** Inputs the provider takes as JSON text (policies, patterns), parsed. */
    public static JsonNode json(JsonNode text) {
        try {
            return JSON.readTree(text.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
