package jp.twozeroseven.infra.composition;

import jp.twozeroseven.infra.data.DataPipelineProps;
import jp.twozeroseven.infra.data.PipelineStack;
import jp.twozeroseven.infra.data.embulk.EmbulkImage;
import jp.twozeroseven.infra.data.orchestration.HeartbeatEndpoint;
import jp.twozeroseven.infra.platform.AppPlatform;
import jp.twozeroseven.infra.platform.registry.Registries;
import jp.twozeroseven.infra.platform.security.SecurityGroups;
import jp.twozeroseven.infra.settings.ObservabilitySettings;
import jp.twozeroseven.infra.settings.SecretKey;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.support.Scope;

/**
 * The one place that maps the validated stack settings, and the platform's outputs, to the data pipeline's props.
 * The pipeline and its parts never read the settings; what each needs is named here once.
 */
public final class DataPipelinePropsFrom {

    private DataPipelinePropsFrom() {
    }

    /**
     * @param settings the validated stack settings
     * @param scope    the pipeline's scope (provider, naming, tags of service {@code data-pipeline})
     * @param platform the platform whose outputs the pipeline uses
     */
    public static DataPipelineProps settings(StackSettings settings, Scope scope, AppPlatform platform) {
        return new DataPipelineProps(scope, stack(settings), settings.dataPipeline(), heartbeat(settings),
                settings.database().maintenanceWindow(), EmbulkImage.pinned().tag(),
                // The ETL repository expires images exactly as it did as one of the platform's registries.
                Registries.lifecyclePolicy(settings.deploy().releaseTagPrefix(), settings.registry().keepReleaseImages()),
                secret(settings, SecretKey.SLACK_WEBHOOK_URL), secret(settings, SecretKey.NEW_RELIC_INGEST_KEY),
                new DataPipelineProps.Platform(platform.network().vpcId(), platform.network().privateSubnetIds(),
                        platform.cluster().arn(), platform.database().etlReaderEndpoint(), SecurityGroups.POSTGRES,
                        settings.database().databaseName(), platform.securityGroups().database().id(),
                        platform.keys().platform().arn(), platform.logBuckets().accessLogs().name()));
    }

    static PipelineStack stack(StackSettings settings) {
        return new PipelineStack(settings.stack(), settings.accountId(), settings.region(), settings.namePrefix(),
                settings.tier().isProduction(), settings.logRetentionDays());
    }

    static DataPipelineProps.Heartbeat heartbeat(StackSettings settings) {
        ObservabilitySettings observability = settings.observability();
        return new DataPipelineProps.Heartbeat(
                HeartbeatEndpoint.eventApiUrl(observability.newRelicAccountId(), observability.region()),
                observability.heartbeat().deadline(), observability.heartbeat().runWindow());
    }

    /** The parser requires both secrets in every stack; their absence here is a bug, not bad input. */
    private static SecretValue secret(StackSettings settings, SecretKey key) {
        return settings.secrets().get(key).orElseThrow(() -> new IllegalStateException("secret " + key.key()
                + " is not set; the settings parser requires it (pulumi config set --secret <project>:" + key.key()
                + " ...)"));
    }
}
