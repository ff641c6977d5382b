package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see what. Reading the raw zone needs two explicit entries that a review sees: the audience lists the
 * raw zone, and it is named in {@code rawZoneReaders}; only tables in {@code rawZoneTables} are ever exported raw.
 */
public record AccessMatrix(List<AccessAudience> audiences, Set<String> rawZoneReaders, Set<String> rawZoneTables) {

    public static final String ANALYSTS = "analysts";
    public static final String DATA_ENGINEERS = "data-engineers";

    public AccessMatrix {
        audiences = List.copyOf(audiences);
        rawZoneReaders = Set.copyOf(rawZoneReaders);
        rawZoneTables = Set.copyOf(rawZoneTables);
    }

    public Optional<AccessAudience> audience(String name) {
        return audiences.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<AccessAudience> rawReaders() {
        return audiences.stream().filter(a -> rawZoneReaders.contains(a.name())).toList();
    }
}
