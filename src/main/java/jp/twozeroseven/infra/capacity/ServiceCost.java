package jp.twozeroseven.infra.capacity;

/**
 * One service's compute per month under the schedule and under static provisioning at peak.
 *
 * @param taskHourUsd        what one task costs per hour for its cpu, memory and architecture
 * @param scheduledMinTaskHours task-hours per month with every window at its min
 * @param scheduledMaxTaskHours task-hours per month with every window at its max (the schedule's ceiling)
 * @param staticTaskHours       task-hours per month of a fleet fixed at the busiest window's max
 */
public record ServiceCost(String service, double vcpu, double memoryGb, String architecture, double taskHourUsd,
                          int peakTasks, double scheduledMinTaskHours, double scheduledMaxTaskHours,
                          double staticTaskHours) {

    public double scheduledMinUsd() {
        return scheduledMinTaskHours * taskHourUsd;
    }

    public double scheduledMaxUsd() {
        return scheduledMaxTaskHours * taskHourUsd;
    }

    public double staticUsd() {
        return staticTaskHours * taskHourUsd;
    }

    /** Task-hours the schedule saves even if target tracking holds every window at its max. */
    public double savedTaskHours() {
        return staticTaskHours - scheduledMaxTaskHours;
    }
}
