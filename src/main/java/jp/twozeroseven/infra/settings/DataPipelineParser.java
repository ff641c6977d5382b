package jp.twozeroseven.infra.settings;


import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogException;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.catalog.CatalogProblem;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.DataClass;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code dataPipeline}. The table catalog is loaded here, before any resource exists, and its problems are
 * reported beside the settings problems so one run shows everything to fix.
 */
final class DataPipelineParser {

    static final String DEFAULT_CATALOG = "data/catalog.yaml";
    /** Athena refuses a per-query cutoff under 10 MB. */
    static final int MIN_CUTOFF_MB = 10;
    /** The Java SDK types bytesScannedCutoffPerQuery as a 32-bit Integer: 2047 MiB is the largest that fits. */
    static final int MAX_CUTOFF_MB = 2047;
    /** An IAM role ARN (IAM API Reference, Role: path and name characters). */
    static final String ROLE_ARN = "arn:aws:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}";
    /** Prints the derived Embulk image tag (named, not imported: settings never depend on the pipeline's code). */
    public static final String EMBULK_IMAGE_CLASS = "jp.twozeroseven.infra.data.embulk.EmbulkImage";
    private static final LocalTime NIGHT_ENDS = LocalTime.of(5, 0);
    private static final LocalTime NIGHT_STARTS = LocalTime.of(22, 0);

    private DataPipelineParser() {
    }

    static DataPipelineSettings parse(Section s, Path projectDir) {
        String catalogPath = s.text("catalog", "a path to the table catalog such as " + DEFAULT_CATALOG,
                DEFAULT_CATALOG);
        Catalog catalog = loadCatalog(s, catalogPath, projectDir);
        LocalTime nightlyAt = nightlyAt(s);
        int maxConcurrency = s.integer("maxConcurrency", 1, 40, 5);
        DataPipelineTask task = task(s.section("embulkTask"));
        int expiry = s.integer("resultExpiryDays", 1, 365, 30);
        String redash = s.matching("redashHostRoleArn", ROLE_ARN,
                "the IAM role ARN of the Redash host, arn:aws:iam::<account>:role/<name>");
        AccessMatrix access = access(s.section("access"), catalog);
        s.rejectUnknownKeys();
        return new DataPipelineSettings(catalogPath, catalog, nightlyAt, maxConcurrency, task, expiry, redash, access);
    }

    private static Catalog loadCatalog(Section s, String path, Path projectDir) {
        try {
            return CatalogLoader.load(projectDir.resolve(path));
        } catch (CatalogException e) {
            for (CatalogProblem problem : e.problems()) {
                s.report("catalog", path, problem.describe());
            }
            return null;
        }
    }

    private static LocalTime nightlyAt(Section s) {
        String text = s.matching("nightlyAt", "([01]\\d|2[0-3]):[0-5]\\d", "a Tokyo time HH:MM at night, e.g. 01:30");
        if (text.isEmpty()) {
            return LocalTime.of(1, 30);
        }
        LocalTime time = LocalTime.parse(text);
        if (!time.isBefore(NIGHT_ENDS) && time.isBefore(NIGHT_STARTS)) {
            s.report("nightlyAt", text, "the export must start at night (22:00-04:59 Asia/Tokyo), before the "
                    + "early-morning write peak at 05:00; pick e.g. 01:30");
        }
        return time;
    }

    private static DataPipelineTask task(Section t) {
        int cpu = t.integer("cpu", 256, 4096);
        int memory = t.integer("memory", 512, 30720);
        // X86_64 by default: Fargate Spot, the default capacity, runs only X86_64 tasks.
        CpuArchitecture arch = t.choice("architecture", Section.choices(Map.entry("arm64",
                CpuArchitecture.ARM64), Map.entry("x86_64", CpuArchitecture.X86_64)), CpuArchitecture.X86_64);
        EtlCapacity capacity = t.choice("capacity", Section.choices(
                Map.entry(EtlCapacity.SPOT_FIRST.yamlName(), EtlCapacity.SPOT_FIRST),
                Map.entry(EtlCapacity.ON_DEMAND.yamlName(), EtlCapacity.ON_DEMAND)), EtlCapacity.SPOT_FIRST);
        if (capacity == EtlCapacity.SPOT_FIRST && arch == CpuArchitecture.ARM64) {
            // ECS developer guide, "AWS Fargate capacity providers": "Linux tasks with the ARM64 architecture don't
            // support the Fargate Spot capacity provider." Every RunOnSpot call would fail.
            t.report("architecture", "arm64", "Fargate Spot runs only X86_64 tasks and embulkTask.capacity is "
                    + "spot-first; set architecture: x86_64 (and push an amd64 image), or capacity: on-demand to keep arm64");
        }
        // A documented assumption until a real night measures it; 100 rows/s would be a broken export.
        int rowsPerSecond = t.integer("rowsPerSecond", 100, 1_000_000, DataPipelineTask.DEFAULT_ROWS_PER_SECOND);
        // The tag is derived from images/embulk/versions.properties (data.embulk.EmbulkImage, read by the stack
        // composition), which also fixes the configs' driver_path: a tag set here could name an image whose driver or
        // plugins differ from what the generated configs expect. Settings do not read the image: they do not depend
        // on the data pipeline's code.
        t.optionalText("imageTag", "nothing: the key is no longer read").ifPresent(set -> t.report("imageTag", set,
                "the Embulk image tag is derived from images/embulk/versions.properties (print it with `java -cp "
                        + "target/infra.jar " + EMBULK_IMAGE_CLASS + "`); remove imageTag from the stack file and "
                        + "change the versions file (and image.revision) instead"));
        if (t.isPresent() && t.has("cpu") && t.has("memory") && !FargateSizes.allowed(cpu, memory)) {
            t.report("memory", String.valueOf(memory), "Fargate does not offer this memory with cpu " + cpu
                    + "; allowed: " + FargateSizes.describe(cpu));
        }
        // 10 minutes is shorter than a cold Fargate start plus one small table; 24 h would span the next night's run.
        int timeoutMinutes = t.integer("timeoutMinutes", 10, 1200, DataPipelineTask.DEFAULT_TIMEOUT_MINUTES);
        t.rejectUnknownKeys();
        return new DataPipelineTask(cpu, memory, arch, timeoutMinutes, capacity, rowsPerSecond);
    }

    private static AccessMatrix access(Section a, Catalog catalog) {
        List<AccessAudience> audiences = new ArrayList<>();
        a.named("audiences", "[a-z][a-z0-9-]{1,30}", "a lower-case audience name such as analysts")
                .forEach((name, section) -> {
                    audiences.add(audience(name, section));
                    section.rejectUnknownKeys();
                });
        Set<String> names = audiences.stream().map(AccessAudience::name).collect(Collectors.toSet());
        for (String required : List.of(AccessMatrix.ANALYSTS, AccessMatrix.DATA_ENGINEERS)) {
            if (a.isPresent() && a.has("audiences") && !names.contains(required)) {
                a.report("audiences", names.toString(), "audience '" + required + "' is missing; analysts and "
                        + "data engineers each get their own Athena workgroup and Redash role");
            }
        }
        Set<String> readers = new LinkedHashSet<>(a.texts("rawZoneReaders", "audience names", false));
        Set<String> rawTables = new LinkedHashSet<>(a.texts("rawZoneTables", "catalog table names", false));
        // The data buckets' guards exempt exactly these two from policy and Embulk-config writes (docs/data-governance.md).
        String deploy = a.matching("deployRoleArn", ROLE_ARN, "the IAM role ARN Pulumi deploys this stack with, "
                + "arn:aws:iam::<account>:role/<name>; the data buckets deny policy and Embulk-config writes to every "
                + "other principal but the break-glass role");
        String breakGlass = a.matching("breakGlassRoleArn", ROLE_ARN, "the IAM role ARN of the emergency (break-glass) "
                + "role, arn:aws:iam::<account>:role/<name>, e.g. arn:aws:iam::<account>:role/platform-207-<stack>-break-glass");
        if (!deploy.isEmpty() && deploy.equals(breakGlass)) {
            a.report("breakGlassRoleArn", breakGlass, "the break-glass role must not be the deploying role; name a "
                    + "separate emergency role");
        }
        a.rejectUnknownKeys();
        checkRawReaders(a, audiences, readers, rawTables);
        if (catalog != null) {
            checkRawTables(a, catalog, rawTables, audiences, readers);
        }
        return new AccessMatrix(audiences, readers, rawTables, deploy, breakGlass);
    }

    private static AccessAudience audience(String name, Section s) {
        Map<String, AccessZone> zoneNames = new LinkedHashMap<>();
        for (AccessZone zone : AccessZone.values()) {
            zoneNames.put(zone.yamlName(), zone);
        }
        Set<AccessZone> zones = EnumSet.noneOf(AccessZone.class);
        for (String zone : s.texts("zones", "zone names (" + zoneNames.keySet() + ")", true)) {
            AccessZone found = zoneNames.get(zone);
            if (found == null) {
                s.report("zones", zone, "unknown zone; expected one of " + zoneNames.keySet());
            } else {
                zones.add(found);
            }
        }
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        for (String cls : s.texts("classes", "data classes (" + DataClass.allowedNames() + ")", true)) {
            DataClass.fromYaml(cls).ifPresentOrElse(classes::add,
                    () -> s.report("classes", cls, "unknown data class; expected one of " + DataClass.allowedNames()));
        }
        if (s.has("zones") && zones.isEmpty()) {
            s.report("zones", "[]", "an audience must read at least one zone; remove the audience instead");
        }
        int cutoffMb = s.integer("bytesScannedCutoffMb", MIN_CUTOFF_MB, MAX_CUTOFF_MB);
        // sts:ExternalId constraints: 2 to 1224 characters of [\w+=,.@:/-] (AWS STS API Reference, AssumeRole).
        Optional<String> externalId = s.optionalText("externalId", "the External ID of its Redash data source");
        externalId.filter(id -> !id.matches("[\\w+=,.@:/-]{2,1224}")).ifPresent(id -> s.report("externalId", id,
                "an External ID is 2 to 1224 characters of letters, digits and +=,.@:/-_"));
        return new AccessAudience(name, zones, classes, cutoffMb * 1024L * 1024L, externalId);
    }

    private static void checkRawReaders(Section a, List<AccessAudience> audiences, Set<String> readers,
                                        Set<String> rawTables) {
        Set<String> names = audiences.stream().map(AccessAudience::name).collect(Collectors.toSet());
        for (String reader : readers) {
            if (!names.contains(reader)) {
                a.report("rawZoneReaders", reader, "not an audience in access.audiences; declare it there or remove it");
            } else if (audiences.stream().anyMatch(x -> x.name().equals(reader) && !x.reads(AccessZone.RAW))) {
                a.report("rawZoneReaders", reader, "listed as a raw-zone reader but its zones do not include raw; "
                        + "add raw to its zones or remove it from this list");
            } else if (audiences.stream().anyMatch(x -> x.name().equals(reader) && x.externalId().isEmpty())) {
                a.report("audiences." + reader + ".externalId", "", "a raw-zone reader's role is assumed only with an "
                        + "sts:ExternalId, so that no other Redash data source can use it; set externalId here and the "
                        + "same External ID in the reader's Redash data source");
            }
        }
        for (AccessAudience audience : audiences) {
            if (audience.reads(AccessZone.RAW) && !readers.contains(audience.name())) {
                a.report("audiences." + audience.name() + ".zones", "raw", "reading the raw zone needs the audience "
                        + "to be listed in access.rawZoneReaders too (a second, explicit entry for review)");
            }
        }
        if (!readers.isEmpty() && rawTables.isEmpty()) {
            a.report("rawZoneReaders", readers.toString(), "there are raw-zone readers but access.rawZoneTables is "
                    + "empty, so the raw zone holds nothing; list the tables or remove the readers");
        }
    }

    private static void checkRawTables(Section a, Catalog catalog, Set<String> rawTables,
                                       List<AccessAudience> audiences, Set<String> readers) {
        for (String table : rawTables) {
            if (catalog.table(table).isEmpty()) {
                a.report("rawZoneTables", table, "not a table of the catalog; known tables: " + catalog.tableNames());
            }
        }
        for (AccessAudience audience : audiences) {
            if (!readers.contains(audience.name()) || !audience.reads(AccessZone.RAW)) {
                continue;
            }
            boolean readsAny = rawTables.stream().map(catalog::table).flatMap(java.util.Optional::stream)
                    .anyMatch(t -> classesOf(t).stream().allMatch(audience.classes()::contains));
            if (!readsAny && !rawTables.isEmpty()) {
                a.report("audiences." + audience.name() + ".classes", audience.classes().stream()
                                .map(DataClass::yamlName).sorted().toList().toString(),
                        "this raw-zone reader may read none of the raw tables " + rawTables + ": each holds classes "
                                + "outside this list; add the classes the reader needs or remove its raw access");
            }
        }
    }

    private static Set<DataClass> classesOf(CatalogTable table) {
        return table.columns().stream().map(CatalogColumn::dataClass).collect(Collectors.toSet());
    }
}
