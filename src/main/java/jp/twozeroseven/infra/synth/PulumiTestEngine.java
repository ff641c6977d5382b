package jp.twozeroseven.infra.synth;

import com.pulumi.Context;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The only class that touches the Pulumi test engine's internal API ({@code PulumiTestInternal}): it needs the
 * engine's config and to see each registration request. An SDK upgrade that changes that API breaks here, and
 * {@code PulumiTestEngineTest} says so.
 */
public final class PulumiTestEngine {

    /** What one run of a program produced. */
    public record Run(List<SynthesizedResource> resources, Map<String, OutputData<?>> outputs,
                      List<String> errors, List<Exception> exceptions) {
    }

    private PulumiTestEngine() {
    }

    public static synchronized Run run(String project, String stack, Map<String, String> config,
                                       Set<String> secretKeys, OfflineMocks mocks, Consumer<Context> program) {
        return run(project, stack, config, secretKeys, mocks, program, count -> { });
    }

    /** @param registered called with the running count after each resource registration */
    public static synchronized Run run(String project, String stack, Map<String, String> config,
                                       Set<String> secretKeys, OfflineMocks mocks, Consumer<Context> program,
                                       IntConsumer registered) {
        RecordingMonitor[] monitor = new RecordingMonitor[1];
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(mocks.mode() == SynthMode.PREVIEW).build())
                    .mocks(mocks)
                    .config(config, secretKeys)
                    .standardLogger(PulumiTestInternal.logger(java.util.logging.Level.OFF))
                    .monitorDecorator(m -> monitor[0] = new RecordingMonitor(mocks,
                            PulumiTestInternal.mockLog(PulumiTestInternal.logger(java.util.logging.Level.OFF)), registered))
                    .build()
                    .runTest(program);
            Map<String, OutputData<?>> outputs = new LinkedHashMap<>();
            result.outputs().forEach((name, output) -> outputs.put(name, PulumiTestInternal.extractOutputData(output)));
            return new Run(monitor[0].recorded(), outputs, result.errors(), result.exceptions());
        } finally {
            PulumiTest.cleanup();
        }
    }
}
