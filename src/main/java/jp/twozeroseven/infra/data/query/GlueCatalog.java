package jp.twozeroseven.infra.data.query;

import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.glue.CatalogTable;
import com.pulumi.aws.glue.CatalogTableArgs;
import com.pulumi.aws.glue.inputs.CatalogTablePartitionKeyArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorColumnArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorSerDeInfoArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.data.embulk.ExportTarget;
import jp.twozeroseven.infra.data.glue.GlueTable;
import jp.twozeroseven.infra.data.glue.GlueTableModel;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Glue database per data zone and Pulumi-owned tables generated from the catalog (Parquet, partition projection
 * on {@code dt}), so no crawler runs and Embulk never drops a table.
 */
public final class GlueCatalog extends ComponentResource {

    public static final String TYPE = "platform207:data:GlueCatalog";

    private final Map<ExportZone, CatalogDatabase> databases = new EnumMap<>(ExportZone.class);
    private final List<GlueTable> tables;

    /**
     * @param scope     provider, naming and tags of the Glue resources. Required.
     * @param catalog   the table catalog ({@code dataPipeline.catalog}, default {@code data/catalog.yaml}): one
     *                  masked table per catalog table. Required.
     * @param masked    the masked zone's bucket and Glue database. Required.
     * @param raw       the raw zone's bucket and Glue database (the database exists even with no raw table). Required.
     * @param rawTables the tables also exported raw ({@code dataPipeline.access.rawZoneTables}); empty: none
     */
    public record Props(Scope scope, Catalog catalog, ExportTarget masked, ExportTarget raw, Set<String> rawTables) {
        public Props {
            Required.components(Props.class, scope, catalog, masked, raw, rawTables);
            rawTables = Set.copyOf(rawTables);
        }
    }

    public GlueCatalog(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        databases.put(ExportZone.MASKED, database(scope, props.masked(), "Masked analytics zone: pseudonymised and generalised exports"));
        databases.put(ExportZone.RAW, database(scope, props.raw(), "Raw restricted zone: unmasked exports of allow-listed tables only"));
        tables = GlueTableModel.forCatalog(props.catalog(), props.masked(), Optional.of(props.raw()), props.rawTables());
        for (GlueTable table : tables) {
            catalogTable(scope, table, props.catalog().table(table.name()).orElseThrow());
        }
        this.registerOutputs(Map.of());
    }

    private static CatalogDatabase database(Scope scope, ExportTarget target, String description) {
        return new CatalogDatabase(scope.name("glue-" + target.zone().prefix()), CatalogDatabaseArgs.builder()
                .name(target.glueDatabase())
                .description(description)
                .tags(scope.tags(target.glueDatabase()))
                .build(), scope.statefulOptions());
    }

    private void catalogTable(Scope scope, GlueTable table, jp.twozeroseven.infra.catalog.CatalogTable source) {
        Map<String, String> parameters = new LinkedHashMap<>(table.parameters());
        parameters.put(ColumnClassifications.PARAMETER, ColumnClassifications.of(source, table.zone()));
        new CatalogTable(scope.name("glue-" + table.zone().prefix() + "-" + table.name()), CatalogTableArgs.builder()
                .databaseName(databases.get(table.zone()).name())
                .name(table.name())
                .tableType(table.tableType())
                .parameters(parameters)
                .partitionKeys(table.partitionKeys().stream().map(k -> CatalogTablePartitionKeyArgs.builder()
                        .name(k.name()).type(k.type()).comment(k.comment()).build()).toList())
                .storageDescriptor(CatalogTableStorageDescriptorArgs.builder()
                        .location(table.location())
                        .inputFormat(table.inputFormat())
                        .outputFormat(table.outputFormat())
                        .serDeInfo(CatalogTableStorageDescriptorSerDeInfoArgs.builder()
                                .name("parquet")
                                .serializationLibrary(table.serializationLibrary())
                                .parameters(table.serdeParameters())
                                .build())
                        .columns(table.columns().stream().map(c -> CatalogTableStorageDescriptorColumnArgs.builder()
                                .name(c.name()).type(c.type()).comment(c.comment()).build()).toList())
                        .build())
                .build(), scope.options());
    }

    public List<GlueTable> tables() {
        return tables;
    }
}
