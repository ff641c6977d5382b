package jp.twozeroseven.infra.policycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/policies.md in step with the pack. Reads the TypeScript sources as text on purpose: this runs in a plain
 * `mvn test`, without Node or a built pack, so a policy added without its documentation fails the Java build too.
 *
 * <p>Passing and failing unit cases per policy are NOT re-checked here: the pack's meta-test "has a passing and a
 * failing case for every policy" (policy/test/policies.test.ts, run by `cd policy && npm test`) asserts that for every
 * entry of {@code allPolicies}. This test only makes that guarantee complete: every policy file must be in
 * {@code allPolicies}, and the meta-test must still be there.
 */
class PolicyDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    private static final Path POLICIES = ROOT.resolve("policy/policies");
    private static final Path INDEX = POLICIES.resolve("index.ts");
    private static final Path META_TEST = ROOT.resolve("policy/test/policies.test.ts");
    private static final Path DOC = ROOT.resolve("docs/policies.md");
    private static final List<String> STACKS = List.of("prod", "stg");

    // The policy object's own properties sit at one indentation level inside `export const x: ...Policy = {`;
    // nested properties (config schemas, messages) are deeper, so anchoring on four spaces picks the policy's.
    private static final Pattern NAME = Pattern.compile("(?m)^    name:\\s*\"([^\"]+)\",");
    // One string literal, or several joined with `+` across lines.
    private static final String LITERAL = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern DESCRIPTION = Pattern.compile(
            "(?m)^    description:\\s*(" + LITERAL + "(?:\\s*\\+\\s*" + LITERAL + ")*)\\s*,");
    private static final Pattern LITERAL_PART = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LEVEL = Pattern.compile("(?m)^    enforcementLevel:\\s*\"([a-z]+)\",");
    private static final Pattern EXPORT = Pattern.compile(
            "export const (\\w+)\\s*:\\s*(?:ResourceValidationPolicy|StackValidationPolicy)\\b");
    private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*`([^`]+)`\\s*\\|\\s*([a-z]+)\\s*\\|\\s*([a-z]+)\\s*\\|");
    private static final Pattern FSBP_ROW = Pattern.compile("(?m)^\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|[^|]*\\|([^|]*)\\|");
    private static final Pattern CONTROL_ID = Pattern.compile("\\[([A-Za-z0-9]+\\.\\d+)\\]");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)+)`");
    private static final Pattern JSON_KEY = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)+)\"\\s*:");
    private static final Pattern COUNT = Pattern.compile("\\*\\*(\\d+) policies\\*\\*");

    record PolicySource(Path file, String name, String description, String defaultLevel, String exportName) {}

    @Test
    void everyPolicyFileHasANameADescriptionAndALevel() {
        List<String> problems = new ArrayList<>();
        for (Path file : policyFiles()) {
            String text = read(file);
            String where = ROOT.relativize(file).toString();
            if (!NAME.matcher(text).find()) {
                problems.add(where + ": no `name: \"...\",` property on the policy object");
            }
            if (description(text).isBlank()) {
                problems.add(where + ": no non-empty `description: \"...\",` (string literals) on the policy object");
            }
            if (!LEVEL.matcher(text).find()) {
                problems.add(where + ": no `enforcementLevel: \"...\",` on the policy object");
            }
            if (!EXPORT.matcher(text).find()) {
                problems.add(where + ": exports no ResourceValidationPolicy/StackValidationPolicy constant");
            }
        }
        assertThat(problems).as("policy sources").isEmpty();
    }

    @Test
    void policyFileNamesMatchPolicyNamesAndAreUnique() {
        List<PolicySource> sources = sources();
        List<String> misnamed = sources.stream().filter(s -> !s.file().getFileName().toString().equals(s.name() + ".ts"))
                .map(s -> s.file().getFileName() + " defines '" + s.name() + "'").toList();
        assertThat(misnamed).as("policy files named after their policy").isEmpty();
        assertThat(sources).extracting(PolicySource::name).doesNotHaveDuplicates();
    }

    @Test
    void everyPolicyFileIsInAllPoliciesSoTheMetaTestCoversIt() {
        String index = read(INDEX);
        int start = index.indexOf("allPolicies");
        assertThat(start).as("allPolicies in %s", INDEX).isNotNegative();
        Set<String> listed = Pattern.compile("\\b(\\w+)\\s*,").matcher(index.substring(start)).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        List<String> unlisted = sources().stream().filter(s -> !listed.contains(s.exportName()))
                .map(s -> s.name() + " (export " + s.exportName() + ")").toList();
        assertThat(unlisted).as("policies missing from allPolicies in policy/policies/index.ts").isEmpty();
    }

    @Test
    void packMetaTestStillRequiresPassingAndFailingCasesForEveryPolicy() {
        String metaTest = read(META_TEST);
        assertThat(metaTest)
                .as("policy/test/policies.test.ts is what guarantees a passing and a failing case per policy")
                .contains("has a passing and a failing case for every policy")
                .contains("for (const policy of allPolicies)")
                .contains("cases.pass.length > 0 && cases.fail.length > 0");
    }

    @Test
    void docListsEveryPolicyExactlyOnceAndNoOther() {
        Set<String> inPack = sources().stream().map(PolicySource::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> rows = ROW.matcher(read(DOC)).results().map(m -> m.group(1)).toList();

        assertThat(rows).as("policy rows in docs/policies.md").doesNotHaveDuplicates();
        assertThat(inPack.stream().filter(n -> !rows.contains(n)).toList())
                .as("policies in policy/policies/ without a row in docs/policies.md").isEmpty();
        assertThat(rows.stream().filter(n -> !inPack.contains(n)).toList())
                .as("rows in docs/policies.md for policies that do not exist").isEmpty();
    }

    @Test
    void packMapsAtLeast45FsbpControls() {
        // Issue 16: the pack maps at least 45 AWS Foundational Security Best Practices controls.
        Set<String> controls = new TreeSet<>();
        sources().forEach(s -> controls.addAll(controlIds(read(s.file()))));
        assertThat(controls).as("distinct FSBP controls in policy/policies").hasSizeGreaterThanOrEqualTo(45);
    }

    @Test
    void docFsbpColumnMatchesTheControlIdsInEachPolicy() {
        Map<String, Set<String>> inSource = sources().stream().collect(Collectors.toMap(PolicySource::name,
                s -> controlIds(read(s.file()))));
        List<String> mismatches = new ArrayList<>();
        FSBP_ROW.matcher(read(DOC)).results().forEach(m -> {
            Set<String> documented = controlIds(m.group(2));
            Set<String> expected = inSource.get(m.group(1));
            if (expected != null && !documented.equals(expected)) {
                mismatches.add(m.group(1) + ": doc says " + documented + ", the policy reports " + expected);
            }
        });
        assertThat(mismatches).as("FSBP controls in docs/policies.md vs the policies' messages").isEmpty();
    }

    @Test
    void docNamesNoPolicyThatDoesNotExist() {
        Set<String> inPack = sources().stream().map(PolicySource::name).collect(Collectors.toSet());
        // Only tokens that look like one of our policies (same first segment: s3-, ecs-, data-, ...) are checked,
        // so other kebab-case words in the prose (platform-207, page-fast) need no allow-list.
        Set<String> prefixes = inPack.stream().map(n -> n.substring(0, n.indexOf('-') + 1)).collect(Collectors.toSet());
        String doc = read(DOC);
        Set<String> mentioned = Stream.concat(BACKTICKED.matcher(doc).results(), JSON_KEY.matcher(doc).results())
                .map(m -> m.group(1))
                .filter(token -> prefixes.stream().anyMatch(token::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(mentioned.stream().filter(n -> !inPack.contains(n)).toList())
                .as("policy-like names in docs/policies.md that no policy file defines").isEmpty();
    }

    @Test
    void docStatesThePolicyCount() {
        Matcher count = COUNT.matcher(read(DOC));
        assertThat(count.find()).as("docs/policies.md says **N policies**").isTrue();
        assertThat(Integer.parseInt(count.group(1))).isEqualTo(sources().size());
    }

    @Test
    void docLevelsMatchTheStackConfigs() {
        Map<String, String[]> documented = new LinkedHashMap<>();
        ROW.matcher(read(DOC)).results().forEach(m -> documented.put(m.group(1), new String[] {m.group(2), m.group(3)}));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < STACKS.size(); i++) {
            String stack = STACKS.get(i);
            JsonNode config = config(stack);
            for (PolicySource source : sources()) {
                String expected = effectiveLevel(config, source);
                String[] row = documented.get(source.name());
                if (row != null && !row[i].equals(expected)) {
                    mismatches.add(source.name() + " in " + stack + ": doc says " + row[i] + ", policy/config/" + stack
                            + ".json makes it " + expected);
                }
            }
        }
        assertThat(mismatches).as("enforcement levels in docs/policies.md").isEmpty();
    }

    @Test
    void stackConfigsNameOnlyExistingPolicies() {
        Set<String> inPack = sources().stream().map(PolicySource::name).collect(Collectors.toSet());
        for (String stack : STACKS) {
            List<String> keys = new ArrayList<>();
            config(stack).fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("policies named in policy/config/%s.json", stack)
                    .allSatisfy(key -> assertThat(key).isIn(union(inPack, "all")));
        }
    }

    @Test
    void levelRuleFollowsPulumiPrecedence() {
        // The rule the doc check relies on: a policy's own entry beats "all", which beats the policy's default.
        PolicySource source = new PolicySource(Path.of("x.ts"), "x", "d", "advisory", "x");
        ObjectMapper json = new ObjectMapper();
        assertThat(effectiveLevel(json.createObjectNode(), source)).isEqualTo("advisory");
        assertThat(effectiveLevel(json.createObjectNode().put("all", "mandatory"), source)).isEqualTo("mandatory");
        assertThat(effectiveLevel(json.createObjectNode().put("all", "mandatory").put("x", "disabled"), source))
                .isEqualTo("disabled");
        var withObject = json.createObjectNode().put("all", "disabled");
        withObject.putObject("x").put("enforcementLevel", "advisory");
        assertThat(effectiveLevel(withObject, source)).isEqualTo("advisory");
        var settingsOnly = json.createObjectNode().put("all", "disabled");
        settingsOnly.putObject("x").put("minimumDays", 7);
        assertThat(effectiveLevel(settingsOnly, source)).isEqualTo("disabled");
    }

    @Test
    void descriptionReaderJoinsLiteralsAndSeesMissingOrEmptyOnes() {
        assertThat(description("    name: \"a\",\n    description: \"Checks \\\"x\\\".\",\n")).isEqualTo("Checks \\\"x\\\".");
        assertThat(description("    description: \"one, \" +\n        \"two.\",\n")).isEqualTo("one, two.");
        assertThat(description("    description: \"\",\n")).isEmpty();
        assertThat(description("    name: \"a\",\n    enforcementLevel: \"mandatory\",\n")).isEmpty();
        // A config-schema description is nested deeper and is not the policy's.
        assertThat(description("        stack: { type: \"string\", description: \"Stack name.\" },\n")).isEmpty();
    }

    static String effectiveLevel(JsonNode config, PolicySource source) {
        JsonNode own = config.path(source.name());
        if (own.isTextual()) {
            return own.asText();
        }
        if (own.path("enforcementLevel").isTextual()) {
            return own.path("enforcementLevel").asText();
        }
        return Optional.ofNullable(config.get("all")).map(JsonNode::asText).orElse(source.defaultLevel());
    }

    private static Set<String> controlIds(String text) {
        return CONTROL_ID.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> names, String extra) {
        Set<String> all = new TreeSet<>(names);
        all.add(extra);
        return all;
    }

    private static List<PolicySource> sources() {
        return policyFiles().stream().map(file -> {
            String text = read(file);
            return new PolicySource(file, first(NAME, text), description(text), first(LEVEL, text),
                    first(EXPORT, text));
        }).toList();
    }

    /** The policy's description with `"a" + "b"` joined; empty when there is none. */
    static String description(String source) {
        Matcher m = DESCRIPTION.matcher(source);
        return m.find() ? LITERAL_PART.matcher(m.group(1)).results().map(p -> p.group(1)).collect(Collectors.joining()) : "";
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static List<Path> policyFiles() {
        try (Stream<Path> files = Files.list(POLICIES)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".ts") && !f.equals(INDEX)).sorted().toList();
            assertThat(found).as("policy files in %s", POLICIES).isNotEmpty();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode config(String stack) {
        try {
            return new ObjectMapper().readTree(ROOT.resolve("policy/config/" + stack + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
