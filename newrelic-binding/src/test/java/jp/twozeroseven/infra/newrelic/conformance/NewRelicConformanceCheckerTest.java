package jp.twozeroseven.infra.newrelic.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewRelicConformanceCheckerTest {

    static final Path PROJECT_ROOT = Path.of(System.getProperty("project.root", "."));
    static final ObjectMapper JSON = new ObjectMapper();

    private final NewRelicConformanceChecker checker = NewRelicConformanceChecker.forProject(PROJECT_ROOT);

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<RegisteredResource> correctSet() {
        var list = new ArrayList<RegisteredResource>();
        list.add(new RegisteredResource("pulumi:providers:newrelic", "newrelic",
            json("{'accountId':'[secret]','apiKey':'[secret]','region':'US'}")));
        list.add(new RegisteredResource("newrelic:index/alertPolicy:AlertPolicy", "api-policy",
            json("{'accountId':'1234567','name':'prod api','incidentPreference':'PER_CONDITION_AND_TARGET'}")));
        list.add(new RegisteredResource("newrelic:index/nrqlAlertCondition:NrqlAlertCondition", "fast-burn",
            json("{'accountId':'1234567','policyId':'42','name':'fast burn','type':'static','enabled':true,"
                + "'aggregationMethod':'event_flow','aggregationDelay':'120','aggregationWindow':3600,'slideBy':300,"
                + "'nrql':{'query':'FROM Metric SELECT 1'},"
                + "'critical':{'operator':'above_or_equals','threshold':1.344,'thresholdDuration':3600,'thresholdOccurrences':'AT_LEAST_ONCE'},"
                + "'violationTimeLimitSeconds':86400,'fillOption':'none'}")));
        list.add(new RegisteredResource("newrelic:index/serviceLevel:ServiceLevel", "api-success",
            json("{'guid':'MXxBUE18','name':'api success','events':{'accountId':'1234567',"
                + "'validEvents':{'from':'Transaction','where':'appName = \\u0027api\\u0027'},"
                + "'badEvents':{'from':'TransactionError','where':'error.expected IS FALSE'}},"
                + "'objective':{'target':99.9,'timeWindow':{'rolling':{'count':28,'unit':'DAY'}}}}")));
        list.add(new RegisteredResource("newrelic:index/getEntity:getEntity", "api-entity",
            json("{'name':'api','domain':'APM','type':'APPLICATION'}")));
        return list;
    }

    @Test
    void correctInputsPass() {
        var report = checker.check(correctSet());

        assertThat(report.passed()).as(report.summary() + "\n" + report.source()).isTrue();
        assertThat(report.checkedResources()).isEqualTo(5);
    }

    @Test
    void misspelledPropertyFailsAndNamesTheResource() {
        var resources = List.of(new RegisteredResource("newrelic:index/alertPolicy:AlertPolicy", "api-policy",
            json("{'accountId':'1','nmae':'prod api'}")));

        var report = checker.check(resources);

        assertThat(report.passed()).isFalse();
        assertThat(report.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.resourceName()).isEqualTo("api-policy");
            // Quoted keys get TS2353 (unknown property) rather than TS2561's "did you mean" hint.
            assertThat(d.code()).isEqualTo("TS2353");
            assertThat(d.message()).contains("nmae").contains("AlertPolicyArgs");
        });
    }

    @Test
    void extraPropertyFails() {
        var resources = List.of(new RegisteredResource("newrelic:index/oneDashboardJson:OneDashboardJson", "golden",
            json("{'accountId':'1','json':'{}','tags':['team:platform']}")));

        var report = checker.check(resources);

        assertThat(report.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.resourceType()).isEqualTo("newrelic:index/oneDashboardJson:OneDashboardJson");
            assertThat(d.code()).isEqualTo("TS2353");
            assertThat(d.message()).contains("tags").contains("OneDashboardJsonArgs");
        });
    }

    @Test
    void numberWhereSchemaSaysStringFails() {
        var resources = List.of(new RegisteredResource("newrelic:index/alertPolicy:AlertPolicy", "api-policy",
            json("{'accountId':1234567,'name':'prod api'}")));

        var report = checker.check(resources);

        assertThat(report.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("TS2322");
            assertThat(d.message()).contains("number").contains("string");
        });
    }

    @Test
    void nestedWrongTypeFails() {
        var resources = List.of(new RegisteredResource("newrelic:index/serviceLevel:ServiceLevel", "latency",
            json("{'guid':'g','events':{'accountId':'1','validEvents':{'from':'Transaction'}},"
                + "'objective':{'target':'99.9','timeWindow':{'rolling':{'count':28,'unit':'DAY'}}}}")));

        var report = checker.check(resources);

        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).contains("latency").contains("string");
    }

    @Test
    void missingInstallationFailsWithInstallHint(@TempDir Path emptyPackage) {
        var uninstalled = new NewRelicConformanceChecker(emptyPackage, Duration.ofSeconds(5));

        assertThatThrownBy(() -> uninstalled.check(correctSet()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cd tools/newrelic-conformance && npm ci");
    }

    @Test
    void synthJsonKeepsOnlyNewRelicResources() {
        var doc = json("{'resources':["
            + "{'type':'pulumi:pulumi:Stack','name':'s','inputs':{}},"
            + "{'type':'aws:sns/topic:Topic','name':'t','inputs':{'name':'x'}},"
            + "{'type':'pulumi:providers:newrelic','name':'nr','inputs':{'apiKey':'[secret]'}},"
            + "{'type':'newrelic:index/alertPolicy:AlertPolicy','name':'p','inputs':{'name':'x'}}]}");

        var resources = RegisteredResource.fromSynthJson(doc);

        assertThat(resources).extracting(RegisteredResource::type)
            .containsExactly("pulumi:providers:newrelic", "newrelic:index/alertPolicy:AlertPolicy");
        assertThat(resources.get(0).inputs().path("apiKey").asText()).isEqualTo("[secret]");
    }

    @Test
    void synthJsonWithoutResourcesIsRejectedClearly() {
        assertThatThrownBy(() -> RegisteredResource.fromSynthJson(json("{'project':'p'}")))
            .hasMessageContaining("\"resources\"");
    }
}
