package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Optional;

/**
 * Scheduled capacity with target tracking in between.
 *
 * @param windows           cover the whole day without gaps or overlaps, in Asia/Tokyo time
 * @param cpuTargetPercent  target tracking on average CPU; default 60
 * @param requestsPerTarget target tracking on ALB requests per target per minute; default 1000, or the planned
 *                          load per task when the windows are derived from {@code capacity}
 * @param capacity          present when some windows' min and max were derived from their expected load
 */
public record ScalingSettings(List<CapacityWindow> windows, int cpuTargetPercent, int requestsPerTarget,
                              Optional<CapacityModel> capacity) {

    /** Hand-typed windows only. */
    public ScalingSettings(List<CapacityWindow> windows, int cpuTargetPercent, int requestsPerTarget) {
        this(windows, cpuTargetPercent, requestsPerTarget, Optional.empty());
    }

    public int peakMax() {
        return windows.stream().mapToInt(CapacityWindow::max).max().orElse(0);
    }

    public int floorMin() {
        return windows.stream().mapToInt(CapacityWindow::min).min().orElse(0);
    }

    public CapacityWindow windowAt(int hour) {
        return windows.stream().filter(w -> w.coversHour(hour)).findFirst().orElseThrow();
    }
}
