package jp.twozeroseven.infra.platform.scaling;

import jp.twozeroseven.infra.settings.CapacityWindow;
import jp.twozeroseven.infra.settings.ScalingSettings;
import jp.twozeroseven.infra.settings.ServiceSettings;
import jp.twozeroseven.infra.settings.StackSettings;

/**
 * Each service's 24-hour capacity plan in Tokyo time, as synth prints it: one row per hour with the window in
 * force at the start of that hour and its task range.
 */
public final class CapacityPlanTable {

    private CapacityPlanTable() {
    }

    public static String render(StackSettings settings) {
        StringBuilder out = new StringBuilder();
        for (ServiceSettings service : settings.services()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(render(service.name(), service.scaling()));
        }
        return out.toString();
    }

    public static String render(String serviceName, ScalingSettings scaling) {
        int nameWidth = Math.max("window".length(),
                scaling.windows().stream().mapToInt(w -> w.name().length()).max().orElse(0));
        String row = "%-5s  %-" + nameWidth + "s  %3s  %3s%n";
        StringBuilder out = new StringBuilder();
        out.append("Capacity plan for ").append(serviceName).append(" (Asia/Tokyo; target tracking on CPU ")
                .append(scaling.cpuTargetPercent()).append("% and ").append(scaling.requestsPerTarget())
                .append(" requests/target/min inside each range)\n");
        out.append(String.format(row, "hour", "window", "min", "max"));
        for (int hour = 0; hour < 24; hour++) {
            CapacityWindow window = scaling.windowAt(hour);
            out.append(String.format(row, String.format("%02d:00", hour), window.name(), window.min(), window.max()));
        }
        return out.toString();
    }
}
