package jp.twozeroseven.infra.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once with every problem found, so a catalog author fixes the file in one pass. */
public final class CatalogException extends RuntimeException {
    private final transient List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    private static String render(List<CatalogProblem> problems) {
        return problems.size() + " problem(s) in the table catalog:\n" + problems.stream()
                .map(p -> "  - " + p.describe())
                .collect(Collectors.joining("\n"));
    }
}
