package jp.twozeroseven.infra.data;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.support.Scope;

import java.util.Map;

/** The nightly export of Aurora to S3 as masked Parquet, catalogued in Glue and read through Athena. */
public final class DataPipeline extends ComponentResource {

    public static final String TYPE = "platform207:data:DataPipeline";

    public DataPipeline(String name, Scope scope) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(scope.parent()).build());
        this.registerOutputs(Map.of());
    }
}
