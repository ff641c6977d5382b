package jp.twozeroseven.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.internal.OutputData;
import jp.twozeroseven.infra.InfraStack;
import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.StackSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Runs the real stack program for one stack under Pulumi's own test engine, with deterministic offline answers
 * for every provider call: the main job without credentials.
 */
public final class Synthesizer {

    /** Map outputs by key: the engine stores them as protobuf Structs, whose keys have no order, so sort them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Synthesizer() {
    }

    public static SynthResult synth(RawConfig raw, StackSettings settings) {
        return synth(raw, settings, SynthMode.FULL);
    }

    public static SynthResult synth(RawConfig raw, StackSettings settings, SynthMode mode) {
        return synth(raw, settings, InfraStack::define, mode, count -> { });
    }

    /** @param progress called with the number of resources registered so far, every {@value #PROGRESS_EVERY} */
    public static SynthResult synth(RawConfig raw, StackSettings settings, SynthMode mode, IntConsumer progress) {
        return synth(raw, settings, InfraStack::define, mode, progress);
    }

    static final int PROGRESS_EVERY = 100;

    /** The same run for any program; the benchmark's baseline registers a single resource with it. */
    public static SynthResult synth(RawConfig raw, StackSettings settings,
                                    BiConsumer<com.pulumi.Context, StackSettings> program) {
        return synth(raw, settings, program, SynthMode.FULL, count -> { });
    }

    public static SynthResult synth(RawConfig raw, StackSettings settings,
                                    BiConsumer<com.pulumi.Context, StackSettings> program, SynthMode mode,
                                    IntConsumer progress) {
        IntConsumer everyHundred = count -> {
            if (count % PROGRESS_EVERY == 0) {
                progress.accept(count);
            }
        };
        PulumiTestEngine.Run run = PulumiTestEngine.run(raw.project(), raw.stack(), raw.values(), raw.secretKeys(),
                new OfflineMocks(settings.accountId(), settings.region(), mode), ctx -> program.accept(ctx, settings),
                everyHundred);
        if (!run.exceptions().isEmpty() || !run.errors().isEmpty()) {
            throw new SynthFailure(run.errors(), run.exceptions());
        }
        List<SynthesizedResource> resources = new ArrayList<>(run.resources());
        resources.sort(Comparator.comparing((SynthesizedResource r) -> !r.isStack()).thenComparing(SynthesizedResource::urn));
        ObjectNode outputs = JSON.createObjectNode();
        run.outputs().forEach((name, data) -> outputs.set(name, outputValue(data)));
        return new SynthResult(raw.project(), raw.stack(), mode, List.copyOf(resources), outputs);
    }

    private static JsonNode outputValue(OutputData<?> data) {
        if (data.isSecret()) {
            return JSON.getNodeFactory().textNode(StructJson.SECRET_MARKER);
        }
        if (!data.isKnown()) {
            return JSON.getNodeFactory().textNode(StructJson.UNKNOWN_MARKER);
        }
        return JSON.valueToTree(data.getValueNullable());
    }
}
