package jp.twozeroseven.infra.data.masking;

import java.util.Objects;
import jp.twozeroseven.infra.catalog.Masking;

/** One column of an export: its SQL expression over alias {@code t}, output name and type. */
public record OutputColumn(String name, String sqlExpression, OutputType type, Masking masking) {
    public OutputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlExpression, "sqlExpression");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(masking, "masking");
    }
}
