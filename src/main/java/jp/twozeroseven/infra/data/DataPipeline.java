package jp.twozeroseven.infra.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.access.AccessPlan;
import jp.twozeroseven.infra.data.access.PipelineArns;
import jp.twozeroseven.infra.data.access.RedashRoles;
import jp.twozeroseven.infra.data.embulk.ExportTarget;
import jp.twozeroseven.infra.data.export.EmbulkExport;
import jp.twozeroseven.infra.data.image.EtlRepository;
import jp.twozeroseven.infra.platform.release.RepositoryGuard;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.data.network.EtlSecurityGroup;
import jp.twozeroseven.infra.data.notify.SlackNotifier;
import jp.twozeroseven.infra.data.orchestration.CapacityStrategy;
import jp.twozeroseven.infra.data.orchestration.EtlExecutionInput;
import jp.twozeroseven.infra.data.orchestration.TableRun;
import jp.twozeroseven.infra.data.query.AthenaWorkgroups;
import jp.twozeroseven.infra.data.query.GlueCatalog;
import jp.twozeroseven.infra.data.schedule.NightlySchedule;
import jp.twozeroseven.infra.data.workflow.EtlWorkflow;
import jp.twozeroseven.infra.data.workflow.HeartbeatCheck;
import jp.twozeroseven.infra.data.zones.DataZones;
import jp.twozeroseven.infra.settings.AccessZone;
import jp.twozeroseven.infra.settings.DataPipelineSettings;
import jp.twozeroseven.infra.settings.EtlCapacity;
import jp.twozeroseven.infra.settings.forecast.NightForecast;
import jp.twozeroseven.infra.settings.forecast.TablePlan;
import jp.twozeroseven.infra.support.Outputs;
import jp.twozeroseven.infra.support.Scope;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nightly export of Aurora to S3 as masked Parquet, catalogued in Glue and read through Athena. It owns every
 * part of the export, its ETL image repository and its tasks' security group included, and takes from the platform
 * only the outputs in {@link DataPipelineProps.Platform}.
 */
public final class DataPipeline extends ComponentResource {

    public static final String TYPE = "platform207:data:DataPipeline";

    private final EtlRepository repository;
    private final EtlSecurityGroup securityGroup;
    private final Map<String, Output<?>> exports = new LinkedHashMap<>();

    public DataPipeline(String name, DataPipelineProps props, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Scope scope = props.scope().child(this);
        DataPipelineSettings settings = props.pipeline();
        AccessPlan plan = new AccessPlan(settings.catalog(), settings.access());
        PipelineStack stack = props.stack();
        DataPipelineProps.Platform platform = props.platform();
        List<CatalogTable> rawTables = plan.rawTables();

        String databasePrefix = stack.databasePrefix();
        ExportTarget masked = new ExportTarget(ExportZone.MASKED, scope.name("data-masked"), databasePrefix + "_masked");
        ExportTarget raw = new ExportTarget(ExportZone.RAW, scope.name("data-raw"), databasePrefix + "_raw");
        String resultsBucket = scope.name("data-query-results");

        Map<String, String> rawReaderRoles = new LinkedHashMap<>();
        settings.access().rawReaders().stream()
                .filter(a -> !plan.readableTables(a, AccessZone.RAW).isEmpty())
                .forEach(a -> rawReaderRoles.put(a.name(),
                        "arn:aws:iam::" + stack.account() + ":role/" + RedashRoles.roleName(scope, a.name())));

        // The two parts the platform used to hold for the pipeline; each carries an alias to its old parent.
        repository = new EtlRepository(scope, new EtlRepository.Props(platform.platformKeyArn(),
                props.repositoryLifecyclePolicy(), new RepositoryGuard.Roles(stack.account(),
                settings.access().deployRoleArn(), settings.access().breakGlassRoleArn())));
        securityGroup = new EtlSecurityGroup(scope, new EtlSecurityGroup.Props(platform.vpcId(),
                platform.databaseSecurityGroupId(), platform.databasePort()));

        DataZones zones = new DataZones("zones", new DataZones.Props(scope, stack.namePrefix(),
                platform.accessLogBucket(), rawReaderRoles, settings.access().guardianRoleArns(),
                settings.resultExpiryDays(), stack.replacedVersionDays()), child());
        Output<PipelineArns> arns = zones.dataKeyArn().applyValue(key -> new PipelineArns(stack.region(),
                stack.account(), key, raw.bucket(), masked.bucket(), resultsBucket, raw.glueDatabase(),
                masked.glueDatabase()));

        new GlueCatalog("glue", new GlueCatalog.Props(scope, settings.catalog(), masked, raw,
                settings.access().rawZoneTables()), child());
        AthenaWorkgroups workgroups = new AthenaWorkgroups("athena", new AthenaWorkgroups.Props(scope,
                settings.access().audiences(), resultsBucket, zones.dataKeyArn()), child());
        RedashRoles redash = new RedashRoles("redash", new RedashRoles.Props(scope, plan, settings.redashHostRoleArn(),
                arns, audience -> AthenaWorkgroups.workgroupName(scope, audience)), child());

        EmbulkExport export = new EmbulkExport("embulk", new EmbulkExport.Props(scope, stack, settings.task(),
                props.embulkImageTag(), settings.catalog().tables(), rawTables, platform.databasePort(),
                platform.databaseName(), new EmbulkExport.Wiring(repository.url(), repository.arn(),
                platform.readerEndpoint(), platform.platformKeyArn(), arns, masked, raw)), child());

        DataPipelineProps.Heartbeat heartbeat = props.heartbeat();
        EtlWorkflow workflow = new EtlWorkflow("workflow", new EtlWorkflow.Props(scope, stack.region(),
                stack.account(), stack.stack(), stack.logRetentionDays(), heartbeat.eventApiUrl(),
                props.newRelicIngestKey()), child());
        SlackNotifier notifier = new SlackNotifier("slack", new SlackNotifier.Props(scope, stack.region(),
                stack.stack(), stack.namePrefix(), stack.logRetentionDays(), props.slackWebhookUrl(),
                workflow.role().arn()), child());
        // The same pure forecast the settings check ran: each table's disk and catch-up window come from it.
        NightForecast forecast = NightForecast.of(settings, heartbeat.deadline(), props.maintenanceWindowUtc());
        CapacityStrategy capacity = settings.task().capacity() == EtlCapacity.SPOT_FIRST
                ? CapacityStrategy.spotFirst() : CapacityStrategy.onDemandOnly();
        int executionTimeout = (int) heartbeat.runWindow().getSeconds();
        var stateMachine = workflow.build(new EtlWorkflow.Run(settings.maxConcurrency(), settings.task().timeoutSeconds(),
                executionTimeout, capacity, export.logGroupName()), new EtlWorkflow.Wiring(platform.clusterArn(),
                export.families(), platform.privateSubnetIds(), securityGroup.id(),
                export.roleArns(), notifier.api().id(), notifier.api().executionArn()));

        // One item per table and zone: the masked export for every table, the raw export's own task definition for
        // the rawZoneTables, so a masked run never receives the raw credentials (nor a raw run the pseudonym key).
        List<TableRun> runs = new ArrayList<>();
        for (ExportZone zone : List.of(ExportZone.MASKED, ExportZone.RAW)) {
            List<CatalogTable> tables = zone == ExportZone.MASKED ? settings.catalog().tables() : rawTables;
            String family = EmbulkExport.familyName(scope, zone);
            for (CatalogTable t : tables) {
                TablePlan sized = forecast.table(t.name()).orElseThrow(() -> new IllegalStateException(
                        "table " + t.name() + " has no forecast; the settings check should have refused it"));
                runs.add(new TableRun(t.name(), t.runGroup(), t.isIncremental(), sized.ephemeralStorageGiB(),
                        sized.catchUpWindow(), family));
            }
        }
        String input = EtlExecutionInput.render(runs);
        new NightlySchedule("schedule", new NightlySchedule.Props(scope, settings.nightlyAt(), stateMachine.arn(),
                input, platform.platformKeyArn()), child());
        // The heartbeat's input: every few minutes, has tonight's run succeeded, and is its deadline past?
        new HeartbeatCheck("heartbeat-check", new HeartbeatCheck.Props(scope, stack.stack(), stack.region(),
                stack.account(), heartbeat.eventApiUrl(), settings.nightlyAt(), heartbeat.runWindow(),
                ZoneId.of(DataPipelineSettings.TIME_ZONE), stack.logRetentionDays(),
                workflow.heartbeatCheckWiring()), child());

        exports.put("dataBuckets", Outputs.map(zones.bucketNames()));
        exports.put("etlStateMachineArn", stateMachine.arn());
        Map<String, Output<String>> roleArns = new LinkedHashMap<>();
        redash.roles().forEach((audience, role) -> roleArns.put(audience, role.arn()));
        exports.put("redashRoleArns", Outputs.map(roleArns));
        exports.put("athenaWorkgroups", Output.of(Map.copyOf(workgroups.names())));
        // Names who can read unmasked data: reviewed on every preview.
        exports.put("rawZoneReaders", Output.of(Map.copyOf(rawReaderRoles)));
        exports.put("rawZoneTables", Output.of(rawTables.stream().map(CatalogTable::name).toList()));
        exports.put("etlSecretArnsToFill", Outputs.map(export.secretsToFill()));
        // The image workflow's target; until issue 17 it was the "embulk" entry of the platform's ecrRepositoryUrls.
        exports.put("etlRepositoryUrl", repository.url());
        this.registerOutputs(Map.of("etlStateMachineArn", stateMachine.arn()));
    }

    private ComponentResourceOptions child() {
        return ComponentResourceOptions.builder().parent(this).build();
    }

    /** Stack outputs of the data pipeline. */
    public Map<String, Output<?>> exports() {
        return exports;
    }

    /** The Embulk image's repository (the image workflow pushes to it). */
    public EtlRepository repository() {
        return repository;
    }

    /** The Embulk tasks' security group. */
    public EtlSecurityGroup securityGroup() {
        return securityGroup;
    }
}
