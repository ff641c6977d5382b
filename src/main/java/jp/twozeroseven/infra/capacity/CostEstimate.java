package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.NatGatewayMode;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The stack's monthly compute and main fixed costs, from its settings and a dated price table. Data transfer,
 * NAT and endpoint data processing, Aurora storage and I/O, CloudWatch, CloudFront and New Relic are left out:
 * they follow traffic volume, which the settings do not describe.
 */
public record CostEstimate(String stack, PriceTable prices, List<ServiceCost> services, List<FixedCost> fixed) {

    /** The interface endpoints the network creates (see platform.network.VpcEndpoints): one ENI per service and AZ. */
    static final List<String> INTERFACE_ENDPOINT_SERVICES = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager");

    public static CostEstimate of(StackSettings settings, PriceTable prices) {
        List<ServiceCost> services = settings.services().stream().map(s -> serviceCost(s, prices)).toList();
        return new CostEstimate(settings.stack(), prices, services, fixedCosts(settings, prices));
    }

    static ServiceCost serviceCost(ServiceSettings service, PriceTable prices) {
        DailyPlan plan = DailyPlan.of(service);
        double vcpu = service.cpu() / 1024.0;
        double gb = service.memory() / 1024.0;
        PriceTable.FargateRate rate = prices.fargate().get(service.architecture());
        double taskHour = vcpu * rate.vcpuHour() + gb * rate.gbHour();
        double days = prices.hoursPerMonth() / 24.0;
        return new ServiceCost(service.name(), vcpu, gb, architecture(service.architecture()), taskHour,
                plan.peakTasks(), plan.minTaskHoursPerDay() * days, plan.maxTaskHoursPerDay() * days,
                plan.staticTaskHoursPerDay() * days);
    }

    static List<FixedCost> fixedCosts(StackSettings settings, PriceTable prices) {
        double month = prices.hoursPerMonth();
        int zones = settings.network().availabilityZones().size();
        int nats = settings.network().natGateways() == NatGatewayMode.ONE_PER_AZ ? zones : 1;
        String dbClass = settings.database().instanceClass();
        double dbHour = prices.auroraHourly(dbClass).orElseThrow(() -> PriceTable.problem(
                "pricing/" + prices.region() + ".yaml", "auroraPostgresInstanceHour", dbClass,
                "no price for the stack's database.instanceClass; add `" + dbClass + ": <USD per hour>` from the "
                        + "Aurora PostgreSQL price page"));
        int instances = settings.database().instances();
        int endpoints = INTERFACE_ENDPOINT_SERVICES.size() * zones;
        List<FixedCost> fixed = new ArrayList<>();
        fixed.add(new FixedCost("NAT gateways", nats + " × " + usd(prices.natGatewayHour()) + "/h",
                nats * prices.natGatewayHour() * month));
        fixed.add(new FixedCost("Application Load Balancer", "1 × (" + usd(prices.albHour()) + "/h + "
                + fmt(prices.albAssumedLcus()) + " LCU × " + usd(prices.albLcuHour()) + "/h)",
                (prices.albHour() + prices.albAssumedLcus() * prices.albLcuHour()) * month));
        fixed.add(new FixedCost("Aurora PostgreSQL instances", instances + " × " + dbClass + " × " + usd(dbHour) + "/h",
                instances * dbHour * month));
        fixed.add(new FixedCost("VPC interface endpoints", INTERFACE_ENDPOINT_SERVICES.size() + " services × " + zones
                + " AZ × " + usd(prices.interfaceEndpointHourPerAz()) + "/h",
                endpoints * prices.interfaceEndpointHourPerAz() * month));
        return List.copyOf(fixed);
    }

    public double fixedUsd() {
        return fixed.stream().mapToDouble(FixedCost::monthlyUsd).sum();
    }

    public double computeScheduledMaxUsd() {
        return overServices(ServiceCost::scheduledMaxUsd);
    }

    public double computeScheduledMinUsd() {
        return overServices(ServiceCost::scheduledMinUsd);
    }

    public double computeStaticUsd() {
        return overServices(ServiceCost::staticUsd);
    }

    public double savedTaskHours() {
        return overServices(ServiceCost::savedTaskHours);
    }

    public double staticTaskHours() {
        return overServices(ServiceCost::staticTaskHours);
    }

    /** The stack's total of one figure of its services. */
    private double overServices(ToDoubleFunction<ServiceCost> figure) {
        return services.stream().mapToDouble(figure).sum();
    }

    public long yen(double usd) {
        return Math.round(usd * prices.usdToJpy());
    }

    static String architecture(CpuArchitecture architecture) {
        return architecture == CpuArchitecture.ARM64 ? "arm64" : "x86_64";
    }

    static String usd(double value) {
        return String.format(Locale.ROOT, "$%.4f", value).replaceAll("0{1,2}$", "");
    }

    static String fmt(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
