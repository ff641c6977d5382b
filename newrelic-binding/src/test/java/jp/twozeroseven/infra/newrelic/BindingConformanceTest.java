package jp.twozeroseven.infra.newrelic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jp.twozeroseven.infra.newrelic.conformance.NewRelicConformanceChecker;
import jp.twozeroseven.infra.newrelic.conformance.RegisteredResource;
import jp.twozeroseven.infra.newrelic.inputs.AlertCompoundConditionComponentConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleConditionConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertMutingRuleScheduleArgs;
import jp.twozeroseven.infra.newrelic.inputs.GetEntityArgs;
import jp.twozeroseven.infra.newrelic.inputs.NotificationChannelPropertyArgs;
import jp.twozeroseven.infra.newrelic.inputs.NotificationDestinationAuthTokenArgs;
import jp.twozeroseven.infra.newrelic.inputs.NotificationDestinationPropertyArgs;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionCriticalArgs;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionNrqlArgs;
import jp.twozeroseven.infra.newrelic.inputs.NrqlAlertConditionWarningArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsBadEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsGoodEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsValidEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveTimeWindowArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelObjectiveTimeWindowRollingArgs;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowDestinationArgs;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowIssuesFilterArgs;
import jp.twozeroseven.infra.newrelic.inputs.WorkflowIssuesFilterPredicateArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registers every binding resource (and the getEntity invoke) under Pulumi's test engine, then
 * type-checks exactly what the engine received against @pulumi/newrelic 5.77.0.
 */
class BindingConformanceTest {

    static final Path PROJECT_ROOT = Path.of(System.getProperty("project.root", "."));
    static final String ACCOUNT = "1234567";

    /** Records registrations and invokes the way the engine sees them. */
    static final class RecordingMocks implements Mocks {
        final List<Mocks.ResourceArgs> resources = Collections.synchronizedList(new ArrayList<>());
        final List<Mocks.CallArgs> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(Mocks.ResourceArgs args) {
            resources.add(args);
            var state = new HashMap<String, Object>(args.inputs);
            state.put("guid", "GUID-" + args.name);
            state.put("sliGuid", "SLI-GUID-" + args.name);
            state.put("entityGuid", "ENTITY-GUID-" + args.name);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(Mocks.CallArgs args) {
            calls.add(args);
            return CompletableFuture.completedFuture(Map.of(
                "accountId", ACCOUNT, "applicationId", "98765", "domain", "APM", "guid", "APP-GUID",
                "id", "APP-GUID", "name", "delivery-api", "type", "APPLICATION"));
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void everyBindingResourceRegistersSchemaConformInputs() {
        var mocks = new RecordingMocks();
        var result = PulumiTest.withMocks(mocks).runTest(BindingConformanceTest::registerAll);
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.errors()).isEmpty();

        var mapper = new ObjectMapper();
        var registered = new ArrayList<RegisteredResource>();
        for (var r : mocks.resources) {
            registered.add(new RegisteredResource(r.type, r.name, mapper.valueToTree(r.inputs)));
        }
        for (var c : mocks.calls) {
            registered.add(new RegisteredResource(c.token, "invoke", mapper.valueToTree(c.args)));
        }

        assertThat(registered).hasSize(13).extracting(RegisteredResource::type).containsOnly(
            "newrelic:synthetics/monitor:Monitor",
            "pulumi:providers:newrelic",
            "newrelic:index/alertPolicy:AlertPolicy",
            "newrelic:index/nrqlAlertCondition:NrqlAlertCondition",
            "newrelic:index/alertCompoundCondition:AlertCompoundCondition",
            "newrelic:index/serviceLevel:ServiceLevel",
            "newrelic:index/notificationDestination:NotificationDestination",
            "newrelic:index/notificationChannel:NotificationChannel",
            "newrelic:index/workflow:Workflow",
            "newrelic:index/alertMutingRule:AlertMutingRule",
            "newrelic:index/oneDashboardJson:OneDashboardJson",
            "newrelic:index/getEntity:getEntity");
        var report = NewRelicConformanceChecker.forProject(PROJECT_ROOT).check(registered);
        assertThat(report.passed()).as(report.summary() + "\n" + report.source()).isTrue();
    }

    @Test
    void outputsFlowFromTheEngine() {
        var mocks = new RecordingMocks();
        var result = PulumiTest.withMocks(mocks).runTest(ctx -> {
            var policy = new AlertPolicy("policy", AlertPolicyArgs.builder().name("p").build());
            var sli = serviceLevel("sli", Output.of("APP-GUID"));
            ctx.export("policyId", policy.id());
            ctx.export("sliGuid", sli.sliGuid());
        });

        assertThat(PulumiTest.extractValue(result.output("policyId", String.class))).isEqualTo("policy-id");
        assertThat(PulumiTest.extractValue(result.output("sliGuid", String.class))).isEqualTo("SLI-GUID-sli");
    }

    @Test
    void pluginVersionMatchesTheSchemaPackageTheConformanceCheckUses() throws Exception {
        var npmPackage = PROJECT_ROOT.resolve("tools/newrelic-conformance/node_modules/@pulumi/newrelic/package.json");
        assertThat(npmPackage).as("Run: " + NewRelicConformanceChecker.INSTALL_HINT).exists();
        var pulumiBlock = new ObjectMapper().readTree(Files.readString(npmPackage)).path("pulumi");

        assertThat(Utilities.getVersion()).isEqualTo("5.77.0").isEqualTo(pulumiBlock.path("version").asText());
        assertThat(pulumiBlock.path("name").asText()).isEqualTo("newrelic");
    }

    @Test
    void everyResourceTokenIsTheOneThePublishedSdkRegisters() throws Exception {
        var sdk = PROJECT_ROOT.resolve("tools/newrelic-conformance/node_modules/@pulumi/newrelic");
        var classes = List.of(AlertPolicy.class, NrqlAlertCondition.class, AlertCompoundCondition.class, ServiceLevel.class,
            NotificationDestination.class, NotificationChannel.class, Workflow.class, AlertMutingRule.class, OneDashboardJson.class);
        for (var type : classes) {
            var token = type.getAnnotation(com.pulumi.core.annotations.ResourceType.class).type();
            var module = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
            assertThat(Files.readString(sdk.resolve(module + ".js")))
                .as("%s token", type.getSimpleName())
                .contains("__pulumiType = '" + token + "'");
        }
        // nested modules live in their own directory of the SDK
        var monitorToken = jp.twozeroseven.infra.newrelic.synthetics.Monitor.class
            .getAnnotation(com.pulumi.core.annotations.ResourceType.class).type();
        assertThat(Files.readString(sdk.resolve("synthetics/monitor.js"))).contains("__pulumiType = '" + monitorToken + "'");
    }

    static void registerAll(Context ctx) {
        var provider = new Provider("newrelic", ProviderArgs.builder()
            .accountId(ACCOUNT).apiKey(Output.ofSecret("NRAK-TEST")).region("US").build());
        var opts = CustomResourceOptions.builder().provider(provider).build();

        var app = NewrelicFunctions.getEntity(GetEntityArgs.builder()
            .name("delivery-api").domain("APM").type("APPLICATION").build());

        var policy = new AlertPolicy("api", AlertPolicyArgs.builder()
            .accountId(ACCOUNT).name("delivery-api").incidentPreference("PER_CONDITION_AND_TARGET").build(), opts);

        var fast = new NrqlAlertCondition("fast-burn", NrqlAlertConditionArgs.builder()
            .accountId(ACCOUNT).policyId(policy.id()).name("fast burn").type("static").enabled(true)
            .aggregationMethod("event_flow").aggregationDelay("120").aggregationWindow(3600).slideBy(300)
            .nrql(NrqlAlertConditionNrqlArgs.builder().query("FROM Metric SELECT 1").build())
            .critical(NrqlAlertConditionCriticalArgs.builder()
                .operator("above_or_equals").threshold(1.344).thresholdDuration(3600).thresholdOccurrences("AT_LEAST_ONCE").build())
            .warning(NrqlAlertConditionWarningArgs.builder().operator("above").threshold(1.0).thresholdDuration(3600).build())
            .fillOption("none").expirationDuration(600).openViolationOnExpiration(false).closeViolationsOnExpiration(true)
            .violationTimeLimitSeconds(86400).runbookUrl("https://example.invalid/runbook").titleTemplate("{{conditionName}}")
            .description("burn").build(), opts);

        var slow = new NrqlAlertCondition("fast-burn-short", NrqlAlertConditionArgs.builder()
            .accountId(ACCOUNT).policyId(policy.id()).aggregationMethod("event_timer").aggregationTimer("60")
            .fillValue(0.0).fillOption("static")
            .nrql(NrqlAlertConditionNrqlArgs.builder().query("FROM Metric SELECT 2").dataAccountId(ACCOUNT).build())
            .critical(NrqlAlertConditionCriticalArgs.builder().threshold(1.344).thresholdDuration(300).build())
            .build(), opts);

        new AlertCompoundCondition("fast-burn-both", AlertCompoundConditionArgs.builder()
            .accountId(ACCOUNT).policyId(policy.id()).name("fast burn (long AND short)").enabled(true)
            .triggerExpression("long AND short").thresholdDuration(60).facetMatchingBehavior("FACETS_IGNORED")
            .componentConditions(
                AlertCompoundConditionComponentConditionArgs.builder().alias("long").id(fast.id()).build(),
                AlertCompoundConditionComponentConditionArgs.builder().alias("short").id(slow.id()).build())
            .runbookUrl("https://example.invalid/runbook").description("both windows burn").build(), opts);

        serviceLevel("api-success", app.applyValue(e -> e.guid()));

        var destination = new NotificationDestination("pagerduty", NotificationDestinationArgs.builder()
            .accountId(ACCOUNT).name("PagerDuty").type("PAGERDUTY_SERVICE_INTEGRATION").active(true)
            .properties(NotificationDestinationPropertyArgs.builder().key("").value("").build())
            .authToken(NotificationDestinationAuthTokenArgs.builder().prefix("Token token=").token(Output.ofSecret("pd-key")).build())
            .build(), opts);

        var channel = new NotificationChannel("pagerduty", NotificationChannelArgs.builder()
            .accountId(ACCOUNT).name("PagerDuty").type("PAGERDUTY_SERVICE_INTEGRATION").product("IINT")
            .destinationId(destination.id()).active(true)
            .properties(NotificationChannelPropertyArgs.builder().key("summary").value("{{ annotations.title.[0] }}").label("Summary").build())
            .build(), opts);

        new Workflow("page-on-call", WorkflowArgs.builder()
            .accountId(ACCOUNT).name("page on-call").mutingRulesHandling("DONT_NOTIFY_FULLY_MUTED_ISSUES")
            .enabled(true).destinationsEnabled(true).enrichmentsEnabled(false)
            .issuesFilter(WorkflowIssuesFilterArgs.builder().name("api policy").type("FILTER")
                .predicates(WorkflowIssuesFilterPredicateArgs.builder()
                    .attribute("labels.policyIds").operator("EXACTLY_MATCHES").values(policy.id().applyValue(List::of)).build())
                .build())
            .destinations(WorkflowDestinationArgs.builder().channelId(channel.id())
                .notificationTriggers("ACTIVATED", "CLOSED").build())
            .build(), opts);

        new AlertMutingRule("night-deploys", AlertMutingRuleArgs.builder()
            .accountId(ACCOUNT).name("night maintenance").enabled(true).description("planned work")
            .actionOnMutingRuleWindowEnded("CLOSE_ISSUES_ON_INACTIVE")
            .condition(AlertMutingRuleConditionArgs.builder().operator("AND")
                .conditions(AlertMutingRuleConditionConditionArgs.builder()
                    .attribute("policyId").operator("EQUALS").values(policy.id().applyValue(List::of)).build())
                .build())
            .schedule(AlertMutingRuleScheduleArgs.builder().timeZone("Asia/Tokyo")
                .startTime("2026-01-01T02:00:00").endTime("2026-01-01T04:00:00")
                .repeat("WEEKLY").weeklyRepeatDays("TUESDAY").repeatCount(10).build())
            .build(), opts);

        new OneDashboardJson("golden-signals", OneDashboardJsonArgs.builder()
            .accountId(ACCOUNT).json("{\"name\":\"golden signals\",\"pages\":[]}").build(), opts);

        new jp.twozeroseven.infra.newrelic.synthetics.Monitor("api-public",
            jp.twozeroseven.infra.newrelic.synthetics.MonitorArgs.builder()
                .accountId(ACCOUNT).name("api public").type("SIMPLE").status("ENABLED").period("EVERY_MINUTE")
                .uri("https://api.example.jp/health").locationsPublics("AP_NORTHEAST_1", "AP_SOUTHEAST_1")
                .verifySsl(true).bypassHeadRequest(true).treatRedirectAsFailure(true).build(), opts);
    }

    static ServiceLevel serviceLevel(String name, Output<String> entityGuid) {
        return new ServiceLevel(name, ServiceLevelArgs.builder()
            .guid(entityGuid).name(name).description("successful requests")
            .events(ServiceLevelEventsArgs.builder().accountId(ACCOUNT)
                .validEvents(ServiceLevelEventsValidEventsArgs.builder().from("Transaction").where("appName = 'delivery-api'").build())
                .badEvents(ServiceLevelEventsBadEventsArgs.builder().from("TransactionError").where("appName = 'delivery-api' AND error.expected IS FALSE").build())
                .goodEvents(ServiceLevelEventsGoodEventsArgs.builder().from("Transaction").where("duration < 0.5").build())
                .build())
            .objective(ServiceLevelObjectiveArgs.builder().target(99.9).name("99.9% over 28 days")
                .timeWindow(ServiceLevelObjectiveTimeWindowArgs.builder()
                    .rolling(ServiceLevelObjectiveTimeWindowRollingArgs.builder().count(28).unit("DAY").build()).build())
                .build())
            .build());
    }
}
