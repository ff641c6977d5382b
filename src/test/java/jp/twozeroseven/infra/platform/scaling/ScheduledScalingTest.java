package jp.twozeroseven.infra.platform.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.synth.SynthesizedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;
import java.util.List;

import static jp.twozeroseven.infra.testsupport.SynthedStacks.named;
import static jp.twozeroseven.infra.testsupport.SynthedStacks.ofType;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduledScalingTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void everyWindowBecomesATokyoScheduledActionWithItsOwnRange(String stack) {
        for (ServiceSettings service : SynthedStacks.settings(stack).services()) {
            for (CapacityWindow window : service.scaling().windows()) {
                JsonNode action = named(stack, "aws:appautoscaling/scheduledAction:ScheduledAction",
                        "platform-207-" + stack + "-" + service.name() + "-" + window.name()).inputs();
                assertThat(action.at("/timezone").asText()).isEqualTo("Asia/Tokyo");
                assertThat(action.at("/schedule").asText()).isEqualTo(
                        "cron(" + window.start().getMinute() + " " + window.start().getHour() + " * * ? *)");
                assertThat(action.at("/scalableTargetAction/minCapacity").asInt()).isEqualTo(window.min());
                assertThat(action.at("/scalableTargetAction/maxCapacity").asInt()).isEqualTo(window.max());
                assertThat(action.at("/resourceId").asText())
                        .isEqualTo("service/platform-207-" + stack + "-cluster/platform-207-" + stack + "-" + service.name());
            }
        }
        int windows = SynthedStacks.settings(stack).services().stream().mapToInt(s -> s.scaling().windows().size()).sum();
        assertThat(ofType(stack, "aws:appautoscaling/scheduledAction:ScheduledAction")).hasSize(windows);
    }

    @Test
    void scalableTargetSpansTheDayAndLeavesMinMaxToTheSchedule() {
        SynthesizedResource target = named("prod", "aws:appautoscaling/target:Target", "platform-207-prod-api");
        assertThat(target.options().ignoreChanges()).containsExactly("minCapacity", "maxCapacity");
        assertThat(target.inputs().at("/minCapacity").asInt()).isEqualTo(2);
        assertThat(target.inputs().at("/maxCapacity").asInt()).isEqualTo(14);
        assertThat(target.inputs().at("/scalableDimension").asText()).isEqualTo("ecs:service:DesiredCount");
    }

    @Test
    void targetTrackingOnCpuAndOnRequestsPerTargetOfEitherGroup() {
        JsonNode cpu = named("prod", "aws:appautoscaling/policy:Policy", "platform-207-prod-api-cpu").inputs();
        assertThat(cpu.at("/targetTrackingScalingPolicyConfiguration/predefinedMetricSpecification/predefinedMetricType")
                .asText()).isEqualTo("ECSServiceAverageCPUUtilization");
        assertThat(cpu.at("/targetTrackingScalingPolicyConfiguration/targetValue").asDouble()).isEqualTo(55.0);
        for (String color : new String[]{"blue", "green"}) {
            JsonNode requests = named("prod", "aws:appautoscaling/policy:Policy",
                    "platform-207-prod-api-requests-" + color).inputs();
            JsonNode config = requests.at("/targetTrackingScalingPolicyConfiguration");
            assertThat(config.at("/predefinedMetricSpecification/resourceLabel").asText()).isEqualTo(
                    "app/platform-207-prod-alb/0123456789abcdef/targetgroup/platform-207-prod-api-" + color
                            + "/0123456789abcdef");
            assertThat(config.at("/targetValue").asDouble()).isEqualTo(1440.0);
            // The idle group reads zero requests and would always vote to scale in: only CPU scales in.
            assertThat(config.at("/disableScaleIn").asBoolean()).isTrue();
        }
    }

    @Test
    void cronFiresDailyAtTheWindowStart() {
        assertThat(ScheduleExpressions.dailyAt(LocalTime.of(5, 0))).isEqualTo("cron(0 5 * * ? *)");
        assertThat(ScheduleExpressions.dailyAt(LocalTime.of(22, 30))).isEqualTo("cron(30 22 * * ? *)");
    }

    @Test
    void capacityPlanShowsEveryHourOfEveryService() {
        String table = CapacityPlanTable.render(SynthedStacks.settings("prod"));
        var services = SynthedStacks.settings("prod").services();
        services.forEach(s -> assertThat(table).contains("Capacity plan for " + s.name()));
        assertThat(table.lines().filter(l -> l.matches("\\d\\d:00 .*"))).hasSize(24 * services.size());
        List<String> api = CapacityPlanTable.render("api", SynthedStacks.settings("prod").services().get(0).scaling())
                .lines().toList();
        assertThat(api.get(1)).matches("hour\\s+window\\s+min\\s+max");
        assertThat(api.get(2 + 4)).matches("04:00\\s+night-floor\\s+2\\s+3");
        assertThat(api.get(2 + 5)).matches("05:00\\s+early-morning-write-peak\\s+9\\s+14");
        assertThat(api.get(2 + 23)).matches("23:00\\s+night-floor\\s+2\\s+3");
    }

    @Test
    void aWindowStartingOffTheHourIsShownForTheHourItCovers() {
        ScalingSettings scaling = new ScalingSettings(List.of(
                new CapacityWindow("peak", LocalTime.of(4, 30), LocalTime.of(9, 0), 4, 8),
                new CapacityWindow("rest", LocalTime.of(9, 0), LocalTime.of(4, 30), 1, 2)), 60, 1000);
        List<String> rows = CapacityPlanTable.render("api", scaling).lines().toList();
        assertThat(rows.get(2 + 4)).matches("04:00\\s+rest\\s+1\\s+2");
        assertThat(rows.get(2 + 5)).matches("05:00\\s+peak\\s+4\\s+8");
    }
}
