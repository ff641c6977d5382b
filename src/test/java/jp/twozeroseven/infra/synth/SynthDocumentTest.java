package jp.twozeroseven.infra.synth;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SynthDocumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyStackSynthesizesWithTheDocumentedShape(String stack) {
        ObjectNode doc = SynthedStacks.synth(stack).toJson();
        assertThat(doc.get("project").asText()).isEqualTo("platform-207");
        assertThat(doc.get("stack").asText()).isEqualTo(stack);
        assertThat(doc.get("outputs").isObject()).isTrue();
        for (JsonNode r : doc.get("resources")) {
            assertThat(r.fieldNames()).toIterable().containsExactlyInAnyOrder("urn", "type", "name", "custom",
                    "parent", "provider", "inputs", "dependencies", "propertyDependencies", "options");
            assertThat(r.get("options").fieldNames()).toIterable().containsExactlyInAnyOrder("protect",
                    "retainOnDelete", "ignoreChanges", "dependsOn", "deleteBeforeReplace", "aliases");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void urnsFollowTheEngineFormatWithTheParentTypeChain(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        Set<String> urns = new HashSet<>();
        for (SynthesizedResource r : result.resources()) {
            assertThat(urns.add(r.urn())).as("unique urn %s", r.urn()).isTrue();
            String parentChain = r.parent() == null ? "" : chain(result, r.parent());
            String expectedChain = parentChain.isEmpty() ? r.type() : parentChain + "$" + r.type();
            assertThat(r.urn()).isEqualTo("urn:pulumi:" + stack + "::platform-207::" + expectedChain + "::" + r.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void componentsAreNotCustomAndCustomResourcesUseTheExplicitProvider(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        String provider = result.ofType("pulumi:providers:aws").stream()
                .filter(p -> p.name().equals("aws-ap-northeast-1")).findFirst().orElseThrow().urn();
        // The one other AWS provider: us-east-1, for what CloudFront requires there (its WAF web ACL).
        String global = result.ofType("pulumi:providers:aws").stream()
                .filter(p -> p.name().equals("aws-us-east-1")).findFirst().orElseThrow().urn();
        assertThat(result.ofType("pulumi:providers:aws")).hasSize(2);
        for (SynthesizedResource r : result.resources()) {
            if (r.type().startsWith("platform207:") || r.isStack()) {
                assertThat(r.custom()).as(r.urn()).isFalse();
            } else if (r.type().startsWith("aws:") && r.provider().startsWith(global + "::")) {
                assertThat(r.type()).as(r.urn()).isIn("aws:wafv2/webAcl:WebAcl", "aws:cloudwatch/logGroup:LogGroup",
                        "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
                assertThat(r.urn()).contains("platform207:waf:WebAcls").contains("-cdn");
            } else if (r.type().startsWith("aws:")) {
                assertThat(r.custom()).isTrue();
                assertThat(r.provider()).as(r.urn()).startsWith(provider + "::");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void jsonStringInputsStayStrings(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        result.ofType("aws:ecs/taskDefinition:TaskDefinition")
                .forEach(td -> assertThat(td.inputs().get("containerDefinitions").isTextual()).isTrue());
        result.ofType("aws:iam/role:Role")
                .forEach(role -> assertThat(role.inputs().get("assumeRolePolicy").isTextual()).isTrue());
    }

    private static String chain(SynthResult result, String urn) {
        // The engine leaves the root stack out of the chain: its direct children have no parent type.
        SynthesizedResource parent = result.byUrn(urn).orElseThrow();
        if (parent.isStack()) {
            return "";
        }
        String above = chain(result, parent.parent());
        return above.isEmpty() ? parent.type() : above + "$" + parent.type();
    }
}
