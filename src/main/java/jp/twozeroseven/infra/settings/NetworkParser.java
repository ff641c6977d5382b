package jp.twozeroseven.infra.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class NetworkParser {

    private static final String CIDR = "an IPv4 CIDR block such as 10.10.0.0/16";

    private NetworkParser() {
    }

    static NetworkSettings parse(Section s, String region, Tier tier) {
        String vpcCidr = s.text("vpcCidr", CIDR);
        Optional<Cidr> vpc = cidr(s, "vpcCidr", vpcCidr);
        vpc.filter(c -> c.prefix() < 16 || c.prefix() > 22)
                .ifPresent(c -> s.report("vpcCidr", vpcCidr, "prefix must be /16 to /22 so that six subnets fit"));
        List<String> zones = s.texts("availabilityZones", "availability zone names", true);
        for (int i = 0; i < zones.size(); i++) {
            if (!region.isEmpty() && !zones.get(i).matches(java.util.regex.Pattern.quote(region) + "[a-z]")) {
                s.report("availabilityZones[" + i + "]", zones.get(i), "expected a zone of " + region
                        + ", e.g. " + region + "a");
            }
        }
        if (zones.size() != zones.stream().distinct().count()) {
            s.report("availabilityZones", zones.toString(), "duplicate availability zone");
        }
        if (tier.isProduction() && !zones.isEmpty() && zones.size() < 3) {
            s.report("availabilityZones", zones.toString(), "production needs 3 availability zones");
        }
        List<String> publicCidrs = subnets(s, "publicSubnetCidrs", zones.size(), vpc);
        List<String> privateCidrs = subnets(s, "privateSubnetCidrs", zones.size(), vpc);
        rejectOverlaps(s, publicCidrs, privateCidrs);
        NatGatewayMode nat = s.choice("natGateways",
                Section.choices(Map.entry("single", NatGatewayMode.SINGLE), Map.entry("onePerAz", NatGatewayMode.ONE_PER_AZ)),
                tier.isProduction() ? NatGatewayMode.ONE_PER_AZ : NatGatewayMode.SINGLE);
        s.rejectUnknownKeys();
        return new NetworkSettings(vpcCidr, zones, publicCidrs, privateCidrs, nat);
    }

    private static Optional<Cidr> cidr(Section s, String key, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cidr> parsed = Cidr.parse(text);
        if (parsed.isEmpty()) {
            s.report(key, text, "not a valid CIDR; expected " + CIDR + " whose address is the network address");
        }
        return parsed;
    }

    private static List<String> subnets(Section s, String key, int zoneCount, Optional<Cidr> vpc) {
        List<String> cidrs = s.texts(key, CIDR, true);
        if (zoneCount > 0 && cidrs.size() != zoneCount && s.has(key)) {
            s.report(key, cidrs.toString(), "expected one CIDR per availability zone (" + zoneCount + ")");
        }
        for (int i = 0; i < cidrs.size(); i++) {
            String itemKey = key + "[" + i + "]";
            Optional<Cidr> subnet = cidr(s, itemKey, cidrs.get(i));
            if (subnet.isPresent() && vpc.isPresent() && !vpc.get().contains(subnet.get())) {
                s.report(itemKey, cidrs.get(i), "not inside the VPC CIDR");
            }
        }
        return cidrs;
    }

    private static void rejectOverlaps(Section s, List<String> publicCidrs, List<String> privateCidrs) {
        List<String> all = new ArrayList<>(publicCidrs);
        all.addAll(privateCidrs);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Optional<Cidr> a = Cidr.parse(all.get(i));
                Optional<Cidr> b = Cidr.parse(all.get(j));
                if (a.isPresent() && b.isPresent() && a.get().overlaps(b.get())) {
                    s.report("privateSubnetCidrs", all.get(j), "overlaps subnet " + all.get(i));
                }
            }
        }
    }
}
