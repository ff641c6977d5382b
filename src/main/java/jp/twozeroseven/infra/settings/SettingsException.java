package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one pass over the settings; thrown before any resource is registered. */
public final class SettingsException extends RuntimeException {

    private final transient List<Problem> problems;

    public SettingsException(String source, List<Problem> problems) {
        super(render(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(String source, List<Problem> problems) {
        String lines = problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
        return problems.size() + " problem(s) in " + source + ":\n" + lines;
    }
}
