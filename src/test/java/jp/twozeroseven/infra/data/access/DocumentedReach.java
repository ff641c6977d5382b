package jp.twozeroseven.infra.data.access;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.twozeroseven.infra.settings.AccessMatrix;
import jp.twozeroseven.infra.testsupport.SynthedStacks;

/**
 * The "Who can reach each sensitive target" table of docs/data-governance.md, read as data: target → role ARNs.
 * The reach tests compare what they compute from the synthesized stack with it, so the document is the expectation.
 */
final class DocumentedReach {
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (.+?) \\|$");
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    private final Map<String, Set<String>> rows = new LinkedHashMap<>();

    private DocumentedReach(String stack, String account) throws IOException {
        String doc = Files.readString(SynthedStacks.PROJECT.resolve("docs/data-governance.md"));
        int start = doc.indexOf("<!-- reach-table:start -->");
        int end = doc.indexOf("<!-- reach-table:end -->");
        if (start < 0 || end < start) {
            throw new AssertionError("docs/data-governance.md has no reach table between its markers");
        }
        AccessMatrix matrix = SynthedStacks.settings(stack).dataPipeline().access();
        for (String line : doc.substring(start, end).split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches() || row.group(1).equals("Target") || row.group(1).startsWith("---")) {
                continue;
            }
            Set<String> principals = new TreeSet<>();
            if (!row.group(2).equals("nobody")) {
                Matcher name = NAME.matcher(row.group(2));
                while (name.find()) {
                    principals.add(switch (name.group(1)) {
                        case "access.deployRoleArn" -> matrix.deployRoleArn();
                        case "access.breakGlassRoleArn" -> matrix.breakGlassRoleArn();
                        default -> "arn:aws:iam::" + account + ":role/platform-207-" + stack + "-" + name.group(1);
                    });
                }
                if (principals.isEmpty()) {
                    throw new AssertionError("reach table row '" + row.group(1) + "' names nobody; write `nobody`");
                }
            }
            rows.put(row.group(1), principals);
        }
    }

    static DocumentedReach of(String stack, String account) throws IOException {
        return new DocumentedReach(stack, account);
    }

    /** The principals documented for the row whose target starts with the given text. */
    Set<String> principals(String targetStart) {
        List<String> matches = rows.keySet().stream().filter(k -> k.startsWith(targetStart)).toList();
        if (matches.size() != 1) {
            throw new AssertionError("reach table: expected one row starting with '" + targetStart + "', found " + matches);
        }
        return rows.get(matches.get(0));
    }

    Set<String> targets() {
        return rows.keySet();
    }
}
