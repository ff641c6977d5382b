package jp.twozeroseven.infra.synth;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the parent → children tree the way {@code pulumi preview} shows it. */
public final class ResourceTree {

    private ResourceTree() {
    }

    public static void print(SynthResult result, PrintStream out) {
        Map<String, List<SynthesizedResource>> children = new LinkedHashMap<>();
        List<SynthesizedResource> roots = new ArrayList<>();
        for (SynthesizedResource r : result.resources()) {
            if (r.parent() == null || result.byUrn(r.parent()).isEmpty()) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        out.println("     Type                                                  Name");
        for (SynthesizedResource root : roots) {
            printNode(root, "", "", children, out);
        }
    }

    private static void printNode(SynthesizedResource node, String prefix, String branch,
                                  Map<String, List<SynthesizedResource>> children, PrintStream out) {
        String label = prefix + branch + node.type();
        out.printf(" +   %-54s %s%s%n", label, node.name(), node.options().protect() ? "  [protected]" : "");
        List<SynthesizedResource> kids = children.getOrDefault(node.urn(), List.of());
        String childPrefix = prefix + (branch.isEmpty() ? "" : branch.startsWith("└") ? "   " : "│  ");
        for (int i = 0; i < kids.size(); i++) {
            printNode(kids.get(i), childPrefix, i == kids.size() - 1 ? "└─ " : "├─ ", children, out);
        }
    }

    public static void printCounts(SynthResult result, PrintStream out) {
        out.println();
        out.println("Resources by type:");
        result.countsByType().forEach((type, count) -> out.printf("  %4d  %s%n", count, type));
        out.printf("  %4d  total%n", result.resources().size());
    }

    public static void printOutputs(SynthResult result, PrintStream out) {
        out.println();
        out.println("Outputs:");
        result.outputs().fields().forEachRemaining(f -> out.printf("  %-28s %s%n", f.getKey(),
                f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
    }
}
