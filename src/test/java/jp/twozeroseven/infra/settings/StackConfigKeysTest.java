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
                messages.add(key.path() + ": declared in " + StackConfigKeys.FILE + " but no parser reads it; remove "
                        + "its entry (and regenerate " + StackConfigPage.FILE + ")");
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
                    messages.add(key.path() + ": the parser falls back to " + value + " but " + StackConfigKeys.FILE
                            + " declares "
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
    void anUndeclaredKeyIsReportedWithTheEntryToAdd() {
        String message = missingDeclaration("services.<name>.slos", List.of(
                new KeyRead("services.<name>.slos", KeyRead.Kind.OBJECT_LIST, true, null),
                new KeyRead("services.<name>.slos", KeyRead.Kind.OBJECT_LIST, false, null)));
        assertThat(message).contains("Add to " + StackConfigKeys.FILE + ", among the services.<name> keys")
                .contains("""
                          - path: services.<name>.slos
                            kind: OBJECT_LIST
                            type: <type>
                            default: {optional: <what absent means>}
                            meaning: <meaning>
                        """);
        assertThat(missingDeclaration("registry.scanOnPush", List.of(
                new KeyRead("registry.scanOnPush", KeyRead.Kind.BOOLEAN, false, "true"))))
                .contains("    kind: BOOLEAN\n").contains("    default: {value: \"true\"}\n");
    }

    @Test
    void anEntryInTheFormatOfTheHintIsReadAsThatDeclaration() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        ConfigKey key = StackConfigKeys.key(yaml.readTree("""
                path: registry.scanOnPush
                kind: BOOLEAN
                default: {value: "true"}
                meaning: Scan each pushed image.
                """));
        assertThat(key).isEqualTo(new ConfigKey("registry.scanOnPush", KeyRead.Kind.BOOLEAN, "",
                ConfigKey.Default.value("true"), "Scan each pushed image."));
        assertThat(StackConfigKeys.byDefault(yaml.readTree("{byTier: [onePerAz, single]}"), "p"))
                .isEqualTo(ConfigKey.Default.byTier("onePerAz", "single"));
        assertThat(StackConfigKeys.byDefault(yaml.readTree("{requiredWhen: with albPathPatterns}"), "p"))
                .isEqualTo(ConfigKey.Default.requiredWhen("with albPathPatterns"));
        assertThat(StackConfigKeys.byDefault(yaml.readTree("required"), "p")).isEqualTo(ConfigKey.Default.required());
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheKeyAndTheField() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfigKeys.key(yaml.readTree(
                        "{path: a.b, kind: INTEGER, default: required, meaning: m}")))
                .hasMessageStartingWith(StackConfigKeys.FILE + ": a.b: kind INTEGER is not one of [TEXT, WHOLE_NUMBER");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfigKeys.key(yaml.readTree(
                        "{path: a.b, kind: TEXT, default: required}")))
                .hasMessage(StackConfigKeys.FILE + ": a.b has no meaning");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfigKeys.byDefault(
                        yaml.readTree("{value: 1, optional: none}"), "a.b"))
                .hasMessageStartingWith(StackConfigKeys.FILE + ": a.b: default must be required or one of");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackConfigKeys.byDefault(
                        yaml.readTree("{byTier: [a]}"), "a.b"))
                .hasMessageStartingWith(StackConfigKeys.FILE + ": a.b: default must be");
    }

    /** The file states the parser's limits as text; the ones the parser holds as constants must agree. */
    @Test
    void theDeclaredCutoffRangeIsTheParsers() {
        assertThat(DeclaredKeys.find("dataPipeline.access.audiences.<name>.bytesScannedCutoffMb").orElseThrow().type())
                .isEqualTo(DataPipelineParser.MIN_CUTOFF_MB + " to " + DataPipelineParser.MAX_CUTOFF_MB);
    }

    /** The message for a key read but not declared: the entry to paste, and where. */
    static String missingDeclaration(String pattern, List<KeyRead> reads) {
        Set<String> fallbacks = reads.stream().map(KeyRead::fallback).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        boolean everAbsent = reads.stream().anyMatch(r -> !r.set());
        String byDefault = !fallbacks.isEmpty() ? suggestedDefault(fallbacks)
                : everAbsent ? "{optional: <what absent means>}" : "required";
        String parent = pattern.contains(".") ? pattern.substring(0, pattern.lastIndexOf('.')) : "";
        return pattern + " is read by a parser but not declared. Add to " + StackConfigKeys.FILE
                + (parent.isEmpty() ? "" : ", among the " + parent.replaceAll("\\[]$", "") + " keys") + ":\n"
                + "  - path: " + pattern + "\n"
                + "    kind: " + reads.get(0).kind() + "\n"
                + "    type: <type>\n"
                + "    default: " + byDefault + "\n"
                + "    meaning: <meaning>\n"
                + "(default: required if absence is reported, {requiredWhen: <with what>} if it is reported only with "
                + "other keys; leave type out when the kind says it all) and regenerate " + StackConfigPage.FILE
                + " with " + StackConfigPage.REGENERATE;
    }

    private static String suggestedDefault(Set<String> fallbacks) {
        List<String> values = List.copyOf(fallbacks);
        return values.size() == 1 ? "{value: \"" + values.get(0) + "\"}"
                : "{byTier: [<production>, <staging>]} or {derived: <how>}, seen " + values;
    }
}
