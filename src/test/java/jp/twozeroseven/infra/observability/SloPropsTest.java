package jp.twozeroseven.infra.observability;

import jp.twozeroseven.infra.observability.slo.SloSpec;
import jp.twozeroseven.infra.settings.BurnAlertMode;
import jp.twozeroseven.infra.settings.ObservabilityGoldenSignals;
import jp.twozeroseven.infra.settings.ObservabilityRegion;
import jp.twozeroseven.infra.settings.SloKind;
import jp.twozeroseven.infra.synth.OfflineMocks;
import jp.twozeroseven.infra.synth.PulumiTestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The props of one SLO and the spec it gives: kind-specific fields belong to their kind only. */
class SloPropsTest {

    @Test
    void aLatencySloCarriesItsThresholdIntoTheSpecAndOtherKindsHaveNone() {
        SloSpec latency = SloProps.latency("latency", 99.9, 28, 0.5).spec("api", "api-prod", List.of("/health"));
        assertThat(latency.latencyThresholdSeconds()).isEqualTo(0.5);
        assertThat(latency.probePaths()).containsExactly("/health");
        SloSpec success = SloProps.success("success", 99.5, 7).spec("api", "api-prod", List.of());
        assertThat(success.periodDays()).isEqualTo(7);
        assertThatThrownBy(success::latencyThresholdSeconds).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a latency SLO has one");
    }

    @Test
    void fieldsOfAnotherKindAreRefused() {
        assertThatThrownBy(() -> new SloProps("success", SloKind.SUCCESS, 99.9, 28, OptionalDouble.of(0.5),
                Optional.empty(), false)).hasMessageContaining("latency threshold belongs to a latency SLO");
        assertThatThrownBy(() -> new SloProps("latency", SloKind.LATENCY, 99.9, 28, OptionalDouble.empty(),
                Optional.empty(), false)).hasMessageContaining("every latency SLO needs one");
        assertThatThrownBy(() -> new SloProps("availability", SloKind.AVAILABILITY, 99.9, 28, OptionalDouble.empty(),
                Optional.empty(), false)).hasMessageContaining("every availability SLO needs one");
        assertThatThrownBy(() -> SloProps.success("Success", 99.9, 28)).hasMessageContaining("lower case");
    }

    @Test
    void aServiceRefusesDuplicateNamesASecondAvailabilitySloAndOneWithoutAHost() {
        ObservedService pathRouted = new ObservedService("jobs", "jobs-prod", List.of(), Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> props(pathRouted, List.of(SloProps.success("a", 99, 28), SloProps.success("a", 99, 28))))
                .hasMessageContaining("two SLOs named a");
        assertThatThrownBy(() -> props(pathRouted, List.of(SloProps.availability("up", 99, 28, "/", false))))
                .hasMessageContaining("no public host name");
        ObservedService hosted = new ObservedService("web", "web-prod", List.of(), Optional.of("admin.example.jp"),
                Optional.empty());
        assertThatThrownBy(() -> props(hosted, List.of(SloProps.availability("up", 99, 28, "/", false),
                SloProps.availability("login", 99, 28, "/login", false)))).hasMessageContaining("2 availability SLOs");
        assertThatThrownBy(() -> props(hosted, List.of())).hasMessageContaining("has no SLO");
    }

    private static ServiceObservabilityProps props(ObservedService service, List<SloProps> slos) {
        return new ServiceObservabilityProps(account, service, slos, new ObservabilityGoldenSignals(2, 1.2, 5, 10),
                Optional.empty(), BurnAlertMode.COMPOUND);
    }

    private static NewRelicAccount account;

    /**
     * A provider resource exists only inside a program: register one under the test engine and keep it. Not in a
     * static initializer: the program runs on another thread, which would wait for this class's initialization.
     */
    @BeforeAll
    static void registerAProvider() {
        NewRelicAccount[] registered = new NewRelicAccount[1];
        var run = PulumiTestEngine.run("platform-207", "prod", Map.of(), Set.of(),
                new OfflineMocks("123456789012", "ap-northeast-1"), ctx -> registered[0] = new NewRelicAccount(
                        NewRelicProvider.create("3456789", ObservabilityRegion.US, Optional.empty()), "3456789",
                        ObservabilityRegion.US, "platform-207-prod", "prod", "https://example.jp/"));
        assertThat(run.exceptions()).isEmpty();
        account = registered[0];
    }
}
