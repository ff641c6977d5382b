package jp.twozeroseven.infra.data.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import jp.twozeroseven.infra.upgrade.UpgradeBaseline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the ETL repository and the ETL security group moved from the platform into the data pipeline. Each
 * moved resource must carry exactly the URN it had before (the one the committed URN list and the upgrade
 * baseline hold) as its alias, keep its type, name and inputs, and the pipeline must be its parent, so a real
 * {@code pulumi up} moves the state and creates, deletes or replaces nothing.
 */
class EtlPartsMoveTest {

    private static final String BEFORE = "::platform207:app:AppPlatform$";
    private static final String NOW = "::platform207:data:DataPipeline$";
    /** Type and name suffix (after the prefix) of each moved resource, and its parent before. */
    private static final Map<String, String> MOVED = Map.of(
            "aws:ecr/repository:Repository::embulk", "platform207:registry:Registries",
            "aws:ecr/lifecyclePolicy:LifecyclePolicy::embulk", "platform207:registry:Registries",
            "aws:ec2/securityGroup:SecurityGroup::etl", "platform207:security:SecurityGroups",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::aurora-from-etl", "platform207:security:SecurityGroups",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::etl-to-aurora", "platform207:security:SecurityGroups",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::etl-to-https", "platform207:security:SecurityGroups");

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void eachMovedResourceIsAliasedToTheUrnItHadBefore(String stack) throws IOException {
        String prefix = "urn:pulumi:" + stack + "::platform-207";
        Set<String> recorded = Set.copyOf(Files.readAllLines(SynthedStacks.PROJECT
                .resolve("src/test/resources/urn-stability/" + stack + ".txt")));
        Map<String, JsonNode> baseline = new HashMap<>();
        UpgradeBaseline.of(stack).path("resources").forEach(r -> baseline.put(r.path("urn").asText(), r));
        List<SynthesizedResource> resources = SynthedStacks.synth(stack).resources();

        MOVED.forEach((typeAndName, formerParent) -> {
            String[] parts = typeAndName.split("::");
            String name = "platform-207-" + stack + "-" + parts[1];
            String before = prefix + BEFORE + formerParent + "$" + parts[0] + "::" + name;
            String now = prefix + NOW + parts[0] + "::" + name;
            SynthesizedResource moved = resources.stream().filter(r -> r.urn().equals(now)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + now));
            assertThat(moved.parent()).isEqualTo(prefix + "::platform207:data:DataPipeline::data-pipeline");
            assertThat(moved.options().aliases()).as(now).contains(before);
            assertThat(resources).as("nothing is left at the old URN").noneMatch(r -> r.urn().equals(before));
            assertThat(recorded).as("the URN list records the old URN (claimed through the alias) and the new one")
                    .contains(before, now);
            JsonNode then = baseline.get(before);
            assertThat(then).as("the baseline rendering had %s", before).isNotNull();
            assertThat(moved.type()).isEqualTo(then.path("type").asText());
            // Compared as rendered JSON text: the baseline is parsed back, so its numbers are other node types.
            assertThat(moved.toJson().path("inputs").toString()).as("inputs of %s", name)
                    .isEqualTo(then.path("inputs").toString());
            assertThat(moved.options().protect()).isEqualTo(then.path("options").path("protect").asBoolean());
        });
    }
}
