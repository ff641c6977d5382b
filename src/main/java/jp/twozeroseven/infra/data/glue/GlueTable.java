package jp.twozeroseven.infra.data.glue;

import java.util.List;
import java.util.Map;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.support.Required;

/**
 * Everything an {@code aws.glue.CatalogTable} needs for one exported table in one zone.
 * {@code location} is the table root; partitions are found by projection, never by crawler.
 */
public record GlueTable(
        String databaseName,
        String name,
        ExportZone zone,
        String tableType,
        String location,
        List<GlueColumn> columns,
        List<GlueColumn> partitionKeys,
        String inputFormat,
        String outputFormat,
        String serializationLibrary,
        Map<String, String> serdeParameters,
        Map<String, String> parameters) {

    public GlueTable {
        Required.components(GlueTable.class, databaseName, name, zone, tableType, location, columns, partitionKeys,
                inputFormat, outputFormat, serializationLibrary, serdeParameters, parameters);
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        serdeParameters = Map.copyOf(serdeParameters);
        parameters = Map.copyOf(parameters);
    }

    public List<String> columnNames() {
        return columns.stream().map(GlueColumn::name).toList();
    }
}
