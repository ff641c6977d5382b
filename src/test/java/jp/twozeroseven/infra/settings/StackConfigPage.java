package jp.twozeroseven.infra.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders docs/stack-config.md from {@link StackConfigKeys} and {@link SecretKey}. "Set in" comes from parsing the
 * project's real stack files with a {@link KeyRead} recorder: a key is set in a stack when its parse read it as set.
 */
final class StackConfigPage {

    static final String FILE = "docs/stack-config.md";
    static final String REGENERATE = "./mvnw -B -q test -Dtest=StackConfigPageTest -Dstack-config.write=true";

    private StackConfigPage() {
    }

    /** For every declared path, the stacks whose parse read it as set (sorted). */
    static Map<String, Set<String>> setIn(Path project) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        StackConfigKeys.ALL.forEach(k -> out.put(k.path(), new TreeSet<>()));
        for (String stack : StackFiles.knownStacks(project)) {
            List<KeyRead> reads = new ArrayList<>();
            StackSettingsParser.parse(StackFiles.read(project, stack), reads::add);
            reads.stream().filter(KeyRead::set).forEach(r ->
                    out.computeIfAbsent(r.pattern(), p -> new TreeSet<>()).add(stack));
        }
        return out;
    }

    static String render(Path project) {
        String namespace = StackFiles.projectName(project);
        Map<String, Set<String>> setIn = setIn(project);
        StringBuilder md = new StringBuilder();
        md.append("# Stack config reference\n\n")
                .append("<!-- Generated from src/main/resources/jp/twozeroseven/infra/settings/stack-config-keys.yaml (read by ")
                .append("settings/StackConfigKeys.java) and the ")
                .append("stack files; do not edit. Regenerate: ").append(REGENERATE).append(" -->\n\n")
                .append("Every key a stack file (`Pulumi.<stack>.yaml`) may set, all in the `").append(namespace)
                .append("` namespace: `").append(namespace).append(":tier`, `").append(namespace)
                .append(":network` with `vpcCidr` inside it, and so on. `<name>` stands for a name the stack ")
                .append("chooses (a service, an audience), `[]` for each item of a list. The parser reads exactly these ")
                .append("keys: an unknown key, a wrong type or a value out of range is reported with its key, the value ")
                .append("and the fix before anything is registered. \"Set in\" lists the stack files that set the key; ")
                .append("where none does, the default applies.\n\n")
                .append("The tests prove this page against the parsers: StackConfigKeysTest parses both stack files and ")
                .append("fixture stacks with a recorder and fails when a key is read but not declared here, declared ")
                .append("but never read, read as another kind, or falls back to a default other than the one below.\n");
        String group = null;
        for (ConfigKey key : StackConfigKeys.ALL) {
            boolean container = key.kind() == KeyRead.Kind.OBJECT || key.kind() == KeyRead.Kind.NAMED_OBJECTS
                    || key.kind() == KeyRead.Kind.OBJECT_LIST;
            String top = key.path().contains(".") ? key.path().substring(0, key.path().indexOf('.'))
                    : container ? key.path() : "";
            String heading = top.isEmpty() ? "Top level" : "`" + top + "`";
            if (!heading.equals(group)) {
                group = heading;
                md.append("\n## ").append(heading).append("\n\n")
                        .append("| key | type | default | meaning | set in |\n|---|---|---|---|---|\n");
            }
            Set<String> stacks = setIn.getOrDefault(key.path(), Set.of());
            md.append("| `").append(key.path()).append("` | ").append(cell(type(key))).append(" | ")
                    .append(cell(byDefault(key.byDefault()))).append(" | ").append(cell(key.meaning())).append(" | ")
                    .append(stacks.isEmpty() ? "-" : String.join(", ", stacks)).append(" |\n");
        }
        md.append("\n## Secret keys\n\n")
                .append("Set with `pulumi config set --secret ").append(namespace).append(":<key> <value>`; a plain-text ")
                .append("value is refused. The offline synth stands in a marked placeholder for each.\n\n")
                .append("| key | required | meaning | set in |\n|---|---|---|---|\n");
        Map<String, Set<String>> secretsIn = new LinkedHashMap<>();
        for (String stack : StackFiles.knownStacks(project)) {
            StackFiles.read(project, stack).secretKeys().forEach(k ->
                    secretsIn.computeIfAbsent(k, x -> new TreeSet<>()).add(stack));
        }
        for (SecretKey secret : SecretKey.values()) {
            Set<String> stacks = secretsIn.getOrDefault(namespace + ":" + secret.key(), Set.of());
            md.append("| `").append(secret.key()).append("` | ")
                    .append(secret.requiredEverywhere() ? "every stack" : "where used").append(" | ")
                    .append(cell(secret.description())).append(" | ")
                    .append(stacks.isEmpty() ? "- (none committed)" : String.join(", ", stacks)).append(" |\n");
        }
        return md.toString();
    }

    private static String type(ConfigKey key) {
        return key.type().isEmpty() ? key.kind().label() : key.kind().label() + ": " + key.type();
    }

    static String byDefault(ConfigKey.Default d) {
        return switch (d.form()) {
            case REQUIRED -> "required";
            case VALUE -> "`" + d.values().get(0) + "`";
            case BY_TIER -> "`" + d.values().get(0) + "` in production, `" + d.values().get(1) + "` in staging";
            case DERIVED, OPTIONAL -> d.text();
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;");
    }
}
