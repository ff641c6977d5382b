package jp.twozeroseven.infra.platform.containers;

import java.util.Map;
import java.util.Set;

/**
 * Task-level Fargate CPU/memory and how much of it the sidecars reserve; the app gets the rest.
 * CPU is in ECS units (1024 = 1 vCPU), memory in MiB.
 */
public record TaskSize(int cpu, int memoryMiB, int logRouterCpu, int logRouterMemoryMiB, int agentCpu, int agentMemoryMiB) {

    private static final Map<Integer, int[]> FARGATE_MEMORY = Map.of(
            // cpu -> {min, max, step}
            256, new int[]{512, 2048, 512}, // 1536 is not offered; handled below
            512, new int[]{1024, 4096, 1024},
            1024, new int[]{2048, 8192, 1024},
            2048, new int[]{4096, 16384, 1024},
            4096, new int[]{8192, 30720, 1024},
            8192, new int[]{16384, 61440, 4096},
            16384, new int[]{32768, 122880, 8192});

    public TaskSize {
        int[] range = FARGATE_MEMORY.get(cpu);
        if (range == null) {
            throw new IllegalArgumentException("task cpu " + cpu + " is not a Fargate size; use one of "
                    + Set.copyOf(FARGATE_MEMORY.keySet()).stream().sorted().toList());
        }
        boolean memoryOk = memoryMiB >= range[0] && memoryMiB <= range[1]
                && (memoryMiB - range[0]) % range[2] == 0;
        if (cpu == 256) {
            memoryOk = memoryMiB == 512 || memoryMiB == 1024 || memoryMiB == 2048;
        }
        if (!memoryOk) {
            throw new IllegalArgumentException("task memory " + memoryMiB + " MiB is not valid with cpu " + cpu
                    + " on Fargate; use " + range[0] + ".." + range[1] + " in steps of " + range[2]);
        }
        if (logRouterCpu < 0 || agentCpu < 0 || logRouterMemoryMiB < 32 || agentMemoryMiB < 64) {
            throw new IllegalArgumentException("sidecar sizes must be cpu >= 0, log router memory >= 32 MiB "
                    + "and agent memory >= 64 MiB; got log router " + logRouterCpu + "/" + logRouterMemoryMiB
                    + ", agent " + agentCpu + "/" + agentMemoryMiB);
        }
        int appCpu = cpu - logRouterCpu - agentCpu;
        int appMemory = memoryMiB - logRouterMemoryMiB - agentMemoryMiB;
        if (appCpu < 128 || appMemory < 256) {
            throw new IllegalArgumentException("after the sidecars, the app keeps only cpu " + appCpu + " and "
                    + appMemory + " MiB of task " + cpu + "/" + memoryMiB + "; raise the task size");
        }
    }

    /** Sidecar reservations that have held for a Rails/Next.js task: 64 CPU + 128 MiB each. */
    public static TaskSize withDefaultSidecars(int cpu, int memoryMiB) {
        return new TaskSize(cpu, memoryMiB, 64, 128, 64, 128);
    }

    public int appCpu() {
        return cpu - logRouterCpu - agentCpu;
    }

    public int appMemoryMiB() {
        return memoryMiB - logRouterMemoryMiB - agentMemoryMiB;
    }
}
