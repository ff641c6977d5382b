package jp.twozeroseven.infra.loadtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real kit, Gatling included, for a few seconds against a local server of known capacity. */
class CapacityProbeTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void findsTheRateALimitedServerSustains() throws Exception {
        // 2 workers x 1000 / 40 ms = 50 rps at most.
        try (FixedCapacityServer server = new FixedCapacityServer(2, 40, 0)) {
            LoadTestOptions options = LoadTestOptions.parse(List.of("--target", server.url(), "--mix", "api-morning",
                    "--start-rps", "15", "--step-rps", "15", "--max-rps", "90", "--step-seconds", "2",
                    "--ramp-seconds", "1", "--p95-ms", "200", "--max-error-rate", "0.01"));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            CapacityFinding finding = CapacityProbe.run(options, "", new PrintStream(printed, true,
                    StandardCharsets.UTF_8));

            System.out.print(printed.toString(StandardCharsets.UTF_8));
            assertThat(finding.sustained()).isPresent();
            double sustained = finding.sustained().get().achievedRps();
            assertThat(sustained).as("sustained rps of a 50 rps server").isBetween(30.0, 52.0);
            StepMeasurement last = finding.steps().get(finding.steps().size() - 1);
            assertThat(last.meets(options.targets())).as("the step above capacity fails").isFalse();
            assertThat(last.offeredRps()).isGreaterThan(server.capacityRps(2));
            assertThat(last.p95Millis()).isGreaterThan(200);
            assertThat(finding.steps()).allSatisfy(s -> assertThat(s.failures()).isZero());
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("one task sustains")
                    .doesNotContain("at least").contains("perTaskRps: " + (long) Math.floor(sustained));
            assertThat(server.served()).isPositive();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void countsServerErrorsAndFailsTheStep() throws Exception {
        // Plenty of capacity, but every 5th response is a 500.
        try (FixedCapacityServer server = new FixedCapacityServer(8, 5, 5)) {
            LoadTestOptions options = LoadTestOptions.parse(List.of("--target", server.url(), "--mix", "web",
                    "--start-rps", "20", "--step-rps", "20", "--max-rps", "40", "--step-seconds", "2",
                    "--ramp-seconds", "1", "--p95-ms", "500", "--max-error-rate", "0.05"));

            CapacityFinding finding = CapacityProbe.run(options, "", new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8));

            assertThat(finding.sustained()).isEmpty();
            assertThat(finding.steps()).hasSize(1);
            StepMeasurement step = finding.steps().get(0);
            assertThat(step.requests()).isBetween(30L, 50L);
            assertThat(step.errorRate()).isBetween(0.15, 0.25);
            assertThat(finding.conclusion()).startsWith("no step met");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anUnreachableTargetCountsEveryRequestAsFailed() {
        LoadTestOptions options = LoadTestOptions.parse(List.of("--target", "http://127.0.0.1:9", "--mix",
                "api-daytime", "--start-rps", "10", "--max-rps", "10", "--step-seconds", "1", "--ramp-seconds", "0"));

        CapacityFinding finding = CapacityProbe.run(options, "", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(finding.sustained()).isEmpty();
        assertThat(finding.steps().get(0).errorRate()).isEqualTo(1.0);
    }
}
