package jp.twozeroseven.infra.settings.forecast;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The forecast as text for the synth summary and as Markdown for cost.md: pure functions of the forecast. */
public final class NightForecastTable {

    private NightForecastTable() {
    }

    public static String text(NightForecast f) {
        StringBuilder out = new StringBuilder();
        out.append(f.summaryLine()).append('\n');
        for (NightLimit limit : f.limits()) {
            long until = NightForecast.secondsUntil(f.start(), limit.at());
            out.append(String.format(Locale.ROOT, "  %-32s %s  margin %s (normal night), %s (first night)%n",
                    limit.name(), limit.at(), margin(until - f.steadySeconds()), margin(until - f.firstNightSeconds())));
        }
        out.append(String.format(Locale.ROOT, "  %-18s %15s %8s %13s %5s  %s%n", "table", "rows/night", "task",
                "slot", "disk", "first run"));
        appendTables(out, f, "  %-18s %,15d %8s %s-%s %3dG  %s%n");
        return out.toString();
    }

    public static String markdown(NightForecast f) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d tables, longest first on %d slots (`maxConcurrency`), at %,d rows/s "
                        + "per task (`embulkTask.rowsPerSecond`) and %d s of start-up per task, from `nightlyAt` %s: a "
                        + "normal night ends at **%s** (%s), the first night (every table from scratch) at **%s**.%n%n",
                f.tables().size(), f.concurrency(), f.rowsPerSecond(), NightForecast.STARTUP_SECONDS, f.start(),
                NightForecast.clock(f.start(), f.steadySeconds()), NightForecast.duration(f.steadySeconds()),
                NightForecast.clock(f.start(), f.firstNightSeconds())));
        md.append("| Must end before | At | Margin, normal night | Margin, first night |\n|---|---|---:|---:|\n");
        for (NightLimit limit : f.limits()) {
            long until = NightForecast.secondsUntil(f.start(), limit.at());
            md.append(String.format(Locale.ROOT, "| %s%s (`%s`) | %s | %s | %s |%n", limit.name(),
                    limit.weekly() ? ", weekly" : "", limit.settingKey(), limit.at(),
                    margin(until - f.steadySeconds()), margin(until - f.firstNightSeconds())));
        }
        md.append("\n| Table | Rows a night | Task | Slot | Ephemeral storage | First run |\n|---|---:|---:|---|---:|---|\n");
        appendTables(md, f, "| %s | %,d | %s | %s-%s | %d GiB | %s |%n");
        return md.toString();
    }

    /**
     * One row per table of a normal night, by slot start: {@code format} takes the table, its rows a night, its
     * task's duration, the slot's start and end, its ephemeral storage in GiB and how its first run goes.
     */
    private static void appendTables(StringBuilder out, NightForecast f, String format) {
        List<NightForecast.Slot> slots = f.steadyNight().stream().sorted(Comparator
                .comparingLong(NightForecast.Slot::startSecond).thenComparing(NightForecast.Slot::table)).toList();
        for (NightForecast.Slot slot : slots) {
            TablePlan p = f.table(slot.table()).orElseThrow();
            out.append(String.format(Locale.ROOT, format, p.table(), p.nightlyRows(),
                    NightForecast.duration(p.nightlySeconds()), NightForecast.clock(f.start(), slot.startSecond()),
                    NightForecast.clock(f.start(), slot.endSecond()), p.ephemeralStorageGiB(), firstRun(p)));
        }
    }

    private static String firstRun(TablePlan p) {
        if (!p.incremental()) {
            return "full export every night";
        }
        if (p.catchUpWindow() == 0) {
            return String.format(Locale.ROOT, "one task, %,d rows, %s", p.firstNightRows(),
                    NightForecast.duration(p.firstNightSeconds()));
        }
        return String.format(Locale.ROOT, "%d nights of %,d %s (%,d rows, %s each)", p.catchUpNights(),
                p.catchUpWindow(), p.catchUpUnit(), p.firstNightRows(), NightForecast.duration(p.firstNightSeconds()));
    }

    private static String margin(long seconds) {
        return seconds < 0 ? "-" + NightForecast.duration(-seconds) : NightForecast.duration(seconds);
    }
}
