package jp.twozeroseven.infra.synth.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.cli.UsageException;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynthDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRenderingComparedWithItselfHasNoChange() {
        JsonNode prod = SynthedStacks.synth("prod").toJson();
        SynthDiff diff = SynthDiff.between(prod, prod.deepCopy());
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.render()).endsWith("diff: 0 to add, 0 to update, 0 to replace, 0 to delete\n");
    }

    @Test
    void aBaseReadBackFromItsFileEqualsTheRenderingInMemory(@TempDir Path dir) throws Exception {
        // A file holds 60 as an int node, the synth builds a long node: the diff must not call that a change.
        Path file = dir.resolve("base.json");
        Files.writeString(file, SynthedStacks.synth("stg").toJsonText());
        assertThat(SynthDiff.between(SynthDiff.readBase(file), SynthedStacks.synth("stg").toJson()).changes()).isEmpty();
    }

    @Test
    void addsDeletesAndUpdatesWithTheChangedPathsIncludingInsideJsonStrings() {
        ObjectNode base = doc(
                resource("urn:a", "aws:iam/role:Role", "{\"name\":\"a\",\"assumeRolePolicy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\"}]}\"}"),
                resource("urn:gone", "aws:sqs/queue:Queue", "{}"));
        ObjectNode now = doc(
                resource("urn:a", "aws:iam/role:Role", "{\"name\":\"a\",\"assumeRolePolicy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\"}]}\"}"),
                resource("urn:new", "aws:sqs/queue:Queue", "{}"));

        SynthDiff diff = SynthDiff.between(base, now);

        assertThat(diff.changes()).extracting(SynthDiff.Change::kind, SynthDiff.Change::urn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SynthDiff.Kind.UPDATE, "urn:a"),
                org.assertj.core.groups.Tuple.tuple(SynthDiff.Kind.DELETE, "urn:gone"),
                org.assertj.core.groups.Tuple.tuple(SynthDiff.Kind.ADD, "urn:new"));
        assertThat(diff.changes().get(0).paths()).containsExactly("inputs.assumeRolePolicy.Statement[0].Effect");
    }

    @Test
    void renamingTheAuroraClusterIsAReplacementOfAProtectedStatefulResource() {
        JsonNode prod = SynthedStacks.synth("prod").toJson();
        ObjectNode changed = prod.deepCopy();
        SynthesizedResource cluster = SynthedStacks.ofType("prod", "aws:rds/cluster:Cluster").get(0);
        ObjectNode node = find(changed, cluster.urn());
        ((ObjectNode) node.get("inputs")).put("clusterIdentifier", "renamed");
        ((ObjectNode) node.get("inputs")).put("engineVersion", "16.9");

        SynthDiff.Change change = SynthDiff.between(prod, changed).changes().get(0);

        assertThat(change.kind()).isEqualTo(SynthDiff.Kind.REPLACE);
        assertThat(change.paths()).containsExactly("inputs.clusterIdentifier", "inputs.engineVersion");
        // engine_version is updatable in place (a minor upgrade), cluster_identifier is ForceNew.
        assertThat(change.replacingPaths()).containsExactly("inputs.clusterIdentifier");
        assertThat(change.protectedResource()).isTrue();
        assertThat(SynthDiff.between(prod, changed).render()).contains("[protected: pulumi up would refuse this]");
    }

    @Test
    void aResourceMovedUnderAnAliasIsNotADeleteAndAnAdd() {
        ObjectNode base = doc(resource("urn:old", "aws:s3/bucketV2:BucketV2", "{\"bucket\":\"b\"}"));
        ObjectNode moved = resource("urn:new", "aws:s3/bucketV2:BucketV2", "{\"bucket\":\"b\"}");
        ((ArrayNode) moved.with("options").putArray("aliases")).add("urn:old");
        assertThat(SynthDiff.between(base, doc(moved)).changes()).isEmpty();
    }

    @Test
    void aBaseThatIsNotASynthDocumentIsOneClearMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"hello\":1}");
        assertThatThrownBy(() -> SynthDiff.readBase(file)).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a synth document");
        assertThatThrownBy(() -> SynthDiff.readBase(dir.resolve("missing.json"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot read it");
    }

    private static ObjectNode find(JsonNode doc, String urn) {
        for (JsonNode r : doc.get("resources")) {
            if (r.get("urn").asText().equals(urn)) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError(urn);
    }

    private static ObjectNode doc(ObjectNode... resources) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode list = doc.putArray("resources");
        for (ObjectNode r : resources) {
            list.add(r);
        }
        return doc;
    }

    private static ObjectNode resource(String urn, String type, String inputs) {
        try {
            ObjectNode r = JSON.createObjectNode();
            r.put("urn", urn);
            r.put("type", type);
            r.set("inputs", JSON.readTree(inputs));
            r.putObject("options").put("protect", false);
            return r;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
