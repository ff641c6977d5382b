package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the capacity report of one stack: a PNG chart of the 24-hour plan per service, and {@code cost.md}
 * with the monthly cost of compute and the main fixed costs, comparing the schedule with static provisioning.
 */
public final class CapacityReport {

    private CapacityReport() {
    }

    /**
     * Uses the price table shipped for the stack's region ({@code pricing/<region>.yaml}).
     *
     * @return the files written, charts first, cost.md last
     * @throws jp.twozeroseven.infra.settings.SettingsException when the region has no price table or a price the
     *                                                          stack needs is missing
     */
    public static List<Path> write(StackSettings settings, Path dir) throws IOException {
        return write(settings, PriceTable.forRegion(settings.region()), dir);
    }

    public static List<Path> write(StackSettings settings, PriceTable prices, Path dir) throws IOException {
        CostEstimate cost = CostEstimate.of(settings, prices);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (ServiceSettings service : settings.services()) {
            Path chart = dir.resolve(chartFileName(service.name()));
            Files.write(chart, CapacityChart.png(DailyPlan.of(service), settings.stack()));
            written.add(chart);
        }
        Path md = dir.resolve("cost.md");
        Files.writeString(md, CostMarkdown.render(settings, cost), StandardCharsets.UTF_8);
        written.add(md);
        return List.copyOf(written);
    }

    static String chartFileName(String service) {
        return "capacity-" + service + ".png";
    }
}
