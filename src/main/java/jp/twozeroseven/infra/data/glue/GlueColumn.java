package jp.twozeroseven.infra.data.glue;

import jp.twozeroseven.infra.support.Required;

/** A Glue column; the comment tells analysts how the value was masked. */
public record GlueColumn(String name, String type, String comment) {
    public GlueColumn {
        Required.components(GlueColumn.class, name, type, comment);
    }
}
