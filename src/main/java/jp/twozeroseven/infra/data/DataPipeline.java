package jp.twozeroseven.infra.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.data.access.AccessPlan;
import jp.twozeroseven.infra.data.access.PipelineArns;
import jp.twozeroseven.infra.data.access.RedashRoles;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.data.embulk.ExportTarget;
import jp.twozeroseven.infra.data.export.EmbulkExport;
import jp.twozeroseven.infra.data.masking.ExportZone;
import jp.twozeroseven.infra.data.notify.SlackNotifier;
import jp.twozeroseven.infra.settings.forecast.NightForecast;
import jp.twozeroseven.infra.settings.forecast.TablePlan;
import jp.twozeroseven.infra.data.orchestration.CapacityStrategy;
import jp.twozeroseven.infra.data.orchestration.EtlExecutionInput;
import jp.twozeroseven.infra.data.orchestration.HeartbeatEndpoint;
import jp.twozeroseven.infra.data.orchestration.TableRun;
import jp.twozeroseven.infra.data.query.AthenaWorkgroups;
import jp.twozeroseven.infra.data.query.GlueCatalog;
import jp.twozeroseven.infra.data.schedule.NightlySchedule;
import jp.twozeroseven.infra.data.workflow.EtlWorkflow;
import jp.twozeroseven.infra.data.workflow.HeartbeatCheck;
import jp.twozeroseven.infra.data.zones.DataZones;
import jp.twozeroseven.infra.platform.AppPlatform;
import jp.twozeroseven.infra.settings.AccessAudience;
import jp.twozeroseven.infra.settings.DataPipelineSettings;
import jp.twozeroseven.infra.settings.EtlCapacity;
import jp.twozeroseven.infra.support.Outputs;
import jp.twozeroseven.infra.support.Scope;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The nightly export of Aurora to S3 as masked Parquet, catalogued in Glue and read through Athena. */
public final class DataPipeline extends ComponentResource {

    public static final String TYPE = "platform207:data:DataPipeline";

    private final Map<String, Output<?>> exports = new LinkedHashMap<>();

    public DataPipeline(String name, Scope parentScope, AppPlatform platform) {
        super(TYPE, name, ComponentResourceOptions.builder().parent(parentScope.parent()).build());
        Scope scope = parentScope.child(this);
        DataPipelineSettings settings = scope.settings().dataPipeline();
        AccessPlan plan = new AccessPlan(settings.catalog(), settings.access());
        List<CatalogTable> rawTables = plan.rawTables();
        String account = scope.settings().accountId();
        String region = scope.settings().region();

        String databasePrefix = scope.settings().namePrefix().replace('-', '_');
        ExportTarget masked = new ExportTarget(ExportZone.MASKED, scope.name("data-masked"), databasePrefix + "_masked");
        ExportTarget raw = new ExportTarget(ExportZone.RAW, scope.name("data-raw"), databasePrefix + "_raw");
        String resultsBucket = scope.name("data-query-results");

        Map<String, String> rawReaderRoles = new LinkedHashMap<>();
        settings.access().rawReaders().stream()
                .filter(a -> !plan.readableTables(a, jp.twozeroseven.infra.settings.AccessZone.RAW).isEmpty())
                .forEach(a -> rawReaderRoles.put(a.name(),
                        "arn:aws:iam::" + account + ":role/" + RedashRoles.roleName(scope, a.name())));

        DataZones zones = new DataZones("zones", scope, platform.logBuckets().accessLogs().name(),
                rawReaderRoles, settings.access().guardianRoleArns(), settings.resultExpiryDays());
        Output<PipelineArns> arns = zones.dataKey().arn().applyValue(key -> new PipelineArns(region, account, key,
                raw.bucket(), masked.bucket(), resultsBucket, raw.glueDatabase(), masked.glueDatabase()));

        GlueCatalog glue = new GlueCatalog("glue", scope, settings.catalog(), masked, raw, settings.access().rawZoneTables());
        AthenaWorkgroups workgroups = new AthenaWorkgroups("athena", scope, settings.access().audiences(), resultsBucket,
                zones.dataKey().arn());
        RedashRoles redash = new RedashRoles("redash", scope, plan, settings.redashHostRoleArn(), arns,
                audience -> AthenaWorkgroups.workgroupName(scope, audience));

        var repository = platform.registries().repository(AppPlatform.ETL_IMAGE);
        EmbulkExport export = new EmbulkExport("embulk", scope, settings, rawTables, new EmbulkExport.Wiring(
                repository.repositoryUrl(), repository.arn(), platform.database().etlReaderEndpoint(),
                platform.keys().platform().arn(), arns, masked, raw));

        EtlWorkflow workflow = new EtlWorkflow("workflow", scope);
        SlackNotifier notifier = new SlackNotifier("slack", scope, workflow.role().arn());
        // The same pure forecast the settings check ran: each table's disk and catch-up window come from it.
        NightForecast forecast = NightForecast.of(settings, scope.settings().observability().heartbeat().deadline(),
                scope.settings().database().maintenanceWindow());
        CapacityStrategy capacity = settings.task().capacity() == EtlCapacity.SPOT_FIRST
                ? CapacityStrategy.spotFirst() : CapacityStrategy.onDemandOnly();
        int executionTimeout = (int) scope.settings().observability().heartbeat().runWindow().getSeconds();
        var stateMachine = workflow.build(new EtlWorkflow.Props(settings.maxConcurrency(), settings.task().timeoutSeconds(),
                executionTimeout, capacity, export.logGroupName()), new EtlWorkflow.Wiring(platform.cluster().arn(),
                export.families(), platform.network().privateSubnetIds(), platform.securityGroups().etl().id(),
                export.roleArns(), notifier.api().id(), notifier.api().executionArn()));

        // One item per table and zone: the masked export for every table, the raw export's own task definition for
        // the rawZoneTables, so a masked run never receives the raw credentials (nor a raw run the pseudonym key).
        List<TableRun> runs = new java.util.ArrayList<>();
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
        new NightlySchedule("schedule", scope, settings.nightlyAt(), stateMachine.arn(), input,
                platform.keys().platform().arn());
        // The heartbeat's input: every few minutes, has tonight's run succeeded, and is its deadline past?
        new HeartbeatCheck("heartbeat-check", scope, new HeartbeatCheck.Props(scope.settings().stack(), region, account,
                HeartbeatEndpoint.eventApiUrl(scope.settings().observability().newRelicAccountId(),
                        scope.settings().observability().region()), settings.nightlyAt(),
                scope.settings().observability().heartbeat().runWindow(), ZoneId.of(DataPipelineSettings.TIME_ZONE),
                scope.settings().logRetentionDays()),
                new HeartbeatCheck.Wiring(stateMachine.arn(), workflow.heartbeatConnectionArn(), workflow.heartbeatConnectionName()));

        exports.put("dataBuckets", Outputs.map(Map.of("raw", zones.raw().name(), "masked", zones.masked().name(),
                "queryResults", zones.results().name())));
        exports.put("etlStateMachineArn", stateMachine.arn());
        Map<String, Output<String>> roleArns = new LinkedHashMap<>();
        redash.roles().forEach((audience, role) -> roleArns.put(audience, role.arn()));
        exports.put("redashRoleArns", Outputs.map(roleArns));
        exports.put("athenaWorkgroups", Output.of(Map.copyOf(workgroups.names())));
        // Names who can read unmasked data: reviewed on every preview.
        exports.put("rawZoneReaders", Output.of(Map.copyOf(rawReaderRoles)));
        exports.put("rawZoneTables", Output.of(rawTables.stream().map(CatalogTable::name).toList()));
        exports.put("etlSecretArnsToFill", Outputs.map(export.secretsToFill()));
        this.registerOutputs(Map.of("etlStateMachineArn", stateMachine.arn()));
    }

    /** Stack outputs of the data pipeline. */
    public Map<String, Output<?>> exports() {
        return exports;
    }

    static List<AccessAudience> audiences(DataPipelineSettings settings) {
        return settings.access().audiences();
    }
}
