package jp.twozeroseven.infra.capacity;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.twozeroseven.infra.settings.forecast.NightForecast;
import jp.twozeroseven.infra.settings.forecast.TablePlan;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.DataPipelineTask;
import jp.twozeroseven.infra.settings.EtlCapacity;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EtlCostTest {

    private static PriceTable prices() throws Exception {
        return PriceTable.parse(new YAMLMapper().readTree("""
                region: ap-northeast-1
                date: "2000-01-01"
                source: test figures
                usdToJpy: 100
                hoursPerMonth: 720
                fargate:
                  x86_64: {vcpuHour: 0.05, gbHour: 0.005}
                  arm64: {vcpuHour: 0.04, gbHour: 0.004}
                natGatewayHour: 0.05
                applicationLoadBalancer: {hour: 0.02, lcuHour: 0.01, assumedLcus: 2}
                interfaceEndpointHourPerAz: 0.01
                auroraPostgresInstanceHour: {db.r7g.large: 0.3}
                etl:
                  fargateSpot: {x86_64: {vcpuHour: 0.015, gbHour: 0.0015}}
                  ephemeralStorageGbHour: 0.0001
                  stepFunctionsPerThousandTransitions: 0.025
                  s3PutPerThousand: 0.005
                  s3GetPerThousand: 0.0004
                """), "test prices");
    }

    private static NightForecast twoTables() {
        // One hour and half an hour of tasks; the second needs 40 GiB of disk.
        List<TablePlan> plans = List.of(new TablePlan("a", true, 1000, 3600, 1000, 3600, 0, "", 1, 21),
                new TablePlan("b", false, 10_000_000, 1800, 10_000_000, 1800, 0, "", 1, 40));
        return new NightForecast(LocalTime.of(1, 30), 2, 5000, plans, List.of(), 3600, List.of(), 3600, List.of(), null,
                7200, List.of());
    }

    @Test
    void aNightOnSpotFromTheForecastsTaskHours() throws Exception {
        DataPipelineTask task = new DataPipelineTask(1024, 4096, CpuArchitecture.X86_64, 240, EtlCapacity.SPOT_FIRST, 5000);
        // b is 10 M rows x 100 bytes = 1 GB: above 16 MiB, so 5 MiB parts: ceil(1e9 / 5242880) = 191, + 1 complete.
        EtlCost cost = EtlCost.of(twoTables(), task, prices(), table -> 100);

        assertThat(cost.taskHours()).isCloseTo(1.5, within(1e-12));
        // 1.5 h x (1 x 0.015 + 4 x 0.0015) = 0.0315; on-demand 1.5 x (0.05 + 0.02) = 0.105
        assertThat(cost.computeUsd()).isCloseTo(0.0315, within(1e-12));
        assertThat(cost.onDemandUsd()).isCloseTo(0.105, within(1e-12));
        // (21 - 20) x 1 h + (40 - 20) x 0.5 h = 11 GB-hours x 0.0001
        assertThat(cost.storageUsd()).isCloseTo(0.0011, within(1e-12));
        assertThat(cost.transitions()).isEqualTo(11 + 3 * 2);
        assertThat(cost.getRequests()).isEqualTo(6);
        assertThat(cost.putRequests()).isEqualTo((1 + 1) + (1 + 191 + 1));
    }

    @Test
    void anArm64TaskPaysOnDemand() throws Exception {
        DataPipelineTask task = new DataPipelineTask(1024, 4096, CpuArchitecture.ARM64, 240, EtlCapacity.ON_DEMAND, 5000);
        EtlCost cost = EtlCost.of(twoTables(), task, prices(), table -> 100);
        // 1.5 x (0.04 + 4 x 0.004)
        assertThat(cost.computeUsd()).isCloseTo(0.084, within(1e-12));
        assertThat(cost.computeUsd()).isEqualTo(cost.onDemandUsd());
    }
}
