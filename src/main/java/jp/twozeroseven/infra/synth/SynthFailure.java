package jp.twozeroseven.infra.synth;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The program itself failed under the engine: a bug in this repository, not in the stack settings. */
public final class SynthFailure extends RuntimeException {

    public SynthFailure(List<String> errors, List<Exception> exceptions) {
        super("the program failed under the offline engine (a bug in this repository):\n" + Stream.concat(errors.stream().map(e -> e.lines().findFirst().orElse(e)),
                        exceptions.stream().map(SynthFailure::describe))
                .map(s -> "  - " + s).collect(Collectors.joining("\n")), exceptions.isEmpty() ? null : exceptions.get(0));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
