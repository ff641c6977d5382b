package jp.twozeroseven.infra.loadtest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadTestOptionsTest {

    @Test
    void readsTargetMixAndRamp() {
        LoadTestOptions o = LoadTestOptions.parse(List.of("--target", "https://api.stg.207-delivery.jp", "--mix",
                "api-daytime", "--start-rps", "5", "--step-rps", "5", "--max-rps", "20", "--p95-ms", "250"));
        assertThat(o.mix()).isEqualTo(TrafficMix.API_DAYTIME);
        assertThat(o.steps()).containsExactly(5.0, 10.0, 15.0, 20.0);
        assertThat(o.targets()).isEqualTo(new LoadTargets(250, 0.01));
        assertThat(o.stepSeconds()).isEqualTo(60);
        assertThat(o.rampSeconds()).isEqualTo(10);
    }

    @Test
    void reportsEveryBadOptionWithTheFix() {
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--target", "api.207.jp", "--mix", "evening",
                "--max-error-rate", "5", "--colour", "red")))
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("--target api.207.jp: expected an http:// or https:// URL")
                .hasMessageContaining("--mix evening: expected one of api-morning, api-daytime, web")
                .hasMessageContaining("--max-error-rate 5: expected a number from 0 to 1")
                .hasMessageContaining("--colour: unknown option");
    }

    @Test
    void requiresTargetAndMix() {
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of()))
                .hasMessageContaining("--target is required").hasMessageContaining("--mix is required");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--target")))
                .hasMessageContaining("--target needs a value");
    }

    @Test
    void readsTheTokenFromTheEnvironmentOnly() {
        LoadTestOptions o = LoadTestOptions.parse(List.of("--target", "http://127.0.0.1:3000", "--mix", "web",
                "--bearer-token-env", "API_TOKEN"));
        assertThat(o.bearerToken(Map.of("API_TOKEN", "t0k")::get)).isEqualTo("t0k");
        assertThatThrownBy(() -> o.bearerToken(Map.<String, String>of()::get))
                .hasMessageContaining("API_TOKEN: the environment variable is not set");
    }

    @Test
    void mixesAddUpToAHundredPercent() {
        for (TrafficMix mix : TrafficMix.values()) {
            assertThat(mix.requests().stream().mapToDouble(TrafficMix.Request::weightPercent).sum())
                    .as(mix.key()).isEqualTo(100.0);
        }
        assertThat(TrafficMix.API_MORNING.requests().stream().filter(r -> r.method().equals("POST"))
                .mapToDouble(TrafficMix.Request::weightPercent).sum()).as("morning is write-heavy").isGreaterThan(50);
        assertThat(TrafficMix.API_DAYTIME.requests().stream().filter(r -> r.method().equals("GET"))
                .mapToDouble(TrafficMix.Request::weightPercent).sum()).as("daytime is read-heavy").isGreaterThan(50);
    }
}
