package jp.twozeroseven.infra.observability.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.observability.slo.AlertSeverity;
import jp.twozeroseven.infra.observability.slo.BurnRateWindow;
import jp.twozeroseven.infra.observability.slo.BurnRateWindows;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The burn-rate alerts of a synthesized stack, read back from the registered inputs into the evaluation model: the
 * time-to-page table is measured on what the program would send to New Relic, not on the specs it started from.
 * Compound conditions give their components by id (offline, an id is the component's name); in single mode the
 * burn-rate NRQL conditions sit in the routed policies themselves. A policy named {@code ...-critical} pages.
 */
public final class SynthAlerts {

    public static final String SERVICE_LEVEL = "newrelic:index/serviceLevel:ServiceLevel";
    public static final String NRQL = "newrelic:index/nrqlAlertCondition:NrqlAlertCondition";
    public static final String COMPOUND = "newrelic:index/alertCompoundCondition:AlertCompoundCondition";

    private SynthAlerts() {
    }

    /** One SLO per ServiceLevel ({@code <svc>-slo-<sli>}), in synth order, with every burn alert that reads it. */
    public static List<TimeToPage.Slo> of(SynthResult synth) {
        Map<String, SynthesizedResource> nrqlByName = new LinkedHashMap<>();
        synth.ofType(NRQL).forEach(n -> nrqlByName.put(n.inputs().path("name").asText(), n));
        List<TimeToPage.Slo> slos = new ArrayList<>();
        for (SynthesizedResource level : synth.ofType(SERVICE_LEVEL)) {
            if (!level.inputs().path("events").path("validEvents").path("from").asText().equals("Transaction")) {
                continue; // the outside-in availability SLO has its own outage condition, no burn alerts
            }
            String key = level.name().replace("-slo-", "-");
            List<TimeToPage.Alert> alerts = new ArrayList<>();
            for (BurnRateWindow window : BurnRateWindows.sreWorkbook()) {
                String logical = key + "-" + window.name();
                synth.ofType(COMPOUND).stream().filter(c -> c.name().equals(logical)).forEach(c -> {
                    Map<String, Condition> parts = new LinkedHashMap<>();
                    c.inputs().path("componentConditions").forEach(cc -> parts.put(cc.path("alias").asText(),
                            ProviderInputs.condition(nrqlByName.get(cc.path("id").asText()).inputs())));
                    alerts.add(new TimeToPage.Alert(logical, severity(c.inputs()), c.inputs().path("triggerExpression")
                            .asText(), parts));
                });
                synth.ofType(NRQL).stream().filter(n -> n.name().equals(logical)).forEach(n -> alerts.add(
                        TimeToPage.Alert.single(logical, severity(n.inputs()), ProviderInputs.condition(n.inputs()))));
            }
            String outage = key + "-" + jp.twozeroseven.infra.observability.alerts.BurnRateConditions.OUTAGE;
            synth.ofType(NRQL).stream().filter(n -> n.name().equals(outage)).forEach(n -> alerts.add(
                    TimeToPage.Alert.single(outage, severity(n.inputs()), ProviderInputs.condition(n.inputs()))));
            String sli = level.name().substring(level.name().indexOf("-slo-") + 5);
            slos.add(new TimeToPage.Slo(key.substring(0, key.length() - sli.length() - 1) + " " + sli + " ("
                    + plain(level.inputs().path("objective").path("target").asDouble()) + " %)",
                    level.inputs().path("objective").path("target").asDouble(), List.copyOf(alerts)));
        }
        return List.copyOf(slos);
    }

    private static AlertSeverity severity(JsonNode inputs) {
        return inputs.path("policyId").asText().endsWith("-critical") ? AlertSeverity.PAGE : AlertSeverity.TICKET;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
