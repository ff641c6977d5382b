package jp.twozeroseven.infra.capacity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.RawConfig;
import jp.twozeroseven.infra.settings.ServiceKind;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.SettingsException;
import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Cost arithmetic against figures worked out by hand with round prices. */
class CostEstimateTest {

    @TempDir
    Path temp;

    /** Round prices so the hand computation below stays readable. */
    static PriceTable roundPrices() throws Exception {
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
                auroraPostgresInstanceHour:
                  db.r7g.large: 0.3
                  db.t4g.medium: 0.1
                """), "test prices");
    }

    @Test
    void computeFromTheSchedule() throws Exception {
        // 1 vCPU / 2 GB arm64: 1 x 0.04 + 2 x 0.004 = 0.048 USD per task-hour.
        // Windows: 06:00-18:00 min 4 max 6, 18:00-06:00 min 1 max 2.
        // Per day: min 12x4 + 12x1 = 60, max 12x6 + 12x2 = 96, static 24 x 6 = 144 task-hours.
        // 720 h a month = 30 days: min 1800, max 2880, static 4320 task-hours.
        ServiceSettings api = service("api", 1024, 2048, CpuArchitecture.ARM64, List.of(
                new CapacityWindow("day", LocalTime.of(6, 0), LocalTime.of(18, 0), 4, 6),
                new CapacityWindow("night", LocalTime.of(18, 0), LocalTime.of(6, 0), 1, 2)));

        ServiceCost cost = CostEstimate.serviceCost(api, roundPrices());

        assertThat(cost.taskHourUsd()).isCloseTo(0.048, within(1e-12));
        assertThat(cost.scheduledMinTaskHours()).isCloseTo(1800, within(1e-9));
        assertThat(cost.scheduledMaxTaskHours()).isCloseTo(2880, within(1e-9));
        assertThat(cost.staticTaskHours()).isCloseTo(4320, within(1e-9));
        assertThat(cost.staticUsd()).isCloseTo(207.36, within(1e-9));      // 4320 x 0.048
        assertThat(cost.scheduledMaxUsd()).isCloseTo(138.24, within(1e-9)); // 2880 x 0.048
        assertThat(cost.savedTaskHours()).isCloseTo(1440, within(1e-9));
    }

    @Test
    void halfHourWindowsAndX86() throws Exception {
        // 0.5 vCPU / 1 GB x86: 0.5 x 0.05 + 1 x 0.005 = 0.03 USD per task-hour.
        // 05:30-09:00 (3.5 h) at max 3, 09:00-05:30 (20.5 h) at max 1: 10.5 + 20.5 = 31 task-hours a day.
        ServiceSettings web = service("web", 512, 1024, CpuArchitecture.X86_64, List.of(
                new CapacityWindow("morning", LocalTime.of(5, 30), LocalTime.of(9, 0), 2, 3),
                new CapacityWindow("rest", LocalTime.of(9, 0), LocalTime.of(5, 30), 1, 1)));

        ServiceCost cost = CostEstimate.serviceCost(web, roundPrices());

        assertThat(cost.taskHourUsd()).isCloseTo(0.03, within(1e-12));
        assertThat(cost.scheduledMaxTaskHours()).isCloseTo(31 * 30, within(1e-9));
        assertThat(cost.staticTaskHours()).isCloseTo(72 * 30, within(1e-9));
    }

    @Test
    void fixedCostsOfTheCommittedProdStack() throws Exception {
        StackSettings prod = StackSettingsParser.parse(StackFixture.read("prod"));
        Map<String, Double> fixed = byItem(CostEstimate.fixedCosts(prod, roundPrices()));
        // 3 AZs, a NAT gateway per AZ: 3 x 0.05 x 720 = 108
        assertThat(fixed.get("NAT gateways")).isCloseTo(108, within(1e-9));
        // (0.02 + 2 x 0.01) x 720 = 28.8
        assertThat(fixed.get("Application Load Balancer")).isCloseTo(28.8, within(1e-9));
        // 3 x db.r7g.large x 0.3 x 720 = 648
        assertThat(fixed.get("Aurora PostgreSQL instances")).isCloseTo(648, within(1e-9));
        // 4 services x 3 AZs x 0.01 x 720 = 86.4
        assertThat(fixed.get("VPC interface endpoints")).isCloseTo(86.4, within(1e-9));
    }

    @Test
    void stagingHasOneNatGatewayAndSmallerDatabase() throws Exception {
        StackSettings stg = StackSettingsParser.parse(StackFixture.read("stg"));
        Map<String, Double> fixed = byItem(CostEstimate.fixedCosts(stg, roundPrices()));
        assertThat(fixed.get("NAT gateways")).isCloseTo(36, within(1e-9));                // 1 x 0.05 x 720
        assertThat(fixed.get("Aurora PostgreSQL instances")).isCloseTo(144, within(1e-9)); // 2 x 0.1 x 720
    }

    @Test
    void aDatabaseClassWithoutAPriceIsExplained() throws Exception {
        RawConfig raw = StackFixture.edited("stg", temp, c -> ((ObjectNode) c.get("platform-207:database"))
                .put("instanceClass", "db.r8g.large"));
        StackSettings stg = StackSettingsParser.parse(raw);
        PriceTable prices = roundPrices();
        assertThatThrownBy(() -> CostEstimate.of(stg, prices))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("db.r8g.large")
                .hasMessageContaining("add `db.r8g.large: <USD per hour>`");
    }

    @Test
    void aBrokenPriceTableNamesTheKey() {
        assertThatThrownBy(() -> PriceTable.parse(new YAMLMapper().readTree("""
                region: ap-northeast-1
                date: "2000-01-01"
                source: x
                usdToJpy: 100
                hoursPerMonth: 720
                fargate: {x86_64: {vcpuHour: 0.05, gbHour: 0.005}, arm64: {vcpuHour: -1, gbHour: 0.004}}
                natGatewayHour: 0.05
                applicationLoadBalancer: {hour: 0.02, lcuHour: 0.01, assumedLcus: 2}
                auroraPostgresInstanceHour: {db.r7g.large: 0.3}
                """), "test prices"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("test prices: fargate.arm64.vcpuHour = \"-1\"")
                .hasMessageContaining("interfaceEndpointHourPerAz");
    }

    @Test
    void theCommittedTableLoadsAndIsDated() {
        PriceTable table = PriceTable.forRegion("ap-northeast-1");
        assertThat(table.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(table.auroraHourly("db.r7g.large")).isPresent();
        assertThat(table.auroraHourly("db.t4g.medium")).isPresent();
        assertThatThrownBy(() -> PriceTable.forRegion("us-east-1")).hasMessageContaining("no price table");
    }

    private static Map<String, Double> byItem(List<FixedCost> fixed) {
        return fixed.stream().collect(java.util.stream.Collectors.toMap(FixedCost::item, FixedCost::monthlyUsd));
    }

    static ServiceSettings service(String name, int cpu, int memory, CpuArchitecture arch,
                                   List<CapacityWindow> windows) {
        return new ServiceSettings(name, ServiceKind.RAILS_API, cpu, memory, arch, 3000, "/health", true, null,
                new ScalingSettings(windows, 60, 1000), Map.of());
    }
}
