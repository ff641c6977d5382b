package jp.twozeroseven.infra.data.masking;

import jp.twozeroseven.infra.catalog.Masking;
import jp.twozeroseven.infra.support.Required;

/** One column of an export: its SQL expression over alias {@code t}, output name and type. */
public record OutputColumn(String name, String sqlExpression, OutputType type, Masking masking) {
    public OutputColumn {
        Required.components(OutputColumn.class, name, sqlExpression, type, masking);
    }
}
