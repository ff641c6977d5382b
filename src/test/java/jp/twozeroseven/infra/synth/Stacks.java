package jp.twozeroseven.infra.synth;

import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackFiles;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettingsParser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Synthesizes each committed stack once per test JVM; the engine run is the slow part of these tests. */
public final class Stacks {

    private static final Map<String, SynthResult> CACHE = new ConcurrentHashMap<>();

    private Stacks() {
    }

    public static synchronized SynthResult synth(String stack) {
        return CACHE.computeIfAbsent(stack, s -> {
            RawConfig raw = StackFiles.read(StackFixture.PROJECT, s);
            return Synthesizer.synth(raw, StackSettingsParser.parse(raw));
        });
    }
}
