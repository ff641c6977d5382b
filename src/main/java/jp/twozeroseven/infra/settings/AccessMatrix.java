package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see what. Reading the raw zone needs two explicit entries that a review sees: the audience lists the
 * raw zone, and it is named in {@code rawZoneReaders}; only tables in {@code rawZoneTables} are ever exported raw.
 *
 * @param deployRoleArn    the role Pulumi deploys with: the only principal (with break-glass) that may rewrite the data
 *                         buckets' policies and the Embulk configs
 * @param breakGlassRoleArn the emergency role that may do the same when the deploying role cannot
 */
public record AccessMatrix(List<AccessAudience> audiences, Set<String> rawZoneReaders, Set<String> rawZoneTables,
                           String deployRoleArn, String breakGlassRoleArn) {

    public static final String ANALYSTS = "analysts";
    public static final String DATA_ENGINEERS = "data-engineers";

    public AccessMatrix {
        audiences = List.copyOf(audiences);
        rawZoneReaders = Set.copyOf(rawZoneReaders);
        rawZoneTables = Set.copyOf(rawZoneTables);
    }

    /** The principals the guards exempt from policy and config writes, in a fixed order. */
    public List<String> guardianRoleArns() {
        return List.of(deployRoleArn, breakGlassRoleArn);
    }

    public Optional<AccessAudience> audience(String name) {
        return audiences.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<AccessAudience> rawReaders() {
        return audiences.stream().filter(a -> rawZoneReaders.contains(a.name())).toList();
    }
}
