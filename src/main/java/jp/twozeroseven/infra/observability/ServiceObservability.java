package jp.twozeroseven.infra.observability;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.newrelic.AlertCompoundCondition;
import jp.twozeroseven.infra.newrelic.AlertCompoundConditionArgs;
import jp.twozeroseven.infra.newrelic.AlertPolicy;
import jp.twozeroseven.infra.newrelic.AlertPolicyArgs;
import jp.twozeroseven.infra.newrelic.NewrelicFunctions;
import jp.twozeroseven.infra.newrelic.NrqlAlertCondition;
import jp.twozeroseven.infra.newrelic.OneDashboardJson;
import jp.twozeroseven.infra.newrelic.OneDashboardJsonArgs;
import jp.twozeroseven.infra.newrelic.ServiceLevel;
import jp.twozeroseven.infra.newrelic.ServiceLevelArgs;
import jp.twozeroseven.infra.newrelic.inputs.AlertCompoundConditionComponentConditionArgs;
import jp.twozeroseven.infra.newrelic.inputs.GetEntityArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsBadEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsGoodEventsArgs;
import jp.twozeroseven.infra.newrelic.inputs.ServiceLevelEventsValidEventsArgs;
import jp.twozeroseven.infra.newrelic.outputs.GetEntityResult;
import jp.twozeroseven.infra.observability.alerts.BurnRateConditions;
import jp.twozeroseven.infra.observability.alerts.GoldenSignalConditions;
import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;
import jp.twozeroseven.infra.observability.alerts.Runbooks;
import jp.twozeroseven.infra.observability.dashboard.ServiceDashboard;
import jp.twozeroseven.infra.observability.slo.AlertSeverity;
import jp.twozeroseven.infra.observability.slo.BurnRateAlert;
import jp.twozeroseven.infra.observability.slo.BurnRateNrql;
import jp.twozeroseven.infra.observability.slo.BurnRateWindow;
import jp.twozeroseven.infra.observability.slo.BurnRateWindows;
import jp.twozeroseven.infra.observability.slo.SliEvents;
import jp.twozeroseven.infra.observability.slo.SliQueries;
import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.observability.slo.TransactionType;
import jp.twozeroseven.infra.observability.synthetics.OutsideInChecks;
import jp.twozeroseven.infra.observability.synthetics.OutsideInNrql;
import jp.twozeroseven.infra.observability.synthetics.PublicCheck;
import jp.twozeroseven.infra.settings.BurnAlertMode;
import jp.twozeroseven.infra.settings.SloKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SLOs of one service (user-facing, or a worker whose SLIs count its background jobs: no availability SLO, no
 * synthetic check, no ALB metric) and everything that watches them, one item of its SLO list at a time
 * ({@link ServiceObservabilityProps#slos()}): a service level per SLO (success and latency on the APM entity,
 * availability on the synthetic monitor of its public URL), a multiwindow burn-rate alert per SRE-workbook window for
 * every APM SLO, an outage page per SLO, golden-signal conditions, and a dashboard. Conditions land in one policy
 * per severity; the burn-rate windows themselves sit in a third, unrouted policy, because only their AND (the
 * compound condition) should notify anyone.
 */
public final class ServiceObservability extends ComponentResource {

    public static final String TYPE = "platform207:observability:ServiceObservability";

    private final AlertPolicy criticalPolicy;
    private final AlertPolicy ticketPolicy;
    private final AlertPolicy burnRateWindowsPolicy;
    private final Output<String> entityGuid;
    private final BurnAlertMode burnAlerts;

    /**
     * @param name    the service's name, {@code props.service().name()} (its resources' logical names start with it)
     * @param props   the service, its SLOs and thresholds
     * @param options the parent (the {@link Observability} component)
     */
    public ServiceObservability(String name, ServiceObservabilityProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        NewRelicScope scope = new NewRelicScope(this, props.newRelic());
        ObservedService service = props.service();
        String svc = service.name();
        if (!name.equals(svc)) {
            throw new IllegalArgumentException("the component of service " + svc + " is named after it, not " + name);
        }
        burnAlerts = props.burnAlerts();

        criticalPolicy = policy(scope, svc + "-critical");
        ticketPolicy = policy(scope, svc + "-ticket");
        burnRateWindowsPolicy = policy(scope, svc + "-burn-rate-windows");

        List<SloSpec> specs = props.slos().stream()
                .map(slo -> slo.spec(svc, service.apmAppName(), service.probePaths(), service.transactionType()))
                .toList();
        // Golden signals read the same users' requests; app and probes are the same in every SLO's spec.
        SloSpec app = specs.get(0);
        entityGuid = props.entityGuid().map(Output::of).orElseGet(() -> lookUpEntity(scope, app));

        List<ServiceDashboard.SloWidget> onDashboard = new ArrayList<>();
        List<Output<String>> dashboardGuids = new ArrayList<>();
        for (int i = 0; i < props.slos().size(); i++) {
            SloProps slo = props.slos().get(i);
            SloSpec spec = specs.get(i);
            if (slo.kind() == SloKind.AVAILABILITY) {
                outsideIn(scope, spec, slo, service.publicHost().orElseThrow());
                continue;
            }
            SliEvents events = slo.kind() == SloKind.SUCCESS ? SliQueries.success(spec) : SliQueries.latency(spec);
            ServiceLevel level = serviceLevel(scope, spec, slo, events, entityGuid);
            burnRateAlerts(scope, spec, slo.name(), level, events.countsBadEvents());
            onDashboard.add(new ServiceDashboard.SloWidget(slo.name(), slo.kind(), spec, events.countsBadEvents()));
            dashboardGuids.add(level.sliGuid());
        }

        for (NrqlConditionSpec ticket : GoldenSignalConditions.tickets(app, props.goldenSignals())) {
            NrqlConditions.create(scope, ticket.name().replace(' ', '-'), ticket, ticketPolicy.id());
        }
        NrqlConditionSpec lost = GoldenSignalConditions.lossOfSignal(app, props.goldenSignals());
        NrqlConditions.create(scope, lost.name().replace(' ', '-'), lost, criticalPolicy.id());

        long account = Long.parseLong(scope.accountId());
        String dashboardName = scope.name(svc) + " SLOs and golden signals";
        Output<List<String>> sliGuids = Output.all(dashboardGuids);
        new OneDashboardJson(svc + "-dashboard", OneDashboardJsonArgs.builder()
                .accountId(scope.accountId())
                .json(Output.tuple(sliGuids, entityGuid).applyValue(guids ->
                        ServiceDashboard.json(dashboardName, account, app, onDashboard, guids.t1, guids.t2)))
                .build(), scope.options());
        this.registerOutputs(Map.of("criticalPolicyId", criticalPolicy.id(), "ticketPolicyId", ticketPolicy.id()));
    }

    /** The APM app name the containers report (NEW_RELIC_APP_NAME), e.g. {@code api-prod}. */
    public static String apmAppName(String service, String stack) {
        return service + "-" + stack;
    }

    /**
     * The availability SLO: the synthetic monitor of the public URL, its service level, and a page when every
     * check failed (no burn rates: two checks a minute are too few events for the short windows).
     */
    private void outsideIn(NewRelicScope scope, SloSpec spec, SloProps slo, String host) {
        String svc = spec.service();
        PublicCheck check = PublicCheck.of(host, slo.checkPath().orElseThrow(), slo.redirectIsFailure());
        OutsideInChecks outside = new OutsideInChecks(scope.accountId(), scope.name(svc + "-public"), spec, slo.name(),
                check, scope.options());
        // The query is filled in from the monitor's real GUID; the rest of the condition does not depend on it.
        NrqlConditionSpec outage = OutsideInNrql.outage(svc, "resolvedLater");
        NrqlConditions.create(scope, svc + "-outside-in-outage", outage,
                outside.monitor().id().applyValue(OutsideInNrql::failedPercent), criticalPolicy.id());
    }

    private static AlertPolicy policy(NewRelicScope scope, String suffix) {
        return new AlertPolicy(suffix, AlertPolicyArgs.builder()
                .accountId(scope.accountId())
                .name(scope.name(suffix))
                .incidentPreference("PER_CONDITION")
                .build(), scope.options());
    }

    private static Output<String> lookUpEntity(NewRelicScope scope, SloSpec spec) {
        return NewrelicFunctions.getEntity(GetEntityArgs.builder()
                        .name(spec.apmAppName()).domain("APM").type("APPLICATION").accountId(scope.accountId()).build(),
                new InvokeOptions(scope.parent(), scope.provider(), null)).applyValue(GetEntityResult::guid);
    }

    private static ServiceLevel serviceLevel(NewRelicScope scope, SloSpec spec, SloProps slo, SliEvents events,
                                             Output<String> entityGuid) {
        String sli = slo.name();
        var eventsArgs = ServiceLevelEventsArgs.builder()
                .accountId(scope.accountId())
                .validEvents(ServiceLevelEventsValidEventsArgs.builder()
                        .from(events.valid().from()).where(events.valid().where()).build());
        events.good().ifPresent(good -> eventsArgs.goodEvents(ServiceLevelEventsGoodEventsArgs.builder()
                .from(good.from()).where(good.where()).build()));
        events.bad().ifPresent(bad -> eventsArgs.badEvents(ServiceLevelEventsBadEventsArgs.builder()
                .from(bad.from()).where(bad.where()).build()));
        return new ServiceLevel(spec.service() + "-slo-" + sli, ServiceLevelArgs.builder()
                .guid(entityGuid)
                .name(spec.apmAppName() + " " + sli)
                .description(description(spec, slo.kind()))
                .events(eventsArgs.build())
                .objective(spec.objective())
                .build(), scope.options());
    }

    private static String description(SloSpec spec, SloKind kind) {
        if (spec.transactionType() == TransactionType.OTHER) {
            return kind == SloKind.SUCCESS
                    ? "Share of background jobs that ended without an error (generated from the SLO spec)"
                    : "Share of background jobs faster than " + spec.latencyThresholdSeconds() + " s (generated from the SLO spec)";
        }
        return kind == SloKind.SUCCESS
                ? "Share of users' web requests without a server error (5xx), health checks excluded (generated from the SLO spec)"
                : "Share of users' web requests faster than " + spec.latencyThresholdSeconds() + " s (generated from the SLO spec)";
    }

    /**
     * Per window: compound mode joins the long (A) and short (B) window conditions, which sit in the unrouted
     * policy, with "A AND B" in the routed one; single mode puts the long-window condition itself in the routed
     * policy (accounts without the compound-alerts preview).
     */
    private void burnRateAlerts(NewRelicScope scope, SloSpec spec, String sli, ServiceLevel level,
                                boolean countsBadEvents) {
        Output<String> query = level.sliGuid().applyValue(guid -> BurnRateNrql.errorRatePercent(guid, countsBadEvents));
        // Thresholds and windows do not depend on the guid; the query is filled in from the real sliGuid above.
        List<BurnRateAlert> alerts = BurnRateNrql.alerts(spec, sli, "resolvedLater", countsBadEvents,
                BurnRateWindows.sreWorkbook());
        List<BurnRateWindow> windows = BurnRateWindows.sreWorkbook();
        boolean compound = burnAlerts == BurnAlertMode.COMPOUND;
        for (int i = 0; i < windows.size(); i++) {
            BurnRateWindow window = windows.get(i);
            String base = spec.service() + "-" + sli + "-" + window.name();
            AlertPolicy target = window.severity() == AlertSeverity.PAGE ? criticalPolicy : ticketPolicy;
            String title = spec.service() + " " + sli + " SLO burn " + window.name() + " ("
                    + BurnRateConditions.describe(window, spec) + ")";
            if (!compound) {
                NrqlConditionSpec single = BurnRateConditions.of(alerts.get(2 * i));
                NrqlConditions.create(scope, base, new NrqlConditionSpec(title, single.nrql(), single.operator(),
                        single.threshold(), single.aggregationWindowSeconds(), single.slideBySeconds(),
                        single.thresholdDurationSeconds(), single.thresholdOccurrences(), single.signalLossSeconds(),
                        single.sparseEvents(), single.runbook(), single.violationTimeLimitSeconds()), query, target.id());
                continue;
            }
            NrqlAlertCondition longWindow = NrqlConditions.create(scope, base + "-long",
                    BurnRateConditions.of(alerts.get(2 * i)), query, burnRateWindowsPolicy.id());
            NrqlAlertCondition shortWindow = NrqlConditions.create(scope, base + "-short",
                    BurnRateConditions.of(alerts.get(2 * i + 1)), query, burnRateWindowsPolicy.id());
            new AlertCompoundCondition(base, AlertCompoundConditionArgs.builder()
                    .accountId(scope.accountId())
                    .policyId(target.id())
                    .name(title)
                    .enabled(true)
                    .triggerExpression("A AND B")
                    .componentConditions(
                            AlertCompoundConditionComponentConditionArgs.builder().id(longWindow.id()).alias("A").build(),
                            AlertCompoundConditionComponentConditionArgs.builder().id(shortWindow.id()).alias("B").build())
                    .runbookUrl(scope.runbookUrl(Runbooks.SLO_BURN_RATE))
                    .build(), scope.options());
        }
        NrqlConditionSpec outage = BurnRateConditions.outage(spec, sli, "resolvedLater");
        NrqlConditions.create(scope, spec.service() + "-" + sli + "-" + BurnRateConditions.OUTAGE, outage, query,
                criticalPolicy.id());
    }

    /**
     * The service's alert policies: {@code critical} (pages), {@code ticket}, and {@code burnRateWindows}, the
     * unrouted policy of the burn-rate windows that only their compound condition joins.
     */
    public record Policies(AlertPolicy critical, AlertPolicy ticket, AlertPolicy burnRateWindows) {

        public List<AlertPolicy> all() {
            return List.of(critical, ticket, burnRateWindows);
        }
    }

    public Policies policies() {
        return new Policies(criticalPolicy, ticketPolicy, burnRateWindowsPolicy);
    }

    /** The APM entity the SLOs and the deploy markers are on. */
    public Output<String> entityGuid() {
        return entityGuid;
    }
}
