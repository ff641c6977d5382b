package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.testsupport.SynthedStacks;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.newrelic.conformance.ConformanceReport;
import jp.twozeroseven.infra.newrelic.conformance.NewRelicConformanceChecker;
import jp.twozeroseven.infra.newrelic.conformance.RegisteredResource;
import jp.twozeroseven.infra.observability.alerts.Runbooks;
import jp.twozeroseven.infra.policycheck.PolicyCheck;
import jp.twozeroseven.infra.policycheck.PolicyReport;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The observability resources of the REAL prod and stg stacks, synthesized offline. */
class ObservabilityStacksTest {

    private static final String SERVICE_LEVEL = "newrelic:index/serviceLevel:ServiceLevel";
    private static final String COMPOUND = "newrelic:index/alertCompoundCondition:AlertCompoundCondition";
    private static final String NRQL = "newrelic:index/nrqlAlertCondition:NrqlAlertCondition";
    private static final String WORKFLOW = "newrelic:index/workflow:Workflow";
    private static final String CHANNEL = "newrelic:index/notificationChannel:NotificationChannel";
    private static final String DESTINATION = "newrelic:index/notificationDestination:NotificationDestination";

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyServiceHasTwoSlosFourBurnRateAlertsPerSliAndADashboard(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        for (String svc : List.of("api", "web")) {
            assertThat(result.ofType(SERVICE_LEVEL)).filteredOn(r -> r.name().startsWith(svc + "-slo-"))
                    .extracting(SynthesizedResource::name).containsExactlyInAnyOrder(svc + "-slo-success", svc + "-slo-latency",
                            svc + "-slo-availability");
            assertThat(result.ofType(COMPOUND)).filteredOn(r -> r.name().startsWith(svc + "-"))
                    .hasSize(8)
                    .allSatisfy(c -> {
                        assertThat(c.inputs().path("triggerExpression").asText()).isEqualTo("A AND B");
                        assertThat(c.inputs().path("enabled").asBoolean()).isTrue();
                        assertThat(c.inputs().path("componentConditions")).hasSize(2);
                    });
            assertThat(result.ofType("newrelic:index/oneDashboardJson:OneDashboardJson"))
                    .extracting(SynthesizedResource::name).contains(svc + "-dashboard");
        }
        // Every component of a compound condition is itself an enabled NRQL condition.
        Set<String> componentIds = new LinkedHashSet<>();
        result.ofType(COMPOUND).forEach(c -> c.inputs().path("componentConditions")
                .forEach(cc -> componentIds.add(cc.path("id").asText())));
        assertThat(result.ofType(NRQL)).filteredOn(n -> componentIds.contains(n.inputs().path("name").asText()))
                .hasSize(componentIds.size()).allSatisfy(n -> assertThat(n.inputs().path("enabled").asBoolean()).isTrue());
    }

    /** Issue 13: synthetic checks through the public DNS names, an availability SLO and a page on a full outage. */
    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void outsideInChecksWatchThePublicHostNamesFromTokyoAndSingapore(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        String domain = stack.equals("prod") ? "207-delivery.jp" : "stg.207-delivery.jp";
        assertThat(result.ofType("newrelic:synthetics/monitor:Monitor")).extracting(m -> m.inputs().path("uri").asText())
                .containsExactly("https://api." + domain + "/health", "https://static." + domain + "/api/health");
        assertThat(result.ofType("newrelic:synthetics/monitor:Monitor")).allSatisfy(m -> {
            assertThat(m.inputs().path("locationsPublics").toString()).isEqualTo("[\"AP_NORTHEAST_1\",\"AP_SOUTHEAST_1\"]");
            assertThat(m.inputs().path("period").asText()).isEqualTo("EVERY_MINUTE");
            assertThat(m.inputs().path("verifySsl").asBoolean()).isTrue();
        });
        for (String svc : List.of("api", "web")) {
            SynthesizedResource monitor = result.ofType("newrelic:synthetics/monitor:Monitor").stream()
                    .filter(m -> m.name().equals(svc + "-public")).findFirst().orElseThrow();
            SynthesizedResource level = result.ofType(SERVICE_LEVEL).stream()
                    .filter(l -> l.name().equals(svc + "-slo-availability")).findFirst().orElseThrow();
            assertThat(level.propertyDependencies().get("guid")).containsExactly(monitor.urn());
            String guid = level.inputs().path("guid").asText();
            assertThat(level.inputs().path("events").path("badEvents").path("where").asText())
                    .isEqualTo("entityGuid = '" + guid + "' AND result = 'FAILED'");
            assertThat(policyOf(result, svc + "-outside-in-outage")).isEqualTo("platform-207-" + stack + "-" + svc + "-critical");
            assertThat(result.ofType(NRQL)).filteredOn(n -> n.name().equals(svc + "-outside-in-outage")).singleElement()
                    .satisfies(n -> assertThat(n.inputs().path("nrql").path("query").asText()).endsWith(
                            "FROM SyntheticCheck WHERE entityGuid = '" + guid + "'"));
        }
    }

    /** Issue 13: the SLIs and golden signals leave out exactly the paths the target groups probe. */
    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void slisAndGoldenSignalsLeaveOutTheTargetGroupsHealthCheckPaths(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        for (String svc : List.of("api", "web")) {
            Set<String> probed = new LinkedHashSet<>();
            result.ofType("aws:lb/targetGroup:TargetGroup").stream()
                    .filter(t -> t.inputs().path("tags").path("Service").asText().equals(svc))
                    .forEach(t -> probed.add(t.inputs().path("healthCheck").path("path").asText()));
            assertThat(probed).hasSize(1);
            String users = "appName = '" + svc + "-" + stack + "' AND transactionType = 'Web' AND request.uri NOT IN ('"
                    + probed.iterator().next() + "')";
            assertThat(result.ofType(SERVICE_LEVEL)).filteredOn(l -> l.name().startsWith(svc + "-slo-")
                            && !l.name().endsWith("-availability")).hasSize(2)
                    .allSatisfy(l -> assertThat(l.inputs().path("events").path("validEvents").path("where").asText())
                            .isEqualTo(users));
            assertThat(result.ofType(SERVICE_LEVEL)).filteredOn(l -> l.name().equals(svc + "-slo-success")).singleElement()
                    .satisfies(l -> assertThat(l.inputs().path("events").path("badEvents").path("where").asText())
                            .isEqualTo(users + " AND http.statusCode >= 500"));
            for (String golden : List.of("-error-rate", "-p95-latency", "-throughput-drop")) {
                assertThat(result.ofType(NRQL)).filteredOn(n -> n.name().equals(svc + golden)).singleElement()
                        .satisfies(n -> assertThat(n.inputs().path("nrql").path("query").asText()).contains(users));
            }
            assertThat(result.ofType("newrelic:index/oneDashboardJson:OneDashboardJson"))
                    .filteredOn(d -> d.name().equals(svc + "-dashboard")).singleElement()
                    .satisfies(d -> assertThat(d.inputs().path("json").asText()).contains(users));
        }
    }

    /** Issue 13: each burn condition reads its own service level's series, by sli.guid, never another SLI's. */
    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyBurnConditionFiltersBySliGuidOfItsOwnServiceLevel(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        List<SynthesizedResource> burns = result.ofType(NRQL).stream()
                .filter(n -> n.inputs().path("nrql").path("query").asText().contains("newrelic.sli.")).toList();
        assertThat(burns).hasSize(2 * 2 * (4 * 2 + 1));
        java.util.Map<String, String> guidBySli = new java.util.HashMap<>();
        for (SynthesizedResource n : burns) {
            String sli = n.name().startsWith(n.name().split("-")[0] + "-success") ? "success" : "latency";
            String level = n.name().split("-")[0] + "-slo-" + sli;
            assertThat(n.propertyDependencies().get("nrql")).as(n.name()).singleElement()
                    .satisfies(urn -> assertThat(urn).endsWith("ServiceLevel::" + level));
            var m = java.util.regex.Pattern.compile("FROM Metric WHERE sli\\.guid = '([A-Za-z0-9+/=]+)'$")
                    .matcher(n.inputs().path("nrql").path("query").asText());
            assertThat(m.find()).as(n.name()).isTrue();
            assertThat(guidBySli.computeIfAbsent(level, k -> m.group(1))).as(n.name()).isEqualTo(m.group(1));
        }
        assertThat(new LinkedHashSet<>(guidBySli.values())).hasSize(4);
    }

    @Test
    void prodPagesOnCallForCriticalPoliciesAndSendsTicketsToSlack() {
        SynthResult prod = SynthedStacks.synth("prod");
        assertThat(routedPolicies(prod, "on-call")).containsExactly("platform-207-prod-api-critical",
                "platform-207-prod-web-critical");
        assertThat(channelOf(prod, "on-call").inputs().path("type").asText()).isEqualTo("PAGERDUTY_SERVICE_INTEGRATION");
        assertThat(prod.ofType(DESTINATION)).singleElement().satisfies(d -> {
            assertThat(d.inputs().path("type").asText()).isEqualTo("PAGERDUTY_SERVICE_INTEGRATION");
            assertThat(d.inputs().path("authToken").path("token").asText()).isEqualTo("[secret]");
        });
        assertThat(routedPolicies(prod, "slack")).containsExactly("platform-207-prod-api-ticket",
                "platform-207-prod-web-ticket", "platform-207-prod-data-pipeline-ticket");
        assertThat(channelOf(prod, "slack").inputs().path("destinationId").asText())
                .isEqualTo("6b1f0c2e-4a7d-4e3b-9c15-2d8f7a9e0b41");

        // Which condition reaches which destination: fast and medium burns page, the slow burn tickets.
        assertThat(policyOf(prod, "api-success-page-fast")).isEqualTo("platform-207-prod-api-critical");
        assertThat(policyOf(prod, "api-latency-page-medium")).isEqualTo("platform-207-prod-api-critical");
        assertThat(policyOf(prod, "api-success-ticket-slow")).isEqualTo("platform-207-prod-api-ticket");
        assertThat(policyOf(prod, "web-loss-of-signal")).isEqualTo("platform-207-prod-web-critical");
        assertThat(policyOf(prod, "web-p95-latency")).isEqualTo("platform-207-prod-web-ticket");
        assertThat(policyOf(prod, "data-pipeline-heartbeat")).isEqualTo("platform-207-prod-data-pipeline-ticket");
        // The long and short windows alone notify nobody: their policy is in no workflow.
        assertThat(policyOf(prod, "api-success-page-fast-short")).isEqualTo("platform-207-prod-api-burn-rate-windows");
        assertThat(prod.ofType(WORKFLOW)).noneSatisfy(w -> assertThat(policyValues(w)).contains(
                "platform-207-prod-api-burn-rate-windows"));
    }

    @Test
    void stgNeverPagesAndSendsEverythingToSlack() {
        SynthResult stg = SynthedStacks.synth("stg");
        assertThat(stg.ofType(DESTINATION)).isEmpty();
        assertThat(stg.ofType(CHANNEL)).extracting(c -> c.inputs().path("type").asText()).containsExactly("SLACK");
        assertThat(stg.ofType(WORKFLOW)).extracting(SynthesizedResource::name).containsExactly("slack");
        assertThat(routedPolicies(stg, "slack")).containsExactly("platform-207-stg-api-critical",
                "platform-207-stg-web-critical", "platform-207-stg-api-ticket", "platform-207-stg-web-ticket",
                "platform-207-stg-data-pipeline-ticket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void workflowsHonourMutingRulesAndTheMaintenanceWindowMutesOnlyTicketPolicies(String stack) {
        SynthResult result = SynthedStacks.synth(stack);
        assertThat(result.ofType(WORKFLOW)).allSatisfy(w ->
                assertThat(w.inputs().path("mutingRulesHandling").asText()).isEqualTo("DONT_NOTIFY_FULLY_MUTED_ISSUES"));
        assertThat(result.ofType("newrelic:index/alertMutingRule:AlertMutingRule")).singleElement().satisfies(m -> {
            assertThat(m.inputs().path("schedule").path("timeZone").asText()).isEqualTo("Asia/Tokyo");
            assertThat(m.inputs().path("schedule").path("startTime").asText()).isEqualTo("2025-01-06T03:25:00");
            // Paging policies are never muted: an outage that starts in the window still pages (issue 13).
            assertThat(StreamSupport.stream(m.inputs().path("condition").path("conditions").get(0).path("values")
                    .spliterator(), false).map(JsonNode::asText).toList()).containsExactly(
                    "platform-207-" + stack + "-api-ticket", "platform-207-" + stack + "-web-ticket",
                    "platform-207-" + stack + "-data-pipeline-ticket");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyNewRelicResourceUsesTheNewRelicProviderAndRunbooksExist(String stack) throws Exception {
        SynthResult result = SynthedStacks.synth(stack);
        List<SynthesizedResource> newRelic = result.resources().stream().filter(r -> r.type().startsWith("newrelic:")).toList();
        assertThat(newRelic).isNotEmpty().allSatisfy(r -> assertThat(r.provider()).contains("pulumi:providers:newrelic"));
        assertThat(result.ofType("pulumi:providers:newrelic")).singleElement().satisfies(p -> {
            assertThat(p.inputs().path("region").asText()).isEqualTo("US");
            assertThat(p.inputs().path("apiKey").asText()).isEqualTo("[secret]");
        });
        for (SynthesizedResource r : newRelic) {
            String url = r.inputs().path("runbookUrl").asText("");
            if (!url.isEmpty()) {
                String path = url.substring(url.indexOf("/blob/main/") + "/blob/main/".length());
                assertThat(SynthedStacks.PROJECT.resolve(path)).as(r.name() + " runbook").exists();
            }
        }
        for (Runbooks runbook : Runbooks.values()) {
            assertThat(SynthedStacks.PROJECT.resolve("docs/runbooks/" + runbook.fileName() + ".md")).exists();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void theRealSynthOutputConformsToTheProviderSchema(String stack) {
        List<RegisteredResource> resources = RegisteredResource.fromSynthJson(SynthedStacks.synth(stack).toJson());
        assertThat(resources).hasSizeGreaterThan(40);
        ConformanceReport report = NewRelicConformanceChecker.forProject(SynthedStacks.PROJECT).check(resources);
        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.checkedResources()).isEqualTo(resources.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void bothStacksPassTheObservabilityPolicyAndNoNewRelicResourceViolatesAnyPolicy(String stack) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PolicyReport report = PolicyCheck.run(SynthedStacks.PROJECT.resolve("policy"),
                SynthedStacks.PROJECT.resolve("policy/config/" + stack + ".json"), SynthedStacks.synth(stack).toJson(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(report.violations()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(report.violations())
                .noneSatisfy(v -> assertThat(v.policyName()).isEqualTo("observability-slo-coverage"))
                .noneSatisfy(v -> assertThat(v.resourceType()).startsWith("newrelic:"));
    }

    private static List<String> policyValues(SynthesizedResource workflow) {
        JsonNode values = workflow.inputs().path("issuesFilter").path("predicates").get(0).path("values");
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> routedPolicies(SynthResult result, String workflow) {
        return policyValues(result.ofType(WORKFLOW).stream().filter(w -> w.name().equals(workflow)).findFirst().orElseThrow());
    }

    private static SynthesizedResource channelOf(SynthResult result, String workflow) {
        SynthesizedResource w = result.ofType(WORKFLOW).stream().filter(x -> x.name().equals(workflow)).findFirst().orElseThrow();
        String channelId = w.inputs().path("destinations").get(0).path("channelId").asText();
        return result.ofType(CHANNEL).stream().filter(c -> c.inputs().path("name").asText().equals(channelId))
                .findFirst().orElseThrow();
    }

    private static String policyOf(SynthResult result, String logicalName) {
        List<SynthesizedResource> candidates = new ArrayList<>(result.ofType(COMPOUND));
        candidates.addAll(result.ofType(NRQL));
        return candidates.stream().filter(r -> r.name().equals(logicalName)).findFirst().orElseThrow()
                .inputs().path("policyId").asText();
    }
}
