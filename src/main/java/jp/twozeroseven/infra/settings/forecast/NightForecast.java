package jp.twozeroseven.infra.settings.forecast;

import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.TableSize;
import jp.twozeroseven.infra.settings.DataPipelineSettings;
import jp.twozeroseven.infra.settings.Problem;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * The forecast of one night: each table's task from its size hint and the configured per-task throughput, placed
 * longest first (LPT) on {@code maxConcurrency} slots, against the times the run must end by. A pure function of
 * the settings, so the settings check, the execution input, the synth summary and the capacity report agree.
 *
 * <p>Assumptions (docs/data-pipeline.md, "Forecast of the night"): a task's start-up (Fargate placement, image
 * pull, JVM and Embulk start) is {@link #STARTUP_SECONDS}; it then moves {@code rowsPerSecond} rows; one task may
 * use {@link #TASK_BUDGET_SHARE} of its timeout and of the night, so an estimate 25% off still finishes;
 * embulk-output-s3_parquet buffers the whole file under /tmp before the upload, at most the rows' bytes
 * ({@link #DISK_PER_ROW_BYTE}: Parquet compression only shrinks it, the rest is Embulk's own temporary files), plus
 * the image, which Fargate also stores on the task's ephemeral storage.
 */
public record NightForecast(LocalTime start, int concurrency, int rowsPerSecond, List<TablePlan> tables,
                            List<Slot> steadyNight, long steadySeconds, List<Slot> firstNight, long firstNightSeconds,
                            List<NightLimit> limits, NightLimit firstLimit, long budgetSeconds, List<Problem> problems) {

    public static final long STARTUP_SECONDS = 180;
    /** Lock check, summary, heartbeat and Map bookkeeping of one execution. */
    public static final long EXECUTION_OVERHEAD_SECONDS = 60;
    public static final double TASK_BUDGET_SHARE = 0.8;
    public static final double DISK_PER_ROW_BYTE = 1.2;
    public static final int IMAGE_GIB = 2;
    /** ECS API reference, EphemeralStorage: "The minimum supported value is 21 GiB and the maximum ... 200 GiB." */
    public static final int MIN_EPHEMERAL_GIB = 21;
    public static final int MAX_EPHEMERAL_GIB = 200;
    /** The early-morning write peak; dataPipeline.nightlyAt must already lie between 22:00 and 04:59. */
    public static final LocalTime WRITE_PEAK = LocalTime.of(5, 0);
    private static final long GIB = 1024L * 1024 * 1024;

    /** One task placed on a slot, seconds after the run starts. */
    public record Slot(String table, int slot, long startSecond, long endSecond) {
    }

    /**
     * @param heartbeatDeadline    observability.dataPipeline.heartbeatDeadline (Asia/Tokyo)
     * @param maintenanceWindowUtc database.maintenanceWindow, {@code ddd:hh:mm-ddd:hh:mm} in UTC
     */
    public static NightForecast of(DataPipelineSettings settings, LocalTime heartbeatDeadline, String maintenanceWindowUtc) {
        LocalTime start = settings.nightlyAt();
        List<NightLimit> limits = new ArrayList<>();
        limits.add(new NightLimit("the heartbeat deadline", "observability.dataPipeline.heartbeatDeadline",
                heartbeatDeadline, false));
        limits.add(new NightLimit("the 05:00 write peak", "dataPipeline.nightlyAt", WRITE_PEAK, false));
        if (maintenanceWindowUtc != null && maintenanceWindowUtc.length() >= 9) {
            // Asia/Tokyo is UTC+9 all year (no daylight saving).
            LocalTime utc = LocalTime.parse(maintenanceWindowUtc.substring(4, 9));
            limits.add(new NightLimit("the Aurora maintenance window", "database.maintenanceWindow",
                    utc.plusHours(9), true));
        }
        long runWindow = secondsUntil(start, heartbeatDeadline);
        List<Problem> early = new ArrayList<>();
        if (settings.task().timeoutSeconds() > runWindow) {
            // The execution's own TimeoutSeconds is the run window; one task may not outlast it.
            early.add(new Problem("dataPipeline.embulkTask.timeoutMinutes", String.valueOf(settings.task().timeoutMinutes()),
                    "one task may run longer than the whole night (nightlyAt " + start + " to the heartbeat deadline "
                            + heartbeatDeadline + ", " + runWindow / 60 + " minutes); lower it to at most that"));
        }
        NightLimit first = limits.stream().min(Comparator.comparingLong(l -> secondsUntil(start, l.at()))).orElseThrow();
        long budget = secondsUntil(start, first.at());
        List<Problem> problems = new ArrayList<>(early);
        long taskSeconds = (long) (TASK_BUDGET_SHARE * Math.min(settings.task().timeoutSeconds(), budget)) - STARTUP_SECONDS;
        int rps = settings.task().rowsPerSecond();
        // Catch-up windows start at one task's whole budget and shrink until the first night fits the night too
        // (more big tables than slots means several windows one after another on a slot).
        long catchUpSeconds = Math.max(0, taskSeconds);
        List<TablePlan> plans = List.of();
        List<Slot> firstNight = List.of();
        List<Problem> tableProblems = List.of();
        for (int round = 0; round < 12; round++) {
            List<Problem> found = new ArrayList<>();
            List<TablePlan> planned = new ArrayList<>();
            if (settings.catalog() != null) {
                for (CatalogTable table : settings.catalog().tables()) {
                    plan(table, Math.max(0, taskSeconds), catchUpSeconds, rps, found).ifPresent(planned::add);
                }
            }
            plans = planned;
            tableProblems = found;
            firstNight = schedule(plans, settings.maxConcurrency(), false);
            long over = makespan(firstNight);
            if (over <= budget || plans.stream().noneMatch(t -> t.catchUpWindow() > 0)) {
                break;
            }
            catchUpSeconds = (long) (catchUpSeconds * 0.95 * budget / over);
        }
        problems.addAll(tableProblems);
        List<Slot> steady = schedule(plans, settings.maxConcurrency(), true);
        long steadySeconds = makespan(steady);
        long firstSeconds = makespan(firstNight);
        // Earliest first, so the problem names the first limit the night crosses.
        for (NightLimit limit : limits.stream().sorted(Comparator.comparingLong(l -> secondsUntil(start, l.at()))).toList()) {
            long until = secondsUntil(start, limit.at());
            check(problems, "a normal night", steadySeconds, until, limit, start, settings, rps);
            check(problems, "the first night, every table from scratch,", firstSeconds, until, limit, start, settings, rps);
        }
        return new NightForecast(start, settings.maxConcurrency(), rps, List.copyOf(plans), steady, steadySeconds,
                firstNight, firstSeconds, List.copyOf(limits), first, budget, List.copyOf(problems));
    }

    private static void check(List<Problem> problems, String night, long seconds, long until, NightLimit limit,
                              LocalTime start, DataPipelineSettings settings, int rps) {
        if (seconds <= until) {
            return;
        }
        boolean reported = problems.stream().anyMatch(p -> p.key().equals("dataPipeline.maxConcurrency"));
        if (reported) {
            return;
        }
        problems.add(new Problem("dataPipeline.maxConcurrency", String.valueOf(settings.maxConcurrency()),
                String.format(Locale.ROOT, "the forecast of %s (%d tables longest first on %d slots at %,d rows/s per "
                                + "task) ends at %s, after %s at %s (%s); raise maxConcurrency, start earlier "
                                + "(dataPipeline.nightlyAt %s), or measure embulkTask.rowsPerSecond on a real night",
                        night, settings.catalog() == null ? 0 : settings.catalog().tables().size(),
                        settings.maxConcurrency(), rps, clock(start, seconds), limit.name(), limit.at(),
                        limit.settingKey(), start)));
    }

    /**
     * @param taskSeconds    the most one task may move rows for (its timeout's and the night's share)
     * @param catchUpSeconds the most one catch-up window of a first run may take (at most taskSeconds)
     */
    private static java.util.Optional<TablePlan> plan(CatalogTable table, long taskSeconds, long catchUpSeconds, int rps,
                                                      List<Problem> problems) {
        String key = "dataPipeline.catalog";
        if (table.size().isEmpty()) {
            problems.add(new Problem(key, table.name(), "table " + table.name() + " has no size hint; add "
                    + "size: {rows: ..., row_bytes: ...} (and daily_rows for an incremental table) to its catalog "
                    + "entry, so its disk, first-run windows and the night's forecast can be derived"));
            return java.util.Optional.empty();
        }
        TableSize size = table.size().get();
        long diskRows = (long) (((MAX_EPHEMERAL_GIB - IMAGE_GIB) * GIB) / (DISK_PER_ROW_BYTE * size.rowBytes()));
        long maxRows = Math.min(taskSeconds * rps, diskRows);
        long windowRows = Math.max(1, Math.min(catchUpSeconds * rps, diskRows));
        long nightly = table.isIncremental() ? size.dailyRows().orElse(size.rows()) : size.rows();
        if (nightly > maxRows) {
            problems.add(new Problem(key, table.name(), String.format(Locale.ROOT, "table %s reads %,d rows a night, "
                            + "more than one task can: %,d rows (%,d s at %,d rows/s, or %d GiB of disk); %s",
                    table.name(), nightly, maxRows, taskSeconds, rps, MAX_EPHEMERAL_GIB,
                    table.isIncremental() ? "raise embulkTask.timeoutMinutes or check size.daily_rows"
                            : "give it an incremental_column, or raise embulkTask.timeoutMinutes")));
            return java.util.Optional.empty();
        }
        long firstRows = size.rows();
        long window = 0;
        long nights = 1;
        String unit = "";
        if (table.isIncremental() && size.rows() > windowRows) {
            CatalogColumn column = table.column(table.incrementalColumn().orElseThrow()).orElseThrow();
            if (column.type().isTemporal()) {
                unit = "days";
                if (size.historyDays().isEmpty()) {
                    problems.add(new Problem(key, table.name(), String.format(Locale.ROOT, "the first run of table %s "
                                    + "reads %,d rows, more than one task can (%,d); add size.history_days (days between the "
                                    + "oldest and newest %s) so the first run is split into windows", table.name(),
                            size.rows(), windowRows, column.name())));
                    return java.util.Optional.empty();
                }
                long history = size.historyDays().getAsLong();
                window = (long) Math.floor((double) history * windowRows / size.rows());
                if (window < 1) {
                    problems.add(new Problem(key, table.name(), String.format(Locale.ROOT, "one day of table %s "
                                    + "(%,d rows / %d days) is more than one task can read (%,d rows); raise "
                                    + "embulkTask.timeoutMinutes", table.name(), size.rows(), history, windowRows)));
                    return java.util.Optional.empty();
                }
                firstRows = (long) Math.ceil((double) size.rows() * window / history);
                nights = (history + window - 1) / window;
            } else {
                // An integer key is close to dense: one id value is about one row.
                unit = "ids";
                window = windowRows;
                firstRows = windowRows;
                nights = (size.rows() + windowRows - 1) / windowRows;
            }
        }
        long largest = Math.max(nightly, firstRows);
        int gib = (int) Math.ceil(largest * size.rowBytes() * DISK_PER_ROW_BYTE / GIB) + IMAGE_GIB;
        gib = Math.max(MIN_EPHEMERAL_GIB, Math.min(MAX_EPHEMERAL_GIB, gib));
        return java.util.Optional.of(new TablePlan(table.name(), table.isIncremental(), nightly, seconds(nightly, rps),
                firstRows, seconds(firstRows, rps), window, unit, nights, gib));
    }

    private static long seconds(long rows, int rps) {
        return STARTUP_SECONDS + (rows + rps - 1) / rps;
    }

    /** Longest processing time first: each task, longest first, goes to the slot that frees up first. */
    static List<Slot> schedule(List<TablePlan> plans, int concurrency, boolean steady) {
        List<TablePlan> ordered = new ArrayList<>(plans);
        Comparator<TablePlan> longest = Comparator.comparingLong(p -> steady ? p.nightlySeconds() : p.firstNightSeconds());
        ordered.sort(longest.reversed().thenComparing(TablePlan::table));
        PriorityQueue<long[]> slots = new PriorityQueue<>(Comparator.<long[]>comparingLong(s -> s[0])
                .thenComparingLong(s -> s[1]));
        for (int i = 0; i < concurrency; i++) {
            slots.add(new long[] {EXECUTION_OVERHEAD_SECONDS / 2, i});
        }
        List<Slot> placed = new ArrayList<>();
        for (TablePlan plan : ordered) {
            long[] slot = slots.poll();
            long end = slot[0] + (steady ? plan.nightlySeconds() : plan.firstNightSeconds());
            placed.add(new Slot(plan.table(), (int) slot[1], slot[0], end));
            slots.add(new long[] {end, slot[1]});
        }
        return List.copyOf(placed);
    }

    private static long makespan(List<Slot> slots) {
        return slots.stream().mapToLong(Slot::endSecond).max().orElse(0) + EXECUTION_OVERHEAD_SECONDS / 2;
    }

    /** Seconds from start to the next occurrence of at (a limit equal to start is a full day away). */
    static long secondsUntil(LocalTime start, LocalTime at) {
        long d = Duration.between(start, at).getSeconds();
        return d <= 0 ? d + 86_400 : d;
    }

    public static String clock(LocalTime start, long seconds) {
        return start.plusSeconds(seconds).withSecond(0).withNano(0).toString();
    }

    public LocalTime steadyEnd() {
        return start.plusSeconds(steadySeconds);
    }

    public LocalTime firstNightEnd() {
        return start.plusSeconds(firstNightSeconds);
    }

    public java.util.Optional<TablePlan> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }

    /** One line for the synth summary. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "ETL forecast: %d tables on %d slots at %,d rows/s: a normal night %s-%s "
                        + "(%s), the first night to %s; first limit %s at %s", tables.size(), concurrency, rowsPerSecond,
                start, clock(start, steadySeconds), duration(steadySeconds), clock(start, firstNightSeconds),
                firstLimit.name(), firstLimit.at());
    }

    public static String duration(long seconds) {
        long minutes = (seconds + 59) / 60;
        return String.format(Locale.ROOT, "%dh%02dm", minutes / 60, minutes % 60);
    }
}
