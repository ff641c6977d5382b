package jp.twozeroseven.infra.observability.evaluation;

import jp.twozeroseven.infra.observability.alerts.BurnRateConditions;
import jp.twozeroseven.infra.observability.alerts.NrqlConditionSpec;
import jp.twozeroseven.infra.observability.slo.AlertSeverity;
import jp.twozeroseven.infra.observability.slo.BurnRateAlert;
import jp.twozeroseven.infra.observability.slo.BurnRateNrql;
import jp.twozeroseven.infra.observability.slo.BurnRateWindow;
import jp.twozeroseven.infra.observability.slo.BurnRateWindows;
import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13's targets, measured with the evaluation model on the conditions the synth registers. */
class TimeToPageTest {

    private static final long FIVE_MINUTES = 300;
    private static final long ONE_DAY = 86_400;

    private static BurnProfile profile(String label) {
        return TimeToPage.PROFILES.stream().filter(p -> p.label().startsWith(label)).findFirst().orElseThrow();
    }

    /** Every target of issue 13 for one SLO; the message names the SLO and the miss. */
    static List<String> misses(TimeToPage.Slo slo) {
        List<String> misses = new ArrayList<>();
        var full = TimeToPage.measure(slo, profile("100 %"));
        if (full.page().isEmpty() || full.page().getAsLong() > FIVE_MINUTES) {
            misses.add(slo.name() + ": 100 % errors page after " + TimeToPage.human(full.page()) + ", not within 5 min");
        }
        var outage = TimeToPage.measure(slo, profile("20-min"));
        if (outage.page().isEmpty() || outage.page().getAsLong() > FIVE_MINUTES) {
            misses.add(slo.name() + ": a 20-min outage pages after " + TimeToPage.human(outage.page()));
        }
        if (TimeToPage.measure(slo, profile("10 %")).page().isEmpty()) {
            misses.add(slo.name() + ": 10 % errors never page");
        }
        if (TimeToPage.measure(slo, profile("2 %")).page().isEmpty()) {
            misses.add(slo.name() + ": 2 % of the budget in an hour never pages");
        }
        var slow = TimeToPage.measure(slo, profile("1x"));
        if (slow.page().isPresent()) {
            misses.add(slo.name() + ": 1x for 3 days pages");
        }
        if (slow.ticket().isEmpty() || slow.ticket().getAsLong() > ONE_DAY) {
            misses.add(slo.name() + ": 1x tickets after " + TimeToPage.human(slow.ticket()) + ", not within a day");
        }
        var half = TimeToPage.measure(slo, profile("0.5x"));
        if (half.page().isPresent() || half.ticket().isPresent()) {
            misses.add(slo.name() + ": 0.5x for a week alerts");
        }
        return misses;
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void theSynthesizedCompoundBurnAlertsMeetEveryTarget(String stack) {
        List<TimeToPage.Slo> slos = SynthAlerts.of(SynthedStacks.synth(stack));
        assertThat(slos).hasSize(4).allSatisfy(s -> assertThat(s.alerts()).hasSize(5));
        assertThat(slos.stream().flatMap(s -> misses(s).stream())).isEmpty();
    }

    /** The single-condition fallback, built from the same specs the component uses in that mode. */
    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void theSingleConditionFallbackMeetsEveryTargetToo(String stack) {
        var settings = SynthedStacks.settings(stack).observability();
        for (var service : settings.services()) {
            SloSpec spec = SloSpec.of(service.service(), service.service() + "-" + stack, service.objectivePercent(),
                    service.latencyThresholdSeconds());
            for (boolean success : List.of(true, false)) {
                TimeToPage.Slo slo = single(spec, success ? "success" : "latency", success);
                assertThat(misses(slo)).as(slo.name()).isEmpty();
            }
        }
    }

    @Test
    void aPlantedRegressionBackToAllOccurrencesMissesTheFiveMinuteTarget() {
        List<TimeToPage.Slo> prod = SynthAlerts.of(SynthedStacks.synth("prod"));
        for (TimeToPage.Slo slo : prod) {
            TimeToPage.Slo regressed = new TimeToPage.Slo(slo.name(), slo.objectivePercent(), slo.alerts().stream()
                    .map(a -> a.severity() != AlertSeverity.PAGE ? a : new TimeToPage.Alert(a.name(), a.severity(),
                            a.triggerExpression(), allOccurrences(a.components()))).toList());
            assertThat(misses(regressed)).as(slo.name()).anySatisfy(m -> assertThat(m).contains("not within 5 min"));
        }
    }

    @Test
    void docsSloMdHoldsTheTableGeneratedFromTheProdSynth() throws Exception {
        String generated = TimeToPage.markdown(SynthAlerts.of(SynthedStacks.synth("prod")));
        String doc = Files.readString(SynthedStacks.PROJECT.resolve("docs/slo.md"));
        String begin = "<!-- time-to-page:begin (generated by TimeToPageTest; do not edit) -->\n";
        String end = "<!-- time-to-page:end -->";
        assertThat(doc).contains(begin).contains(end);
        String inDoc = doc.substring(doc.indexOf(begin) + begin.length(), doc.indexOf(end));
        assertThat(inDoc).as("docs/slo.md is stale; paste this between the markers:\n" + generated).isEqualTo(generated);
    }

    private static Map<String, Condition> allOccurrences(Map<String, Condition> parts) {
        Map<String, Condition> out = new LinkedHashMap<>();
        parts.forEach((alias, c) -> out.put(alias, c.withOccurrences(Condition.Occurrences.ALL, c.aggregationWindow())));
        return out;
    }

    private static TimeToPage.Slo single(SloSpec spec, String sli, boolean countsBad) {
        List<BurnRateAlert> alerts = BurnRateNrql.alerts(spec, sli, "MXxTTEl8MQ==", countsBad, BurnRateWindows.sreWorkbook());
        List<TimeToPage.Alert> out = new ArrayList<>();
        List<BurnRateWindow> windows = BurnRateWindows.sreWorkbook();
        for (int i = 0; i < windows.size(); i++) {
            out.add(TimeToPage.Alert.single(windows.get(i).name(), windows.get(i).severity(),
                    model(BurnRateConditions.of(alerts.get(2 * i)))));
        }
        out.add(TimeToPage.Alert.single("outage", AlertSeverity.PAGE,
                model(BurnRateConditions.outage(spec, sli, alerts.get(0).nrql()))));
        return new TimeToPage.Slo(spec.service() + " " + sli, spec.objectivePercent(), out);
    }

    /** The model of a spec as NrqlConditions registers it: event flow with a 120 s delay, fill none. */
    static Condition model(NrqlConditionSpec s) {
        return new Condition(ProviderInputs.query(s.nrql()), s.aggregationWindowSeconds(), s.slideBySeconds(),
                Condition.AggregationMethod.EVENT_FLOW, 120, Condition.FillOption.NONE,
                Condition.Operator.of(s.operator()), s.threshold(), s.thresholdDurationSeconds(),
                Condition.Occurrences.valueOf(s.thresholdOccurrences().toUpperCase(java.util.Locale.ROOT)),
                Optional.empty(), false, false, s.violationTimeLimitSeconds());
    }
}
