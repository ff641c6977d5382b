package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.catalog.CatalogTable;
import jp.twozeroseven.infra.catalog.TableSize;
import jp.twozeroseven.infra.settings.forecast.NightForecast;
import jp.twozeroseven.infra.settings.forecast.NightForecastTable;
import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;

import java.util.List;
import java.util.Locale;

/** Renders cost.md: a pure function of the settings and the estimate. */
public final class CostMarkdown {

    private CostMarkdown() {
    }

    public static String render(StackSettings settings, CostEstimate cost) {
        PriceTable p = cost.prices();
        StringBuilder md = new StringBuilder();
        md.append("# Capacity and cost: stack ").append(settings.stack()).append("\n\n");
        md.append("Generated from `Pulumi.").append(settings.stack()).append(".yaml` with the price table `pricing/")
                .append(p.region()).append(".yaml` dated **").append(p.date()).append("**: on-demand prices, ")
                .append(fmt(p.hoursPerMonth())).append(" hours per month, USD 1 = JPY ").append(fmt(p.usdToJpy()))
                .append(".\n\nPrice source: ").append(p.source()).append("\n\n");

        md.append("## Fargate compute per month\n\n");
        md.append("| Service | Task | USD per task-hour | Peak tasks | Task-hours, schedule (min to max) "
                + "| Task-hours, static at peak | JPY, schedule (min to max) | JPY, static at peak |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (ServiceCost s : cost.services()) {
            md.append(String.format(Locale.ROOT, "| %s | %s vCPU, %s GB, %s | %.5f | %d | %,.0f to %,.0f | %,.0f "
                            + "| ¥%,d to ¥%,d | ¥%,d |%n", s.service(), fmt(s.vcpu()), fmt(s.memoryGb()),
                    s.architecture(), s.taskHourUsd(), s.peakTasks(), s.scheduledMinTaskHours(),
                    s.scheduledMaxTaskHours(), s.staticTaskHours(), cost.yen(s.scheduledMinUsd()),
                    cost.yen(s.scheduledMaxUsd()), cost.yen(s.staticUsd())));
        }
        double minHours = cost.services().stream().mapToDouble(ServiceCost::scheduledMinTaskHours).sum();
        double maxHours = cost.services().stream().mapToDouble(ServiceCost::scheduledMaxTaskHours).sum();
        md.append(String.format(Locale.ROOT, "| **all** | | | | %,.0f to %,.0f | %,.0f | ¥%,d to ¥%,d | ¥%,d |%n%n",
                minHours, maxHours, cost.staticTaskHours(), cost.yen(cost.computeScheduledMinUsd()),
                cost.yen(cost.computeScheduledMaxUsd()), cost.yen(cost.computeStaticUsd())));

        md.append("## Schedule against static provisioning at peak\n\n");
        double saved = cost.savedTaskHours();
        double share = cost.staticTaskHours() == 0 ? 0 : saved / cost.staticTaskHours();
        md.append(String.format(Locale.ROOT, "Running every service all day at its busiest window's max would take "
                        + "%,.0f task-hours (¥%,d) a month. The schedule takes at most %,.0f task-hours (¥%,d), "
                        + "when target tracking holds every window at its max, and %,.0f task-hours (¥%,d) when "
                        + "every window stays at its min.%n%n",
                cost.staticTaskHours(), cost.yen(cost.computeStaticUsd()), maxHours,
                cost.yen(cost.computeScheduledMaxUsd()), minHours, cost.yen(cost.computeScheduledMinUsd())));
        md.append(String.format(Locale.ROOT, "**Saving: at least %,.0f task-hours (%.0f%%) and ¥%,d a month; up to "
                        + "%,.0f task-hours and ¥%,d.**%n%n", saved, share * 100,
                cost.yen(cost.computeStaticUsd() - cost.computeScheduledMaxUsd()),
                cost.staticTaskHours() - minHours,
                cost.yen(cost.computeStaticUsd() - cost.computeScheduledMinUsd())));

        md.append("## Fixed costs per month\n\n| Item | Basis | USD | JPY |\n|---|---|---:|---:|\n");
        for (FixedCost f : cost.fixed()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.2f | ¥%,d |%n", f.item(), f.basis(), f.monthlyUsd(),
                    cost.yen(f.monthlyUsd())));
        }
        md.append(String.format(Locale.ROOT, "| **all** | | %,.2f | ¥%,d |%n%n", cost.fixedUsd(),
                cost.yen(cost.fixedUsd())));

        md.append("## Total per month\n\n| Compute at | USD | JPY |\n|---|---:|---:|\n");
        total(md, cost, "schedule, windows at min", cost.computeScheduledMinUsd());
        total(md, cost, "schedule, windows at max", cost.computeScheduledMaxUsd());
        total(md, cost, "static at peak", cost.computeStaticUsd());
        md.append("\nNot included: data transfer, NAT gateway and endpoint data processing, ALB capacity units above "
                + "the assumed ").append(fmt(p.albAssumedLcus())).append(", Aurora storage, I/O and backups, "
                + "CloudWatch, CloudFront, ECR storage, New Relic, tax; the nightly ETL is below.\n\n");
        etl(md, settings, p, cost);

        md.append("## Windows (Asia/Tokyo)\n\n| Service | Window | Time | Expected peak rps | Min | Max | Source |\n"
                + "|---|---|---|---:|---:|---:|---|\n");
        for (ServiceSettings service : settings.services()) {
            for (CapacityWindow w : sorted(service.scaling().windows())) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s-%s | %s | %d | %d | %s |%n", service.name(),
                        w.name(), w.start(), w.end(),
                        w.expectedPeakRps().isPresent() ? fmt(w.expectedPeakRps().getAsDouble()) : "",
                        w.min(), w.max(), w.isDerived() ? derivation(service) : "hand-typed"));
            }
        }
        md.append("\nCharts: ").append(String.join(", ", settings.services().stream()
                .map(s -> "[" + s.name() + "](" + CapacityReport.chartFileName(s.name()) + ")").toList()))
                .append(".\n");
        return md.toString();
    }

    /** The nightly export: the forecast of the night and what one night and one month of it cost. */
    private static void etl(StringBuilder md, StackSettings settings, PriceTable p, CostEstimate cost) {
        var pipeline = settings.dataPipeline();
        NightForecast forecast = NightForecast.of(pipeline, settings.observability().heartbeat().deadline(),
                settings.database().maintenanceWindow());
        md.append("## Nightly ETL (Embulk on Fargate)\n\n").append(NightForecastTable.markdown(forecast)).append('\n');
        if (p.etl().isEmpty()) {
            md.append("The price table has no `etl` section, so the export is not priced.\n\n");
            return;
        }
        EtlCost etl = EtlCost.of(forecast, pipeline.task(), p, table -> pipeline.catalog().table(table)
                .flatMap(CatalogTable::size).map(TableSize::rowBytes).orElse(0));
        double nights = p.hoursPerMonth() / 24.0;
        var task = pipeline.task();
        boolean spot = task.capacity() == jp.twozeroseven.infra.settings.EtlCapacity.SPOT_FIRST;
        md.append("| Item | Basis | USD a night | JPY a month |\n|---|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| Fargate %s | %,.2f task-hours × %s vCPU, %s GB, %s | %.4f | ¥%,d |%n",
                spot ? "Spot" : "on-demand", etl.taskHours(), fmt(task.cpu() / 1024.0), fmt(task.memory() / 1024.0),
                CostEstimate.architecture(task.architecture()), etl.computeUsd(), cost.yen(etl.computeUsd() * nights)));
        md.append(String.format(Locale.ROOT, "| Ephemeral storage above 20 GiB | per table, from its size hint | %.4f | ¥%,d |%n",
                etl.storageUsd(), cost.yen(etl.storageUsd() * nights)));
        md.append(String.format(Locale.ROOT, "| Step Functions | %,d state transitions (no retries) | %.4f | ¥%,d |%n",
                etl.transitions(), etl.transitionsUsd(), cost.yen(etl.transitionsUsd() * nights)));
        md.append(String.format(Locale.ROOT, "| S3 requests | %,d GET, %,d PUT (multipart parts of 5 MiB) | %.4f | ¥%,d |%n",
                etl.getRequests(), etl.putRequests(), etl.requestsUsd(), cost.yen(etl.requestsUsd() * nights)));
        md.append(String.format(Locale.ROOT, "| **a normal night** | | %.4f | ¥%,d |%n", etl.nightUsd(),
                cost.yen(etl.nightUsd() * nights)));
        if (spot) {
            md.append(String.format(Locale.ROOT, "| every task on on-demand (Spot lost) | same task-hours at the "
                    + "on-demand rate | %.4f | ¥%,d |%n", etl.worstNightUsd(), cost.yen(etl.worstNightUsd() * nights)));
        }
        md.append("\nA month is ").append(fmt(nights)).append(" nights. Not included: Aurora I/O of the reads, NAT or "
                + "endpoint data processing of the uploads, CloudWatch Logs, the S3 storage of the files, Athena.\n\n");
    }

    private static String derivation(ServiceSettings service) {
        return service.scaling().capacity().map(c -> String.format(Locale.ROOT, "derived: %s rps/task × %s, "
                        + "headroom %s, floor %d", fmt(c.perTaskRps()), fmt(c.targetUtilisation()), fmt(c.headroom()),
                c.minimumTasks())).orElse("derived");
    }

    private static void total(StringBuilder md, CostEstimate cost, String label, double computeUsd) {
        double usd = computeUsd + cost.fixedUsd();
        md.append(String.format(Locale.ROOT, "| %s | %,.2f | ¥%,d |%n", label, usd, cost.yen(usd)));
    }

    private static List<CapacityWindow> sorted(List<CapacityWindow> windows) {
        return windows.stream().sorted(java.util.Comparator.comparing(CapacityWindow::start)).toList();
    }

    static String fmt(double value) {
        return CostEstimate.fmt(value);
    }
}
