package jp.twozeroseven.infra.settings;

import jp.twozeroseven.infra.catalog.DataClass;
import jp.twozeroseven.infra.support.Required;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of the access matrix: who (a Redash data source / Athena workgroup) may read which zones and which data
 * classes as they are stored there.
 *
 * @param classes                 a table in a zone is readable only when every column it holds in that zone has one
 *                                of these classes (the masked zone holds no name, free text or secret column)
 * @param bytesScannedCutoffBytes Athena cancels a query of this audience after scanning this many bytes
 * @param externalId              the sts:ExternalId its Redash data source must present to assume its role (required
 *                                for raw-zone readers)
 */
public record AccessAudience(String name, Set<AccessZone> zones, Set<DataClass> classes, long bytesScannedCutoffBytes,
                             Optional<String> externalId) {

    public AccessAudience {
        Required.components(AccessAudience.class, name, zones, classes, bytesScannedCutoffBytes, externalId);
        // Sorted (enum order), never Set.copyOf: its iteration order changes between JVM runs, and the zones are
        // printed into the Athena workgroup's description, so a hash order would make every other preview an update.
        zones = Collections.unmodifiableSortedSet(new TreeSet<>(zones));
        classes = Collections.unmodifiableSortedSet(new TreeSet<>(classes));
    }

    public AccessAudience(String name, Set<AccessZone> zones, Set<DataClass> classes, long bytesScannedCutoffBytes) {
        this(name, zones, classes, bytesScannedCutoffBytes, Optional.empty());
    }

    public boolean reads(AccessZone zone) {
        return zones.contains(zone);
    }
}
