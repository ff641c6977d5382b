package jp.twozeroseven.infra.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.twozeroseven.infra.settings.CpuArchitecture;
import jp.twozeroseven.infra.settings.Problems;
import jp.twozeroseven.infra.settings.SettingsException;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dated on-demand prices for one region, read from {@code pricing/<region>.yaml}. Every figure in cost.md comes
 * from here, so the report names the table's date and source.
 *
 * @param hoursPerMonth   AWS bills a month as 730 hours
 * @param auroraInstanceHour USD per instance-hour by instance class (Aurora PostgreSQL, Standard storage)
 */
public record PriceTable(String region, String date, String source, double usdToJpy, double hoursPerMonth,
                         Map<CpuArchitecture, FargateRate> fargate, double natGatewayHour, double albHour,
                         double albLcuHour, double albAssumedLcus, double interfaceEndpointHourPerAz,
                         Map<String, Double> auroraInstanceHour, Optional<EtlPrices> etl) {

    /** USD per vCPU-hour and per GB-hour of a Fargate task. */
    public record FargateRate(double vcpuHour, double gbHour) {
    }

    /**
     * What the nightly export pays besides on-demand Fargate: Fargate Spot (X86_64 only), ephemeral storage above
     * 20 GiB, Step Functions Standard state transitions and S3 requests.
     */
    public record EtlPrices(FargateRate spotX86, double ephemeralStorageGbHour, double stepFunctionsPerThousand,
                            double s3PutPerThousand, double s3GetPerThousand) {
    }

    /** A table without the etl section (it is optional) still prices the app platform. */
    public PriceTable(String region, String date, String source, double usdToJpy, double hoursPerMonth,
                      Map<CpuArchitecture, FargateRate> fargate, double natGatewayHour, double albHour,
                      double albLcuHour, double albAssumedLcus, double interfaceEndpointHourPerAz,
                      Map<String, Double> auroraInstanceHour) {
        this(region, date, source, usdToJpy, hoursPerMonth, fargate, natGatewayHour, albHour, albLcuHour,
                albAssumedLcus, interfaceEndpointHourPerAz, auroraInstanceHour, Optional.empty());
    }

    public PriceTable {
        fargate = Map.copyOf(fargate);
        auroraInstanceHour = Map.copyOf(auroraInstanceHour);
    }

    /** The table shipped in the jar (copied from {@code pricing/} at build time). */
    public static PriceTable forRegion(String region) {
        String resource = "/pricing/" + region + ".yaml";
        try (InputStream in = PriceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw problem("pricing/" + region + ".yaml", "region", region, "no price table for this region; "
                        + "add pricing/" + region + ".yaml like pricing/ap-northeast-1.yaml");
            }
            return parse(new YAMLMapper().readTree(in), "pricing/" + region + ".yaml");
        } catch (IOException e) {
            throw problem(resource, "(file)", null, "cannot read the price table: " + e.getMessage());
        }
    }

    public static PriceTable parse(JsonNode root, String source) {
        Problems problems = new Problems();
        Reader r = new Reader(root, source, problems);
        Map<CpuArchitecture, FargateRate> fargate = new EnumMap<>(CpuArchitecture.class);
        fargate.put(CpuArchitecture.X86_64, new FargateRate(r.price("fargate.x86_64.vcpuHour"),
                r.price("fargate.x86_64.gbHour")));
        fargate.put(CpuArchitecture.ARM64, new FargateRate(r.price("fargate.arm64.vcpuHour"),
                r.price("fargate.arm64.gbHour")));
        Map<String, Double> aurora = new LinkedHashMap<>();
        JsonNode classes = root.path("auroraPostgresInstanceHour");
        if (!classes.isObject()) {
            problems.add(source + ": auroraPostgresInstanceHour", null, "required; a map of instance class to USD "
                    + "per hour, e.g. db.r7g.large: 0.332");
        }
        classes.fieldNames().forEachRemaining(c -> aurora.put(c, r.price("auroraPostgresInstanceHour." + c)));
        Optional<EtlPrices> etl = root.has("etl") ? Optional.of(new EtlPrices(
                new FargateRate(r.price("etl.fargateSpot.x86_64.vcpuHour"), r.price("etl.fargateSpot.x86_64.gbHour")),
                r.price("etl.ephemeralStorageGbHour"), r.price("etl.stepFunctionsPerThousandTransitions"),
                r.price("etl.s3PutPerThousand"), r.price("etl.s3GetPerThousand"))) : Optional.empty();
        PriceTable table = new PriceTable(r.text("region"), r.text("date"), r.text("source"), r.price("usdToJpy"),
                r.price("hoursPerMonth"), fargate, r.price("natGatewayHour"), r.price("applicationLoadBalancer.hour"),
                r.price("applicationLoadBalancer.lcuHour"), r.price("applicationLoadBalancer.assumedLcus"),
                r.price("interfaceEndpointHourPerAz"), aurora, etl);
        problems.throwIfAny(source);
        return table;
    }

    public Optional<Double> auroraHourly(String instanceClass) {
        return Optional.ofNullable(auroraInstanceHour.get(instanceClass));
    }

    static SettingsException problem(String source, String key, String value, String message) {
        Problems problems = new Problems();
        problems.add(key, value, message);
        return new SettingsException(source, problems.all());
    }

    /** Reads dotted paths and reports each missing or non-positive figure once, naming the key. */
    private record Reader(JsonNode root, String source, Problems problems) {

        double price(String dotted) {
            JsonNode node = at(dotted);
            if (!node.isNumber() || node.doubleValue() <= 0) {
                problems.add(source + ": " + dotted, node.isMissingNode() ? null : node.asText(),
                        "expected a positive number (USD, hours or a rate)");
                return 0;
            }
            return node.doubleValue();
        }

        String text(String dotted) {
            JsonNode node = at(dotted);
            if (!node.isValueNode() || node.asText().isBlank()) {
                problems.add(source + ": " + dotted, null, "required; the table must say its " + dotted);
                return "";
            }
            return node.asText();
        }

        private JsonNode at(String dotted) {
            JsonNode node = root;
            int dot = dotted.indexOf('.');
            // Aurora classes contain dots themselves (db.r7g.large): only the first segment is a section there.
            if (dotted.startsWith("auroraPostgresInstanceHour.")) {
                return root.path("auroraPostgresInstanceHour").path(dotted.substring(dot + 1));
            }
            for (String part : dotted.split("\\.")) {
                node = node.path(part);
            }
            return node;
        }
    }
}
