package jp.twozeroseven.infra.data.embulk;

import java.util.Objects;
import jp.twozeroseven.infra.data.masking.ExportZone;

/** The S3 bucket and Glue database one zone writes to. */
public record ExportTarget(ExportZone zone, String bucket, String glueDatabase) {
    public ExportTarget {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(glueDatabase, "glueDatabase");
        if (bucket.isBlank() || glueDatabase.isBlank()) {
            throw new IllegalArgumentException("zone " + zone.prefix() + " needs a bucket and a Glue database name");
        }
    }
}
