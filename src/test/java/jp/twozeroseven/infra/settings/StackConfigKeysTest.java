package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static jp.twozeroseven.infra.settings.StackFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves {@link StackConfigKeys} against what the parsers read: the two stack files, each stripped of every key
 * that has a default (so the parser falls back to it), and one stack that sets every optional key. Each parse
 * records its reads ({@link KeyRead}); no hand list of keys is involved.
 */
class StackConfigKeysTest {

    @TempDir
    static Path temp;

    /** fixture name -> what its parse read. */
    private static final Map<String, List<KeyRead>> READS = new LinkedHashMap<>();

    @BeforeAll
    static void parseEveryFixture() throws Exception {
        for (String stack : List.of("prod", "stg")) {
            record(stack, StackFixture.read(stack));
            record(stack + " without defaulted keys", StackFixture.edited(stack, dir(stack + "-defaults"),
                    StackConfigKeysTest::removeDefaultedKeys));
        }
        record("prod with every optional key", StackFixture.edited("prod", dir("everything"),
                StackConfigKeysTest::setEveryOptionalKey));
    }

    private static Path dir(String name) throws Exception {
        return Files.createDirectories(temp.resolve(name));
    }

    private static void record(String fixture, RawConfig raw) {
        List<KeyRead> reads = new ArrayList<>();
        try {
            StackSettingsParser.parse(raw, reads::add);
        } catch (SettingsException expected) {
            // Fixtures without defaults may break cross-key rules (production pages); the reads are what counts.
        }
        READS.put(fixture, reads);
    }

    /** Removes every key whose declaration has a fallback value, wherever the stack sets it. */
    private static void removeDefaultedKeys(ObjectNode config) {
        List<Runnable> removals = new ArrayList<>();
        DeclaredKeys.walk(config, "platform-207", (path, holder) -> {
            ConfigKey.Default.Form form = DeclaredKeys.BY_PATH.get(path).byDefault().form();
            if (form == ConfigKey.Default.Form.VALUE || form == ConfigKey.Default.Form.BY_TIER
                    || form == ConfigKey.Default.Form.DERIVED) {
                String field = path.substring(path.lastIndexOf('.') + 1);
                removals.add(() -> {
                    if (path.contains(".")) {
                        holder.remove(field);
                    } else {
                        config.remove("platform-207:" + field);
                    }
                });
            }
        });
        removals.forEach(Runnable::run);
    }

    /** Sets the keys neither stack file sets, with valid values where one exists. */
    private static void setEveryOptionalKey(ObjectNode config) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode api = (ObjectNode) at(config, "services").get("api");
        ((ObjectNode) api.get("routing")).set("pathPatterns", f.arrayNode().add("/v1/*"));
        ObjectNode deploy = at(config, "deploy");
        deploy.put("mode", "codedeploy");
        deploy.set("githubRepositories", f.objectNode().put("api", "two-zero-seven/api")
                .put("web", "two-zero-seven/web"));
        deploy.put("githubOidcProvider", "existing");
        at(config, "cdn").put("wafWebAclArn", "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0a1b2c3d");
        ObjectNode embulk = (ObjectNode) at(config, "dataPipeline").get("embulkTask");
        embulk.put("timeoutMinutes", 300);
        embulk.put("imageTag", "retired");
        ObjectNode observability = at(config, "observability");
        ((ObjectNode) observability.get("newRelic")).put("region", "EU");
        observability.put("burnAlerts", "single");
        observability.put("deployMarkers", false);
        // A worker (kind rails-worker) is the one service with a command.
        WorkerSettingsTest.addWorker(config);
        ObjectNode apiSlo = (ObjectNode) observability.get("services").get("api");
        apiSlo.put("entityGuid", "MzQ1Njc4OXxBUE18QVBQTElDQVRJT058MTIzNDU2");
        ((ObjectNode) apiSlo.get("slos").get(0)).put("windowDays", 7);
    }

    private static List<KeyRead> all() {
        return READS.values().stream().flatMap(List::stream).toList();
    }

    @Test
    void everyKeyAParserReadsIsDeclared() {
        Map<String, List<KeyRead>> undeclared = all().stream()
                .filter(r -> DeclaredKeys.find(r.pattern()).isEmpty())
                .collect(Collectors.groupingBy(KeyRead::pattern, LinkedHashMap::new, Collectors.toList()));
        List<String> messages = new ArrayList<>();
        undeclared.forEach((pattern, reads) -> messages.add(missingDeclaration(pattern, reads)));
        assertThat(messages).as("keys read by the parsers but not declared").isEmpty();
    }

    @Test
    void everyDeclaredKeyIsReadAndSetBySomeParse() {
        Set<String> read = all().stream().map(KeyRead::pattern).collect(Collectors.toSet());
        Set<String> set = all().stream().filter(KeyRead::set).map(KeyRead::pattern).collect(Collectors.toSet());
        List<String> messages = new ArrayList<>();
        for (ConfigKey key : StackConfigKeys.ALL) {
            if (!read.contains(key.path())) {
                messages.add(key.path() + ": declared in StackConfigKeys but no parser reads it; remove the "
                        + "declaration (and regenerate " + StackConfigPage.FILE + ")");
            } else if (!set.contains(key.path())) {
                messages.add(key.path() + ": no fixture sets it, so its kind is never checked; set it in "
                        + "StackConfigKeysTest.setEveryOptionalKey");
            }
        }
        assertThat(messages).isEmpty();
    }

    @Test
    void declaredKindsAreTheKindsTheParsersRead() {
        Set<String> messages = new TreeSet<>();
        for (KeyRead r : all()) {
            DeclaredKeys.find(r.pattern()).filter(k -> r.set() && k.kind() != r.kind()).ifPresent(k -> messages.add(
                    r.pattern() + ": declared Kind." + k.kind() + " but read as Kind." + r.kind()));
        }
        assertThat(messages).isEmpty();
    }

    @Test
    void declaredDefaultsAreTheValuesTheParsersFallBackTo() {
        Map<String, Set<String>> fallbacks = new LinkedHashMap<>();
        all().stream().filter(r -> r.fallback() != null).forEach(r ->
                fallbacks.computeIfAbsent(r.pattern(), p -> new LinkedHashSet<>()).add(r.fallback()));
        Set<String> messages = new TreeSet<>();
        for (ConfigKey key : StackConfigKeys.ALL) {
            ConfigKey.Default d = key.byDefault();
            Set<String> seen = fallbacks.getOrDefault(key.path(), Set.of());
            if (d.form() == ConfigKey.Default.Form.DERIVED) {
                continue;
            }
            for (String value : seen) {
                if (!d.fallbacks().contains(value)) {
                    messages.add(key.path() + ": the parser falls back to " + value + " but StackConfigKeys declares "
                            + StackConfigPage.byDefault(d) + "; declare " + suggestedDefault(seen));
                }
            }
            for (String value : d.fallbacks()) {
                if (!seen.contains(value)) {
                    messages.add(key.path() + ": declared default " + value + " but no parse fell back to it"
                            + (seen.isEmpty() ? "" : " (it fell back to " + seen + ")"));
                }
            }
        }
        assertThat(messages).isEmpty();
    }

    @Test
    void theRecorderNamesNestedKeysByPattern() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode api = node.putObject("services").putObject("api");
        api.putArray("windows").addObject().put("min", 1);
        List<KeyRead> reads = new ArrayList<>();
        Section root = Section.root("p", node, new Problems(), reads::add);
        root.named("services", "[a-z]+", "a name").values().forEach(s -> {
            s.each(s.list("windows", true), w -> w.integer("min", 0, 9));
            s.integer("cpuTargetPercent", 10, 90, 60);
        });
        assertThat(reads).containsExactly(
                new KeyRead("services", KeyRead.Kind.NAMED_OBJECTS, true, null),
                new KeyRead("services.<name>.windows", KeyRead.Kind.OBJECT_LIST, true, null),
                new KeyRead("services.<name>.windows[].min", KeyRead.Kind.WHOLE_NUMBER, true, null),
                new KeyRead("services.<name>.cpuTargetPercent", KeyRead.Kind.WHOLE_NUMBER, false, "60"));
    }

    @Test
    void anUndeclaredKeyIsReportedWithTheLineToAdd() {
        String message = missingDeclaration("services.<name>.slos", List.of(
                new KeyRead("services.<name>.slos", KeyRead.Kind.OBJECT_LIST, true, null),
                new KeyRead("services.<name>.slos", KeyRead.Kind.OBJECT_LIST, false, null)));
        assertThat(message).contains("key(\"services.<name>.slos\", Kind.OBJECT_LIST, \"<type>\", "
                + "optional(\"<what absent means>\"), \"<meaning>\"),").contains("StackConfigKeys.ALL");
        assertThat(missingDeclaration("registry.scanOnPush", List.of(
                new KeyRead("registry.scanOnPush", KeyRead.Kind.BOOLEAN, false, "true"))))
                .contains("key(\"registry.scanOnPush\", Kind.BOOLEAN, \"<type>\", value(\"true\"), \"<meaning>\"),");
    }

    /** The message for a key read but not declared: the declaration to paste, and where. */
    static String missingDeclaration(String pattern, List<KeyRead> reads) {
        Set<String> fallbacks = reads.stream().map(KeyRead::fallback).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        boolean everAbsent = reads.stream().anyMatch(r -> !r.set());
        String byDefault = !fallbacks.isEmpty() ? suggestedDefault(fallbacks)
                : everAbsent ? "optional(\"<what absent means>\")" : "required()";
        String parent = pattern.contains(".") ? pattern.substring(0, pattern.lastIndexOf('.')) : "";
        return pattern + " is read by a parser but not declared. Add to StackConfigKeys.ALL"
                + (parent.isEmpty() ? "" : ", among the " + parent.replaceAll("\\[]$", "") + " keys")
                + ":\n    key(\"" + pattern + "\", Kind." + reads.get(0).kind() + ", \"<type>\", " + byDefault
                + ", \"<meaning>\"),\n  (required() if absence is reported, requiredWhen(\"...\") if it is reported "
                + "only with other keys) and regenerate " + StackConfigPage.FILE + " with " + StackConfigPage.REGENERATE;
    }

    private static String suggestedDefault(Set<String> fallbacks) {
        List<String> values = List.copyOf(fallbacks);
        return values.size() == 1 ? "value(\"" + values.get(0) + "\")"
                : "byTier(\"<production>\", \"<staging>\") or derived(\"<how>\"), seen " + values;
    }
}
