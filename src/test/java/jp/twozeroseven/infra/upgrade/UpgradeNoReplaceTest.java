package jp.twozeroseven.infra.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.synth.diff.SynthDiff;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code pulumi up} of today's program over a stack deployed from the baseline (main before the per-service
 * refactor) must delete nothing and replace nothing. Resources are matched as the engine matches them: by URN,
 * or by an alias that resolves to the old URN (the synth records aliases as the URNs the engine computes,
 * RecordingMonitor). A match must keep its type, and no input the provider cannot update in place may change
 * ({@link SynthDiff}: ForceNewProperties for the stateful types; for every other type a changed {@code name} or
 * {@code namePrefix}, which the AWS provider marks ForceNew on nearly every resource, counts as a replacement
 * here too, to err on the side of a failing test).
 */
class UpgradeNoReplaceTest {

    /** Inputs treated as ForceNew on every type (see the class comment). */
    static final Set<String> NAME_INPUTS = Set.of("inputs.name", "inputs.namePrefix");

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void upgradingFromTheBaselineDeletesAndReplacesNothing(String stack) {
        List<String> problems = problems(UpgradeBaseline.of(stack), SynthedStacks.synth(stack).toJson());
        assertThat(problems).as("an upgrade of %s from the baseline rendering would lose these resources; keep the "
                + "URN or alias the moved resource to its old parent (support/FormerParent)", stack).isEmpty();
    }

    @Test
    void aMovedResourceWithoutAnAliasIsCaughtAsADelete() {
        JsonNode base = SynthedStacks.synth("stg").toJson();
        ObjectNode now = (ObjectNode) base.deepCopy();
        ObjectNode moved = firstOfType(now, "aws:ecr/repository:Repository");
        String oldUrn = moved.path("urn").asText();
        moved.put("urn", oldUrn.replace("::platform207:app:AppPlatform$", "::platform207:app:AppPlatform$"
                + "platform207:service:AppService$"));

        assertThat(problems(base, now)).containsExactly("DELETE " + oldUrn
                + ": no resource of the new rendering has this URN or an alias to it");

        ((ArrayNode) moved.withObject("/options").withArray("aliases")).add(oldUrn);
        assertThat(problems(base, now)).isEmpty();
    }

    @Test
    void aRenamedResourceIsCaughtAsAReplacementEvenWhenItsTypeHasNoForceNewList() {
        JsonNode base = SynthedStacks.synth("stg").toJson();
        ObjectNode now = (ObjectNode) base.deepCopy();
        ObjectNode group = firstOfType(now, "aws:lb/targetGroup:TargetGroup");
        ((ObjectNode) group.path("inputs")).put("name", "renamed");

        assertThat(problems(base, now)).singleElement().asString().startsWith("REPLACE " + group.path("urn").asText())
                .contains("inputs.name");
    }

    @Test
    void twoResourcesClaimingOneOldUrnAreCaught() {
        JsonNode base = SynthedStacks.synth("stg").toJson();
        ObjectNode now = (ObjectNode) base.deepCopy();
        ObjectNode original = firstOfType(now, "aws:secretsmanager/secret:Secret");
        ObjectNode copy = original.deepCopy();
        copy.put("urn", original.path("urn").asText() + "-copy");
        ((ArrayNode) copy.withObject("/options").withArray("aliases")).add(original.path("urn").asText());
        ((ArrayNode) now.path("resources")).add(copy);

        assertThat(problems(base, now)).anySatisfy(p -> assertThat(p).startsWith("CLAIMED TWICE "
                + original.path("urn").asText()));
    }

    /** Every reason the baseline's resources would not survive an upgrade to {@code now}, one line each. */
    static List<String> problems(JsonNode base, JsonNode now) {
        List<String> problems = new ArrayList<>();
        Map<String, String> baseTypes = new HashMap<>();
        base.path("resources").forEach(r -> baseTypes.put(r.path("urn").asText(), r.path("type").asText()));
        Map<String, List<String>> claims = new TreeMap<>();
        for (JsonNode r : now.path("resources")) {
            String urn = r.path("urn").asText();
            if (baseTypes.containsKey(urn)) {
                claims.computeIfAbsent(urn, k -> new ArrayList<>()).add(urn);
            }
            for (JsonNode alias : r.path("options").path("aliases")) {
                String old = alias.asText();
                if (!old.startsWith("urn:pulumi:")) {
                    problems.add("UNRESOLVED ALIAS " + old + " on " + urn + ": the synth must record the URN");
                } else if (baseTypes.containsKey(old) && !old.equals(urn)) {
                    claims.computeIfAbsent(old, k -> new ArrayList<>()).add(urn);
                    if (!baseTypes.get(old).equals(r.path("type").asText())) {
                        problems.add("TYPE CHANGED " + old + ": now " + r.path("type").asText() + " at " + urn);
                    }
                }
            }
        }
        claims.forEach((old, by) -> {
            if (by.size() > 1) {
                problems.add("CLAIMED TWICE " + old + ": by " + by);
            }
        });
        for (SynthDiff.Change change : SynthDiff.between(base, now).changes()) {
            switch (change.kind()) {
                case DELETE -> problems.add("DELETE " + change.urn()
                        + ": no resource of the new rendering has this URN or an alias to it");
                case REPLACE -> problems.add("REPLACE " + change.urn() + ": " + change.replacingPaths());
                case UPDATE -> {
                    List<String> renamed = change.paths().stream().filter(NAME_INPUTS::contains).toList();
                    if (!renamed.isEmpty()) {
                        problems.add("REPLACE " + change.urn() + ": " + renamed);
                    }
                }
                case ADD -> { }
            }
        }
        return problems;
    }

    private static ObjectNode firstOfType(JsonNode doc, String type) {
        for (JsonNode r : doc.path("resources")) {
            if (r.path("type").asText().equals(type)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no " + type);
    }
}
