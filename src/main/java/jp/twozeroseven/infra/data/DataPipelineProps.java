package jp.twozeroseven.infra.data;

import com.pulumi.core.Output;
import jp.twozeroseven.infra.settings.DataPipelineSettings;
import jp.twozeroseven.infra.settings.SecretValue;
import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the data pipeline needs, explicitly: its own settings, the stack facts, and the few outputs it takes
 * from the platform. The pipeline creates its ETL repository and security group itself; from the platform it
 * receives only plain outputs ({@link Platform}), never the platform component. The stack composition
 * ({@code composition.DataPipelinePropsFrom}) is the one place that fills it from the stack settings.
 *
 * @param scope                     provider, naming and tags of the pipeline's resources (its {@code parent} is
 *                                  ignored: the component parents its children to itself). Required.
 * @param stack                     the stack facts names and ARNs derive from. Required.
 * @param pipeline                  the {@code platform-207:dataPipeline} section: catalog, schedule, task size,
 *                                  access matrix (defaults: docs/data-pipeline.md, "Settings"). Required.
 * @param heartbeat                 where and by when the run reports to New Relic. Required.
 * @param maintenanceWindowUtc      Aurora's weekly maintenance window ({@code database.maintenanceWindow},
 *                                  {@code ddd:hh:mm-ddd:hh:mm} UTC): the forecast keeps the night out of it. Required.
 * @param embulkImageTag            the Embulk image's tag in the ETL repository, derived from
 *                                  {@code images/embulk/versions.properties} ({@code EmbulkImage.tag()}). Required.
 * @param repositoryLifecyclePolicy the ETL repository's lifecycle policy (JSON): the app repositories' policy, from
 *                                  {@code deploy.releaseTagPrefix} and {@code registry.keepReleaseImages}. Required.
 * @param slackWebhookUrl           secret config {@code slackWebhookUrl}: the failure and summary messages' target.
 *                                  Required (the settings parser refuses a stack without it).
 * @param newRelicIngestKey         secret config {@code newRelicIngestKey}: the heartbeat connection's API key.
 *                                  Required (the settings parser refuses a stack without it).
 * @param platform                  what the platform provides. Required.
 */
public record DataPipelineProps(Scope scope, PipelineStack stack, DataPipelineSettings pipeline, Heartbeat heartbeat,
                                String maintenanceWindowUtc, String embulkImageTag, String repositoryLifecyclePolicy,
                                SecretValue slackWebhookUrl, SecretValue newRelicIngestKey, Platform platform) {

    public DataPipelineProps {
        Required.components(DataPipelineProps.class, scope, stack, pipeline, heartbeat, maintenanceWindowUtc,
                embulkImageTag, repositoryLifecyclePolicy, slackWebhookUrl, newRelicIngestKey, platform);
        Objects.requireNonNull(pipeline.catalog(), "pipeline.catalog");
    }

    /**
     * The run's report to New Relic.
     *
     * @param eventApiUrl New Relic's Event API URL of the account ({@code observability.newRelic.accountId} and
     *                    {@code region}, US by default)
     * @param deadline    {@code observability.heartbeat.deadline}, Tokyo time: the night must end before it
     * @param runWindow   the execution's timeout, nightly start to deadline
     */
    public record Heartbeat(String eventApiUrl, LocalTime deadline, Duration runWindow) {
        public Heartbeat {
            if (runWindow == null || runWindow.isNegative() || runWindow.isZero()) {
                throw new IllegalArgumentException("runWindow must be a positive duration, got " + runWindow);
            }
            Required.components(Heartbeat.class, eventApiUrl, deadline, runWindow);
        }
    }

    /**
     * The platform outputs the pipeline uses, and nothing else.
     *
     * @param vpcId                   the VPC of the ETL tasks' security group
     * @param privateSubnetIds        the subnets the tasks run in (no public IP)
     * @param clusterArn              the ECS cluster the tasks run on (its FARGATE and FARGATE_SPOT providers)
     * @param readerEndpoint          the ETL's own Aurora reader endpoint, in every Embulk config
     * @param databasePort            Aurora's port (5432)
     * @param databaseName            the database the exports read ({@code database.databaseName})
     * @param databaseSecurityGroupId Aurora's security group: the pipeline adds the rule that admits its tasks
     * @param platformKeyArn          the platform KMS key: the ETL repository, the schedule's DLQ, and reads of ETL
     *                                secret versions written before they moved to their own key
     * @param accessLogBucket         the platform's access-log bucket, where the data buckets log
     */
    public record Platform(Output<String> vpcId, Output<List<String>> privateSubnetIds, Output<String> clusterArn,
                           Output<String> readerEndpoint, int databasePort, String databaseName,
                           Output<String> databaseSecurityGroupId, Output<String> platformKeyArn,
                           Output<String> accessLogBucket) {
        public Platform {
            Required.components(Platform.class, vpcId, privateSubnetIds, clusterArn, readerEndpoint, databasePort,
                    databaseName, databaseSecurityGroupId, platformKeyArn, accessLogBucket);
        }
    }
}
