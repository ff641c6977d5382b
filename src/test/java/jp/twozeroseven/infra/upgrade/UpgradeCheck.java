package jp.twozeroseven.infra.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.synth.diff.SynthDiff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@code pulumi up} from one rendering to another would lose, as the engine matches resources: by URN, or
 * by an alias the new rendering resolves to the old URN. See {@link UpgradeNoReplaceTest}.
 */
public final class UpgradeCheck {

    /**
     * A task definition is immutable: any change registers a new revision, which the provider shows as a replace
     * (the old revision becomes INACTIVE, and tasks running from it keep running, Amazon ECS Developer Guide,
     * "Amazon ECS task definition states"). Under CODE_DEPLOY the service keeps running the revision CodeDeploy
     * last deployed (its taskDefinition is ignored, AppService), so a new image pin, such as issue 14's sidecar
     * mirrors, reaches tasks only with the next deployment. Such a new revision is expected; any other change of a
     * task definition still fails the check.
     */
    static final java.util.regex.Pattern NEW_REVISION_PATH =
            java.util.regex.Pattern.compile("inputs\\.containerDefinitions\\[\\d+]\\.image");
    static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

    /** Inputs treated as ForceNew on every type (UpgradeNoReplaceTest's class comment). */
    static final Set<String> NAME_INPUTS = Set.of("inputs.name", "inputs.namePrefix");

    private UpgradeCheck() {
    }

    /** Every reason the baseline's resources would not survive an upgrade to {@code now}, one line each. */
    public static List<String> problems(JsonNode base, JsonNode now) {
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
                case REPLACE -> {
                    if (!isNewTaskRevision(change)) {
                        problems.add("REPLACE " + change.urn() + ": " + change.replacingPaths());
                    }
                }
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


    static boolean isNewTaskRevision(SynthDiff.Change change) {
        return change.urn().contains("$" + TASK_DEFINITION + "::") && !change.replacingPaths().isEmpty()
                && change.replacingPaths().stream().allMatch(p -> NEW_REVISION_PATH.matcher(p).matches());
    }
}
