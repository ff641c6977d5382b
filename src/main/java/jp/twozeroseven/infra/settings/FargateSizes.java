package jp.twozeroseven.infra.settings;

/** The CPU and memory pairs that Fargate accepts for a task. */
final class FargateSizes {

    private FargateSizes() {
    }

    static boolean allowedCpu(int cpu) {
        return cpu == 256 || cpu == 512 || cpu == 1024 || cpu == 2048 || cpu == 4096;
    }

    static boolean allowed(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> memory >= 1024 && memory <= 4096 && memory % 1024 == 0;
            case 1024 -> memory >= 2048 && memory <= 8192 && memory % 1024 == 0;
            case 2048 -> memory >= 4096 && memory <= 16384 && memory % 1024 == 0;
            case 4096 -> memory >= 8192 && memory <= 30720 && memory % 1024 == 0;
            default -> false;
        };
    }

    static String describe(int cpu) {
        return switch (cpu) {
            case 256 -> "512, 1024 or 2048";
            case 512 -> "1024 to 4096 in steps of 1024";
            case 1024 -> "2048 to 8192 in steps of 1024";
            case 2048 -> "4096 to 16384 in steps of 1024";
            case 4096 -> "8192 to 30720 in steps of 1024";
            default -> "none: cpu must be 256, 512, 1024, 2048 or 4096";
        };
    }
}
