package jp.twozeroseven.infra.data.glue;

import java.util.Objects;

/** A Glue column; the comment tells analysts how the value was masked. */
public record GlueColumn(String name, String type, String comment) {
    public GlueColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(comment, "comment");
    }
}
