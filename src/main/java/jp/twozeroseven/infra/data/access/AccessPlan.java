package jp.twozeroseven.infra.data.access;

import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.DataClass;
import jp.twozeroseven.infra.catalog.Masking;
import jp.twozeroseven.infra.settings.AccessAudience;
import jp.twozeroseven.infra.settings.AccessMatrix;
import jp.twozeroseven.infra.settings.AccessZone;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access matrix applied to the catalog: which tables each audience may read in each zone. IAM grants are table
 * by table because IAM cannot filter columns; a table is readable only when every column it holds in that zone has
 * a class the audience may see.
 */
public final class AccessPlan {

    private final Catalog catalog;
    private final AccessMatrix matrix;

    public AccessPlan(Catalog catalog, AccessMatrix matrix) {
        this.catalog = catalog;
        this.matrix = matrix;
    }

    public AccessMatrix matrix() {
        return matrix;
    }

    /** Tables exported to the raw zone, in catalog order. */
    public List<CatalogTable> rawTables() {
        return catalog.tables().stream().filter(t -> matrix.rawZoneTables().contains(t.name())).toList();
    }

    public List<String> readableTables(AccessAudience audience, AccessZone zone) {
        if (!audience.reads(zone) || (zone == AccessZone.RAW && !matrix.rawZoneReaders().contains(audience.name()))) {
            return List.of();
        }
        List<CatalogTable> tables = zone == AccessZone.RAW ? rawTables() : catalog.tables();
        return tables.stream()
                .filter(t -> audience.classes().containsAll(classesHeld(t, zone)))
                .map(CatalogTable::name)
                .toList();
    }

    /** True when the audience reads every table the zone holds, so one prefix-wide grant says the same thing. */
    public boolean readsWholeZone(AccessAudience audience, AccessZone zone) {
        int all = zone == AccessZone.RAW ? rawTables().size() : catalog.tables().size();
        return all > 0 && readableTables(audience, zone).size() == all;
    }

    /** Classes of the columns a zone stores for a table: the masked zone never stores dropped columns. */
    static Set<DataClass> classesHeld(CatalogTable table, AccessZone zone) {
        return table.columns().stream()
                .filter(c -> zone == AccessZone.RAW || c.masking() != Masking.DROP)
                .map(CatalogColumn::dataClass)
                .collect(Collectors.toSet());
    }
}
