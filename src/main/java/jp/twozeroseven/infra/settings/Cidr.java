package jp.twozeroseven.infra.settings;

import java.util.Optional;

/** An IPv4 CIDR block, parsed strictly: the address must be the network address of the block. */
public record Cidr(long network, int prefix) {

    public static Optional<Cidr> parse(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            return Optional.empty();
        }
        String[] parts = text.split("/");
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > 32) {
            return Optional.empty();
        }
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            int value = Integer.parseInt(octet);
            if (value > 255) {
                return Optional.empty();
            }
            address = (address << 8) | value;
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if ((address & mask) != address) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, prefix));
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean contains(Cidr other) {
        return other.prefix >= prefix && other.network >= network && other.network + other.size() <= network + size();
    }

    public boolean overlaps(Cidr other) {
        return network < other.network + other.size() && other.network < network + size();
    }
}
