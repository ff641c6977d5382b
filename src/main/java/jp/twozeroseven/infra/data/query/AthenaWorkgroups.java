package jp.twozeroseven.infra.data.query;

import com.pulumi.aws.athena.Workgroup;
import com.pulumi.aws.athena.WorkgroupArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationEngineVersionArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.settings.AccessAudience;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Athena workgroup per audience: settings enforced on every client, results SSE-KMS in the audience's own
 * prefix of the results zone, and a per-query bytes-scanned cutoff so one careless query cannot scan the lake.
 */
public final class AthenaWorkgroups extends ComponentResource {

    public static final String TYPE = "platform207:data:AthenaWorkgroups";

    private final Map<String, String> names = new LinkedHashMap<>();

    /**
     * @param scope         provider, naming and tags of the workgroups. Required.
     * @param audiences     one workgroup each ({@code dataPipeline.access.audiences}; analysts and data-engineers are
     *                      always there). Required.
     * @param resultsBucket the query-results zone's bucket name: each audience writes under {@code <audience>/}
     * @param dataKeyArn    the data key that encrypts the results (SSE_KMS). Required.
     */
    public record Props(Scope scope, List<AccessAudience> audiences, String resultsBucket, Output<String> dataKeyArn) {
        public Props {
            Required.components(Props.class, scope, audiences, resultsBucket, dataKeyArn);
            audiences = List.copyOf(audiences);
        }
    }

    public AthenaWorkgroups(String name, Props props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        for (AccessAudience audience : props.audiences()) {
            String workgroup = workgroupName(scope, audience.name());
            names.put(audience.name(), workgroup);
            new Workgroup(workgroup, WorkgroupArgs.builder()
                    .name(workgroup)
                    .description("Athena for " + audience.name() + " (Redash data source), zones " + audience.zones())
                    .state("ENABLED")
                    .forceDestroy(false)
                    .configuration(WorkgroupConfigurationArgs.builder()
                            .enforceWorkgroupConfiguration(true)
                            .publishCloudwatchMetricsEnabled(true)
                            .bytesScannedCutoffPerQuery(Math.toIntExact(audience.bytesScannedCutoffBytes()))
                            .engineVersion(WorkgroupConfigurationEngineVersionArgs.builder()
                                    .selectedEngineVersion("Athena engine version 3").build())
                            .resultConfiguration(WorkgroupConfigurationResultConfigurationArgs.builder()
                                    .outputLocation("s3://" + props.resultsBucket() + "/" + audience.name() + "/")
                                    .encryptionConfiguration(WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs.builder()
                                            .encryptionOption("SSE_KMS").kmsKeyArn(props.dataKeyArn()).build())
                                    .build())
                            .build())
                    .tags(scope.tags(workgroup))
                    .build(), scope.options());
        }
        this.registerOutputs(Map.of());
    }

    public static String workgroupName(Scope scope, String audience) {
        return scope.name("athena-" + audience);
    }

    public Map<String, String> names() {
        return names;
    }
}
