package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFiles;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.Synthesizer;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** Synthesizes the real stacks once per test JVM: a synth takes seconds and every observability test reads it. */
final class SynthStacks {

    static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    private static final ConcurrentHashMap<String, SynthResult> CACHE = new ConcurrentHashMap<>();

    private SynthStacks() {
    }

    static SynthResult of(String stack) {
        return CACHE.computeIfAbsent(stack, s -> {
            RawConfig raw = StackFiles.read(ROOT, s);
            return Synthesizer.synth(raw, StackSettingsParser.parse(raw));
        });
    }
}
