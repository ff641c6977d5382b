package jp.twozeroseven.infra.newrelic.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTypeNamesTest {

    @Test
    void mapsResourceInvokeAndProviderTokens() {
        assertThat(ArgsTypeNames.argsTypeFor("newrelic:index/nrqlAlertCondition:NrqlAlertCondition")).isEqualTo("NrqlAlertConditionArgs");
        assertThat(ArgsTypeNames.argsTypeFor("newrelic:index/getEntity:getEntity")).isEqualTo("GetEntityArgs");
        assertThat(ArgsTypeNames.argsTypeFor("pulumi:providers:newrelic")).isEqualTo("ProviderArgs");
    }

    @Test
    void mapsSyntheticsIntoItsNamespaceAndRejectsOtherModules() {
        // @pulumi/newrelic 5.77.0 exports synthetics types under the `synthetics` namespace (synthetics/monitor.d.ts)
        assertThat(ArgsTypeNames.argsTypeFor("newrelic:synthetics/monitor:Monitor")).isEqualTo("synthetics.MonitorArgs");
        assertThatThrownBy(() -> ArgsTypeNames.argsTypeFor("newrelic:cloud/awsIntegrations:AwsIntegrations"))
            .hasMessageContaining("newrelic:cloud/awsIntegrations:AwsIntegrations");
        assertThatThrownBy(() -> ArgsTypeNames.argsTypeFor("aws:sns/topic:Topic"))
            .hasMessageContaining("aws:sns/topic:Topic");
    }

    @Test
    void renderedSourceMapsLinesBackToResources() {
        var a = new RegisteredResource("newrelic:index/alertPolicy:AlertPolicy", "a", NewRelicConformanceCheckerTest.json("{'name':'x'}"));
        var b = new RegisteredResource("newrelic:index/alertPolicy:AlertPolicy", "b", NewRelicConformanceCheckerTest.json("{'name':'y'}"));

        var rendered = TypeScriptConformanceSource.render(List.of(a, b));
        var lines = rendered.text().split("\n");

        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("\"x\"")) {
                assertThat(rendered.resourceAtLine(i + 1)).isSameAs(a);
            }
            if (lines[i].contains("\"y\"")) {
                assertThat(rendered.resourceAtLine(i + 1)).isSameAs(b);
            }
        }
        assertThat(rendered.text()).contains("export const r0: newrelic.AlertPolicyArgs = {");
        assertThat(rendered.resourceAtLine(1)).isNull();
    }
}
