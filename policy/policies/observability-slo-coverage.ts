import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { containersOf } from "../lib/ecs";
import { isLinkedTo, label } from "../lib/links";
import { asArray, isProductionStack, ProductionConfig, productionConfigSchema, safeGet } from "../lib/props";
import { containsUnknown, raw, Undecided } from "../lib/preview";

export const ECS_SERVICE = "aws:ecs/service:Service";
export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
export const SERVICE_LEVEL = "newrelic:index/serviceLevel:ServiceLevel";
export const NRQL_CONDITION = "newrelic:index/nrqlAlertCondition:NrqlAlertCondition";
export const COMPOUND_CONDITION = "newrelic:index/alertCompoundCondition:AlertCompoundCondition";
export const ALERT_POLICY = "newrelic:index/alertPolicy:AlertPolicy";
export const WORKFLOW = "newrelic:index/workflow:Workflow";
export const CHANNEL = "newrelic:index/notificationChannel:NotificationChannel";
export const DESTINATION = "newrelic:index/notificationDestination:NotificationDestination";

// New Relic links resources by ids that are unknown during a preview (policyId, sliGuid, channelId), so the
// engine's propertyDependencies are the reliable link; a literal match covers ids that are known.
function dependsOn(resource: PolicyResource, input: string, target: PolicyResource, literalInputs: string[] = []): boolean {
    if ((resource.propertyDependencies[input] ?? []).some(d => d.urn === target.urn)) {
        return true;
    }
    return literalInputs.length > 0 && isLinkedTo(resource, input, target, literalInputs);
}

/** The APM app the service reports as: NEW_RELIC_APP_NAME of its task, else the program's `<Service tag>-<stack>`. */
function apmAppName(service: PolicyResource, resources: PolicyResource[], stack: string): string | undefined {
    const task = resources.find(r => r.type === TASK_DEFINITION && dependsOn(service, "taskDefinition", r));
    for (const container of task ? containersOf(task.props) : []) {
        const env = asArray(container.environment).find(e => e.name === "NEW_RELIC_APP_NAME");
        if (env?.value) {
            return env.value;
        }
    }
    const tag = safeGet(service.props, "tags", "Service");
    return typeof tag === "string" ? `${tag}-${stack}` : undefined;
}

/**
 * An NRQL condition whose query is unknown and names no resource it was built from: in a first preview the burn
 * conditions' query is built from the ServiceLevel's sliGuid (an output), and the engine may record no property
 * dependency for it, so nothing tells which SLI (if any) it reads. Such a condition cannot be matched either way.
 */
function isUnmatchable(condition: PolicyResource): boolean {
    return containsUnknown(raw(condition.props).nrql) && (condition.propertyDependencies.nrql ?? []).length === 0;
}

function measuresApp(level: PolicyResource, app: string): boolean {
    const where = safeGet(level.props, "events", "validEvents", "where");
    return typeof where === "string" && where.includes(`appName = '${app.replace(/'/g, "\\'")}'`);
}

function isPagerDuty(channel: PolicyResource, resources: PolicyResource[]): boolean {
    const destination = resources.find(d => d.type === DESTINATION && dependsOn(channel, "destinationId", d));
    return String(safeGet(channel.props, "type") ?? "").startsWith("PAGERDUTY")
        && destination !== undefined && String(safeGet(destination.props, "type") ?? "").startsWith("PAGERDUTY");
}

export const observabilitySloCoverage: StackValidationPolicy = {
    name: "observability-slo-coverage",
    description: "Every public ECS service (attached to a load balancer) has New Relic SLOs, multiwindow burn-rate alerts and an alert policy routed by a workflow; in production stacks its burn-rate alerts reach on-call through PagerDuty.",
    enforcementLevel: "mandatory",
    configSchema: productionConfigSchema,
    validateStack: (args, reportViolation) => {
        const all = args.resources;
        const undecided = new Undecided();
        const of = (type: string) => all.filter(r => r.type === type);
        for (const service of of(ECS_SERVICE)) {
            if (asArray(safeGet(service.props, "loadBalancers")).length === 0) {
                continue;
            }
            const stack = /^urn:pulumi:([^:]+)::/.exec(service.urn)?.[1] ?? "";
            const app = apmAppName(service, all, stack);
            const levels = app ? of(SERVICE_LEVEL).filter(l => measuresApp(l, app)) : [];
            if (levels.length === 0) {
                reportViolation(`${label(service)} serves the public but no ServiceLevel measures its APM app '${app}'. ` +
                    `Fix: add an SLO spec under platform-207:observability.services.<service> (docs/observability.md).`, service.urn);
                continue;
            }
            const windows = of(NRQL_CONDITION).filter(c => levels.some(l => dependsOn(c, "nrql", l)));
            let compounds = of(COMPOUND_CONDITION).filter(c => windows.some(w => dependsOn(c, "componentConditions", w, ["id"])));
            const routes = (p: PolicyResource) => of(WORKFLOW).some(w => dependsOn(w, "issuesFilter", p)
                && asArray(safeGet(w.props, "destinations")).length > 0 && safeGet(w.props, "enabled") !== false);
            // burnAlerts: single (accounts without New Relic's compound-alerts preview): the burn-rate NRQL
            // conditions themselves sit in a routed policy.
            const routedSingles = (candidates: PolicyResource[]) => candidates.filter(w =>
                of(ALERT_POLICY).some(p => dependsOn(w, "policyId", p, ["name"]) && routes(p)));
            // A multiwindow alert needs at least two windows per SLI (Sloth: a page and a ticket pair): one routed
            // condition over an SLI, such as the outage condition, is not a burn-rate alert.
            const multiwindow = (candidates: PolicyResource[]) =>
                levels.every(l => candidates.filter(c => dependsOn(c, "nrql", l)).length >= 2) ? candidates : [];
            let singles = compounds.length > 0 ? [] : multiwindow(routedSingles(windows));
            if (compounds.length === 0 && singles.length === 0) {
                // Not a missing alert if burn conditions exist whose SLI is unknown in this preview (compound ones
                // joining them, or routed single ones). The service's own are among them, so routing is still checked
                // over them: if none of them reaches anybody, neither do the service's.
                const unmatched = of(NRQL_CONDITION).filter(isUnmatchable);
                compounds = of(COMPOUND_CONDITION).filter(c => unmatched.some(w => dependsOn(c, "componentConditions", w, ["id"])));
                singles = compounds.length > 0 ? [] : routedSingles(unmatched);
                if (compounds.length > 0 || singles.length > 0) {
                    undecided.add(`burn-rate alerts of ${label(service)} (the NRQL of its burn conditions is built from ` +
                        `the ServiceLevel sliGuid)`);
                }
            }
            if (compounds.length === 0 && singles.length === 0) {
                reportViolation(`${label(service)} has SLOs but no burn-rate alert: no AlertCompoundCondition joins NRQL ` +
                    `conditions over its SLIs, and no such NRQL condition is routed on its own (burnAlerts: single). ` +
                    `Fix: generate the burn-rate alerts from the SLO spec (ServiceObservability).`, service.urn);
                continue;
            }
            const alerts = [...compounds, ...singles];
            const policies = of(ALERT_POLICY).filter(p => alerts.some(c => dependsOn(c, "policyId", p, ["name"])));
            const workflows = of(WORKFLOW).filter(w => policies.some(p => dependsOn(w, "issuesFilter", p))
                && asArray(safeGet(w.props, "destinations")).length > 0 && safeGet(w.props, "enabled") !== false);
            if (workflows.length === 0) {
                reportViolation(`${label(service)}: the alert policies of its burn-rate alerts reach nobody; no enabled ` +
                    `Workflow filters on them. Fix: route the policy with a Workflow (AlertRouting).`, service.urn);
                continue;
            }
            if (isProductionStack(service.urn, args.getConfig<ProductionConfig>())) {
                const channels = of(CHANNEL).filter(ch => workflows.some(w => dependsOn(w, "destinations", ch)));
                if (!channels.some(ch => isPagerDuty(ch, all))) {
                    reportViolation(`${label(service)}: in production its critical burn-rate alerts must reach on-call, but ` +
                        `no workflow sends them to a PagerDuty channel and destination. Fix: set ` +
                        `platform-207:observability.routing.paging: true and the pagerDutyIntegrationKey secret.`, service.urn);
                }
            }
        }
        undecided.finish();
    },
};
