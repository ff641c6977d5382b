package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Settings of the nightly ETL that would fail a real night: each gets one clear message. */
class EtlNightSettingsTest {

    @TempDir
    Path temp;

    private SettingsException problemsAfter(Consumer<ObjectNode> edit) {
        RawConfig raw = StackFixture.edited("prod", temp, edit);
        return assertThrows(SettingsException.class, () -> StackSettingsParser.parse(raw));
    }

    private static ObjectNode task(ObjectNode config) {
        return (ObjectNode) StackFixture.at(config, "dataPipeline").get("embulkTask");
    }

    @Test
    void spotWithAnArm64TaskIsRefusedNamingTheKeyAndBothFixes() {
        // ECS developer guide, "AWS Fargate capacity providers": "Linux tasks with the ARM64 architecture don't
        // support the Fargate Spot capacity provider. Fargate Spot only supports Linux tasks with the X86_64
        // architecture."
        SettingsException e = problemsAfter(c -> task(c).put("architecture", "arm64").put("capacity", "spot-first"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("platform-207:dataPipeline.embulkTask.architecture");
            assertThat(p.value()).isEqualTo("arm64");
            assertThat(p.message()).contains("x86_64").contains("capacity: on-demand");
        });
    }

    @Test
    void arm64OnDemandIsAccepted() {
        RawConfig raw = StackFixture.edited("prod", temp, c -> task(c).put("architecture", "arm64").put("capacity", "on-demand"));
        DataPipelineTask parsed = StackSettingsParser.parse(raw).dataPipeline().task();
        assertThat(parsed.architecture()).isEqualTo(CpuArchitecture.ARM64);
        assertThat(parsed.capacity()).isEqualTo(EtlCapacity.ON_DEMAND);
    }

    @Test
    void aForecastPastTheMaintenanceWindowIsRefusedWithTheEndTime() {
        // A tenth of the throughput: delivery_events' 8 M daily rows alone take 4.5 hours.
        SettingsException e = problemsAfter(c -> task(c).put("rowsPerSecond", 500));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.key()).isEqualTo("platform-207:dataPipeline.catalog");
            assertThat(p.message()).contains("delivery_events").contains("more than one task can");
        });
        assertThat(e.problems()).filteredOn(p -> p.key().endsWith("maxConcurrency")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aForecastPastTheHeartbeatDeadlineIsRefusedNamingTheDeadline() {
        // One slot: every table after the other; and a deadline earlier than Aurora's Monday maintenance.
        SettingsException e = problemsAfter(c -> {
            StackFixture.at(c, "dataPipeline").put("maxConcurrency", 1);
            task(c).put("timeoutMinutes", 60);
            ((ObjectNode) StackFixture.at(c, "observability").get("dataPipeline")).put("heartbeatDeadline", "02:30");
        });

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("platform-207:dataPipeline.maxConcurrency");
            assertThat(p.value()).isEqualTo("1");
            assertThat(p.message()).contains("the heartbeat deadline at 02:30")
                    .contains("observability.dataPipeline.heartbeatDeadline").contains("raise maxConcurrency");
        });
    }

    @Test
    void aNightPastAurorasMondayMaintenanceIsRefusedNamingTheWindow() {
        // One slot at 1,500 rows/s: 11.5 M rows a night and 8 start-ups end after 04:00, before the 05:00 peak.
        SettingsException e = problemsAfter(c -> {
            StackFixture.at(c, "dataPipeline").put("maxConcurrency", 1);
            task(c).put("rowsPerSecond", 1500);
        });

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("platform-207:dataPipeline.maxConcurrency");
            // sun 18:30 UTC is Monday 03:30 in Tokyo.
            assertThat(p.message()).contains("a normal night").contains("the Aurora maintenance window at 03:30")
                    .contains("database.maintenanceWindow");
        });
    }

    @Test
    void aTaskTimeoutLongerThanTheNightIsRefused() {
        SettingsException e = problemsAfter(c -> task(c).put("timeoutMinutes", 600));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("platform-207:dataPipeline.embulkTask.timeoutMinutes");
            assertThat(p.message()).contains("01:30").contains("06:00").contains("270 minutes");
        });
    }

    @Test
    void bothStacksForecastWithinEveryLimit() {
        for (String stack : java.util.List.of("prod", "stg")) {
            StackSettings settings = StackSettingsParser.parse(StackFixture.read(stack));
            var forecast = jp.twozeroseven.infra.settings.forecast.NightForecast.of(settings.dataPipeline(),
                    settings.observability().heartbeat().deadline(), settings.database().maintenanceWindow());
            assertThat(forecast.problems()).as(stack).isEmpty();
            assertThat(forecast.tables()).as(stack).hasSize(settings.dataPipeline().catalog().tables().size());
        }
    }
}
