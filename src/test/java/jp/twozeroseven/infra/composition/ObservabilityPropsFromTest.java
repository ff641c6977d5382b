package jp.twozeroseven.infra.composition;

import jp.twozeroseven.infra.observability.ObservedService;
import jp.twozeroseven.infra.observability.SloProps;
import jp.twozeroseven.infra.settings.SloKind;
import jp.twozeroseven.infra.settings.SloSettings;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import jp.twozeroseven.infra.testsupport.SynthedStacks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings → props mapping of the observability component (the resources themselves: the stack tests). */
class ObservabilityPropsFromTest {

    /**
     * The handover comes from the services the platform built: a service that answers CloudFront only (web's
     * admin.* host, issue 14 #10, docs/cdn.md) is checked through the distribution's first alias, since a direct
     * request gets the ALB's fixed 403; a direct one (api) through its own host.
     */
    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void eachServicesSyntheticCheckGoesWhereItsUsersReachIt(String stack) {
        StackSettings settings = SynthedStacks.settings(stack);
        var monitors = SynthedStacks.synth(stack).ofType("newrelic:synthetics/monitor:Monitor");
        for (var service : settings.services()) {
            var balanced = service.loadBalanced().orElseThrow();
            String host = service.name().equals("web") ? settings.cdn().aliases().get(0)
                    : balanced.routing().hostHeaders().get(0);
            assertThat(monitors).filteredOn(m -> m.name().equals(service.name() + "-public"))
                    .singleElement().satisfies(m -> assertThat(m.inputs().get("uri").asText())
                            .isEqualTo("https://" + host + balanced.healthCheckPath()));
        }
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
