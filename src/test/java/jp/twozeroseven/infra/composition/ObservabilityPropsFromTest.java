package jp.twozeroseven.infra.composition;

import jp.twozeroseven.infra.observability.ObservedService;
import jp.twozeroseven.infra.observability.SloProps;
import jp.twozeroseven.infra.settings.SloKind;
import jp.twozeroseven.infra.settings.SloSettings;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings → props mapping of the observability component (the resources themselves: the stack tests). */
class ObservabilityPropsFromTest {

    @Test
    void theHandoverOfEachServiceComesFromItsPlatformSettings() {
        StackSettings prod = StackSettingsParser.parse(StackFixture.read("prod"));
        List<ObservedService> observed = ObservabilityPropsFrom.observedServices(prod,
                Map.of("api", "platform-207-prod-api"));
        assertThat(observed).containsExactly(
                new ObservedService("api", "api-prod", List.of("/health"), Optional.of("api.207-delivery.jp"),
                        Optional.of("platform-207-prod-api")),
                new ObservedService("web", "web-prod", List.of("/api/health"), Optional.of("admin.207-delivery.jp"),
                        Optional.empty()));
    }

    @Test
    void latencyThresholdsInMillisecondsBecomeTheSecondsOfNrqlDuration() {
        StackSettings stg = StackSettingsParser.parse(StackFixture.read("stg"));
        List<SloProps> api = stg.observability().services().get(0).slos().stream()
                .map(ObservabilityPropsFrom::slo).toList();
        assertThat(api).containsExactly(
                SloProps.success("success", 99.5, 28),
                SloProps.latency("latency", 99.5, 28, 0.8),
                SloProps.availability("availability", 99.5, 28, "/health", true));
        // 800 / 1000.0 is the same double as the 0.8 the stack file used to give (latencyThresholdSeconds)
        assertThat(api.get(1).latencyThresholdSeconds()).isEqualTo(OptionalDouble.of(0.8));
        assertThat(ObservabilityPropsFrom.slo(new SloSettings("slow", SloKind.LATENCY, 99, 7, Optional.of(1500),
                Optional.empty(), false)).latencyThresholdSeconds()).isEqualTo(OptionalDouble.of(1.5));
    }
}
