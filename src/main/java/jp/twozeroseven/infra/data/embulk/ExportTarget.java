package jp.twozeroseven.infra.data.embulk;

import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.support.Required;

/** The S3 bucket and Glue database one zone writes to. */
public record ExportTarget(ExportZone zone, String bucket, String glueDatabase) {
    public ExportTarget {
        Required.components(ExportTarget.class, zone, bucket, glueDatabase);
        if (bucket.isBlank() || glueDatabase.isBlank()) {
            throw new IllegalArgumentException("zone " + zone.prefix() + " needs a bucket and a Glue database name");
        }
    }
}
