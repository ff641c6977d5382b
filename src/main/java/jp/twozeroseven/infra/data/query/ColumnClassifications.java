package jp.twozeroseven.infra.data.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.Masking;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.data.masking.MaskingPlan;

/**
 * The class and masking of every catalog column, as a Glue table parameter. The policy pack reads it to prove, from
 * the synth alone, that every exported column is classified and that no masked table or config holds a raw
 * personal column.
 */
public final class ColumnClassifications {

    /** Glue table parameter (and S3 object tag prefix) that carries the classification. */
    public static final String PARAMETER = "platform207.column_classes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ColumnClassifications() {
    }

    /** {"column": {"class": "contact", "masking": "pseudonymize"}} for every column, dropped ones included. */
    public static String of(CatalogTable table, ExportZone zone) {
        ObjectNode root = JSON.createObjectNode();
        for (CatalogColumn column : table.columns()) {
            Masking masking = zone == ExportZone.RAW ? Masking.KEEP : column.masking();
            root.putObject(column.name()).put("class", column.dataClass().yamlName()).put("masking", masking.yamlName());
        }
        if (zone == ExportZone.MASKED && MaskingPlan.needsKey(table)) {
            // Not a catalog column: the id of the key that made the row's pseudonyms (MaskingPlan.KEY_ID_COLUMN).
            root.putObject(MaskingPlan.KEY_ID_COLUMN).put("class", "internal").put("masking", "keep");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
