package jp.twozeroseven.infra.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

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

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void upgradingFromTheBaselineDeletesAndReplacesNothing(String stack) {
        List<String> problems = UpgradeCheck.problems(UpgradeBaseline.of(stack), SynthedStacks.synth(stack).toJson());
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

        assertThat(UpgradeCheck.problems(base, now)).containsExactly("DELETE " + oldUrn
                + ": no resource of the new rendering has this URN or an alias to it");

        ((ArrayNode) moved.withObject("/options").withArray("aliases")).add(oldUrn);
        assertThat(UpgradeCheck.problems(base, now)).isEmpty();
    }

    @Test
    void aRenamedResourceIsCaughtAsAReplacementEvenWhenItsTypeHasNoForceNewList() {
        JsonNode base = SynthedStacks.synth("stg").toJson();
        ObjectNode now = (ObjectNode) base.deepCopy();
        ObjectNode group = firstOfType(now, "aws:lb/targetGroup:TargetGroup");
        ((ObjectNode) group.path("inputs")).put("name", "renamed");

        assertThat(UpgradeCheck.problems(base, now)).singleElement().asString().startsWith("REPLACE " + group.path("urn").asText())
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

        assertThat(UpgradeCheck.problems(base, now)).anySatisfy(p -> assertThat(p).startsWith("CLAIMED TWICE "
                + original.path("urn").asText()));
    }

    @Test
    void aNewImageOfATaskDefinitionIsANewRevisionButAnyOtherChangeOfItIsAReplacement() throws Exception {
        JsonNode base = SynthedStacks.synth("stg").toJson();
        ObjectNode now = (ObjectNode) base.deepCopy();
        ObjectNode task = firstOfType(now, UpgradeCheck.TASK_DEFINITION);
        ObjectNode inputs = (ObjectNode) task.path("inputs");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        ArrayNode containers = (ArrayNode) json.readTree(inputs.path("containerDefinitions").asText());
        ((ObjectNode) containers.get(1)).put("image", "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/x:2");
        inputs.put("containerDefinitions", json.writeValueAsString(containers));
        assertThat(UpgradeCheck.problems(base, now)).isEmpty();

        ((ObjectNode) containers.get(1)).put("memoryReservation", 1);
        inputs.put("containerDefinitions", json.writeValueAsString(containers));
        assertThat(UpgradeCheck.problems(base, now)).singleElement().asString()
                .startsWith("REPLACE " + task.path("urn").asText());
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
